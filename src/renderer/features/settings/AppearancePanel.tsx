import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../shared/contract';
import { Panel, Select, errorText } from '../../components';
import { applyLanguage, systemLanguage } from '../../i18n';
import { applyTheme } from '../../styles/theme';
import { useSettingSave } from './useSettingSave';

const LANGUAGE_NAMES = { en: 'English', ru: 'Русский' } as const;

/**
 * Language and theme take effect at once and show the choice while it is saved; a failed
 * save puts them back and says why.
 */
export function AppearancePanel({ settings }: { settings: Settings }) {
  const { t } = useTranslation('settings');
  const language = useSettingSave('language', settings.language, applyLanguage);
  const theme = useSettingSave('theme', settings.theme, applyTheme);

  return (
    <Panel title={t('appearance.title')} id="settings-appearance">
      <Select
        label={t('appearance.language')}
        hint={t('appearance.languageHint')}
        value={language.value}
        disabled={language.busy}
        error={language.error && errorText(t, language.error)}
        onChange={(event) => void language.save(event.target.value as Settings['language'])}
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
        value={theme.value}
        disabled={theme.busy}
        error={theme.error && errorText(t, theme.error)}
        onChange={(event) => void theme.save(event.target.value as Settings['theme'])}
        options={[
          { value: 'system', label: t('appearance.themeSystem') },
          { value: 'light', label: t('appearance.themeLight') },
          { value: 'dark', label: t('appearance.themeDark') },
        ]}
      />
    </Panel>
  );
}
