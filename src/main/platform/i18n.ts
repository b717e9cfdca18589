import { createInstance, type Resource, type TFunction } from 'i18next';

export type MainLanguage = 'en' | 'ru';

/**
 * Main's own strings (tray, notifications) with the same library as the renderer, so plural
 * forms work in Russian. Each module passes its resources and gets a translator per language.
 */
export function createMainTranslator(
  resources: Resource,
  namespace: string,
): (language: MainLanguage) => TFunction {
  const i18n = createInstance();
  void i18n.init({
    resources,
    lng: 'en',
    fallbackLng: 'en',
    initAsync: false,
    interpolation: { escapeValue: false },
  });
  return (language) => i18n.getFixedT(language, namespace);
}
