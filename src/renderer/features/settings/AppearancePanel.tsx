import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../shared/contract';
import { Panel, Select, errorText, useAsyncAction } from '../../components';
import { applyLanguage, systemLanguage } from '../../i18n';
import { useSettingsStore } from '../../stores/settings';
import { applyTheme } from '../../styles/theme';

const LANGUAGE_NAMES = { en: 'English', ru: 'Русский' } as const;

/** Language and theme take effect at once, then are saved; a failed save puts them back. */
export function AppearancePanel({ settings }: { settings: Settings }) {
  const { t } = useTranslation('settings');
  const update = useSettingsStore((state) => state.update);

  const changeLanguage = useAsyncAction(async (language: Settings['language']) => {
    const previous = settings.language;
    await applyLanguage(language);
    try {
      await update({ language });
    } catch (error) {
      await applyLanguage(previous);
      throw error;
    }
  });

  const changeTheme = useAsyncAction(async (theme: Settings['theme']) => {
    const previous = settings.theme;
    applyTheme(theme);
    try {
      await update({ theme });
    } catch (error) {
      applyTheme(previous);
      throw error;
    }
  });

  return (
    <Panel title={t('appearance.title')} id="settings-appearance">
      <Select
        label={t('appearance.language')}
        hint={t('appearance.languageHint')}
        value={settings.language}
        disabled={changeLanguage.busy}
        error={changeLanguage.error && errorText(t, changeLanguage.error)}
        onChange={(event) => void changeLanguage.run(event.target.value as Settings['language'])}
        options={[
          {
            value: 'system',
            label: t('appearance.languageSystem', { name: LANGUAGE_NAMES[systemLanguage()] }),
          },
          // Each language is named in itself, so a creator can find theirs whatever is showing.
          { value: 'en', label: LANGUAGE_NAMES.en },
          { value: 'ru', label: LANGUAGE_NAMES.ru },
        ]}
      />
      <Select
        label={t('appearance.theme')}
        value={settings.theme}
        disabled={changeTheme.busy}
        error={changeTheme.error && errorText(t, changeTheme.error)}
        onChange={(event) => void changeTheme.run(event.target.value as Settings['theme'])}
        options={[
          { value: 'system', label: t('appearance.themeSystem') },
          { value: 'light', label: t('appearance.themeLight') },
          { value: 'dark', label: t('appearance.themeDark') },
        ]}
      />
    </Panel>
  );
}
