import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../shared/contract';
import { Panel, Select, TextField, errorText, useAsyncAction } from '../../components';
import { useSettingsStore } from '../../stores/settings';
import { SettingSwitch } from '../settings/SettingSwitch';
import { useSettingSave } from '../settings/useSettingSave';

const INTERVALS = [5, 10, 15, 30, 60, 120, 360, 1440] as const;
type ToggleKey = 'notifyNewLogin' | 'notifyReviewDue' | 'notifyContractEnding';
type DaysKey = 'passwordMaxAgeDays' | 'emailCheckMaxAgeDays';

function Toggle({ name, settings }: { name: ToggleKey; settings: Settings }) {
  const { t } = useTranslation('monitor');
  return <SettingSwitch name={name} settings={settings} label={t(`settings.${name}`)} />;
}

function Days({ name, settings }: { name: DaysKey; settings: Settings }) {
  const { t } = useTranslation('monitor');
  const update = useSettingsStore((s) => s.update);
  const save = useAsyncAction((days: number) => update({ [name]: days }));
  return (
    <TextField
      key={settings[name]}
      label={t(`settings.${name}`)}
      hint={t('settings.daysHint')}
      type="number"
      inputMode="numeric"
      min={7}
      max={3650}
      defaultValue={settings[name]}
      disabled={save.busy}
      error={save.error && errorText(t, save.error)}
      onBlur={(event) => {
        const days = Number(event.target.value);
        if (Number.isInteger(days) && days !== settings[name]) void save.run(days);
      }}
    />
  );
}

function Interval({ settings }: { settings: Settings }) {
  const { t } = useTranslation('monitor');
  const interval = useSettingSave('refreshIntervalMinutes', settings.refreshIntervalMinutes);
  return (
    <Select
      label={t('settings.interval')}
      hint={t('settings.intervalHint')}
      value={String(interval.value)}
      disabled={interval.busy}
      error={interval.error && errorText(t, interval.error)}
      options={INTERVALS.map((m) => ({ value: String(m), label: t(`settings.every.${m}`) }))}
      onChange={(event) => void interval.save(Number(event.target.value))}
    />
  );
}

/** Settings → "Watching and notifications": refresh interval, notification kinds, staleness. */
export function MonitorSettings() {
  const { t } = useTranslation('monitor');
  const settings = useSettingsStore((s) => s.settings);
  if (!settings) return null;
  return (
    <Panel
      title={t('settings.title')}
      description={t('settings.description')}
      id="settings-monitor"
    >
      <Interval settings={settings} />
      <Toggle name="notifyNewLogin" settings={settings} />
      <Toggle name="notifyReviewDue" settings={settings} />
      <Toggle name="notifyContractEnding" settings={settings} />
      <Days name="passwordMaxAgeDays" settings={settings} />
      <Days name="emailCheckMaxAgeDays" settings={settings} />
    </Panel>
  );
}
