import { create } from 'zustand';
import type { Settings, SettingsPatch } from '../../shared/contract';
import type { AppError } from '../../shared/errors';
import { api, toAppError, unwrap } from '../client';
import { applyLanguage } from '../i18n';
import { applyTheme } from '../styles/theme';

interface SettingsState {
  /** Null until the first answer from main. */
  settings: Settings | null;
  loadError: AppError | null;
  load: () => Promise<void>;
  /** Saves through main (which validates again) and applies the result. Throws a ClientError. */
  update: (patch: SettingsPatch) => Promise<Settings>;
}

function applyAppearance(settings: Settings): Promise<void> {
  applyTheme(settings.theme);
  return applyLanguage(settings.language);
}

export const useSettingsStore = create<SettingsState>((set) => ({
  settings: null,
  loadError: null,
  load: async () => {
    try {
      const settings = await unwrap(api().settings.get());
      set({ settings, loadError: null });
      await applyAppearance(settings);
    } catch (error) {
      set({ loadError: toAppError(error) });
    }
  },
  update: async (patch) => {
    const settings = await unwrap(api().settings.set(patch));
    set({ settings, loadError: null });
    await applyAppearance(settings);
    return settings;
  },
}));

/** "System" language follows the OS even when it changes while Doorman runs. */
if (typeof window !== 'undefined') {
  window.addEventListener('languagechange', () => {
    const settings = useSettingsStore.getState().settings;
    if (settings?.language === 'system') void applyLanguage('system');
  });
}
