import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../shared/contract';
import { Panel, Switch, errorText, useAsyncAction } from '../../components';
import { useSettingsStore } from '../../stores/settings';

type StartupKey = 'launchAtLogin' | 'startHidden';

function StartupSwitch({ name, settings }: { name: StartupKey; settings: Settings }) {
  const { t } = useTranslation('settings');
  const update = useSettingsStore((state) => state.update);
  const save = useAsyncAction((checked: boolean) => update({ [name]: checked }));
  return (
    <Switch
      label={t(`startup.${name}`)}
      hint={t(`startup.${name}Hint`)}
      checked={settings[name]}
      disabled={save.busy}
      error={save.error && errorText(t, save.error)}
      onChange={(event) => void save.run(event.target.checked)}
    />
  );
}

export function StartupPanel({ settings }: { settings: Settings }) {
  const { t } = useTranslation('settings');
  return (
    <Panel title={t('startup.title')} id="settings-startup">
      <StartupSwitch name="launchAtLogin" settings={settings} />
      <StartupSwitch name="startHidden" settings={settings} />
    </Panel>
  );
}
