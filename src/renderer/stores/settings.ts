import { create } from 'zustand';
import type { Settings, SettingsPatch } from '../../shared/contract';
import type { AppError, Result } from '../../shared/errors';
import { api, toAppError, unwrap } from '../client';
import { applyLanguage } from '../i18n';
import { applyTheme } from '../styles/theme';

interface SettingsState {
  /** Null until the first answer from main. */
  settings: Settings | null;
  loadError: AppError | null;
  load: () => Promise<void>;
  /** Takes an answer already asked for (main.tsx asks before React has loaded) and applies it. */
  accept: (pending: Promise<Result<Settings>>) => Promise<void>;
  /** Saves through main (which validates again) and applies the result. Throws a ClientError. */
  update: (patch: SettingsPatch) => Promise<Settings>;
}

function applyAppearance(settings: Settings): Promise<void> {
  applyTheme(settings.theme);
  return applyLanguage(settings.language);
}

export const useSettingsStore = create<SettingsState>((set, get) => ({
  settings: null,
  loadError: null,
  load: () => get().accept(api().settings.get()),
  accept: async (pending) => {
    let settings: Settings;
    try {
      settings = await unwrap(pending);
      set({ settings, loadError: null });
    } catch (error) {
      set({ loadError: toAppError(error) });
      return;
    }
    // The settings are in even if a language's strings fail to load: the UI stays in the
    // language it has (English at worst), and choosing the language again retries.
    await applyAppearance(settings).catch(() => undefined);
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
    if (settings?.language === 'system') applyLanguage('system').catch(() => undefined);
  });
}
