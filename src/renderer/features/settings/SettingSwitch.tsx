import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../shared/contract';
import { Switch, errorText } from '../../components';
import { useSettingSave } from './useSettingSave';

/** The settings that are on or off. */
export type SwitchSettingKey = {
  [K in keyof Settings]: Settings[K] extends boolean ? K : never;
}[keyof Settings];

/**
 * A switch that saves one on/off setting through main: it shows the chosen position while
 * saving, and goes back and says why if main refuses (useSettingSave).
 */
export function SettingSwitch({
  name,
  settings,
  label,
  hint,
}: {
  name: SwitchSettingKey;
  settings: Settings;
  label: string;
  hint?: string;
}) {
  const { t } = useTranslation();
  const setting = useSettingSave(name, settings[name]);
  return (
    <Switch
      label={label}
      hint={hint}
      checked={setting.value}
      disabled={setting.busy}
      error={setting.error && errorText(t, setting.error)}
      onChange={(event) => void setting.save(event.target.checked)}
    />
  );
}
