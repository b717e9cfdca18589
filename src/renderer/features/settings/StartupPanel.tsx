import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../shared/contract';
import { Panel } from '../../components';
import { SettingSwitch } from './SettingSwitch';

type StartupKey = 'launchAtLogin' | 'startHidden';

function StartupSwitch({ name, settings }: { name: StartupKey; settings: Settings }) {
  const { t } = useTranslation('settings');
  return (
    <SettingSwitch
      name={name}
      settings={settings}
      label={t(`startup.${name}`)}
      hint={t(`startup.${name}Hint`)}
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
