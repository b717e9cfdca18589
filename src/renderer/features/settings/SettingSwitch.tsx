import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../shared/contract';
import { Switch, errorText, useAsyncAction } from '../../components';
import { useSettingsStore } from '../../stores/settings';

/** The settings that are on or off. */
export type SwitchSettingKey = {
  [K in keyof Settings]: Settings[K] extends boolean ? K : never;
}[keyof Settings];

/**
 * A switch that saves one on/off setting through main. While the save is under way it shows
 * the position the creator chose (not the old one, which would make it flick back); if main
 * refuses, it returns to the saved value and says why.
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
  const update = useSettingsStore((state) => state.update);
  const [pending, setPending] = useState<boolean | null>(null);
  const save = useAsyncAction(async (checked: boolean) => {
    setPending(checked);
    try {
      return await update({ [name]: checked });
    } finally {
      setPending(null);
    }
  });
  return (
    <Switch
      label={label}
      hint={hint}
      checked={pending ?? settings[name]}
      disabled={save.busy}
      error={save.error && errorText(t, save.error)}
      onChange={(event) => void save.run(event.target.checked)}
    />
  );
}
