import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

/**
 * Every feature keeps its strings in `locales/<lang>/<namespace>.json`; they are picked up
 * here by file name, so a feature adds strings without touching this file.
 */
const files = import.meta.glob<{ default: Record<string, unknown> }>('./locales/*/*.json', {
  eager: true,
});

export const LANGUAGES = ['en', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];

const resources: Record<string, Record<string, Record<string, unknown>>> = {};
for (const [file, module] of Object.entries(files)) {
  const match = /\.\/locales\/(\w+)\/([\w-]+)\.json$/.exec(file);
  if (!match) continue;
  const [, lng, ns] = match as unknown as [string, string, string];
  (resources[lng] ??= {})[ns] = module.default;
}

export function systemLanguage(): Language {
  const preferred =
    typeof navigator !== 'undefined' ? (navigator.languages ?? [navigator.language]) : [];
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'ru') return 'ru';
    if (base === 'en') return 'en';
  }
  return 'en';
}

export function resolveLanguage(setting: 'system' | Language): Language {
  return setting === 'system' ? systemLanguage() : setting;
}

void i18next.use(initReactI18next).init({
  resources,
  lng: systemLanguage(),
  fallbackLng: 'en',
  defaultNS: 'common',
  ns: Object.keys(resources.en ?? {}),
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
});

// Screen readers pick their voice from <html lang>, so it follows every language change.
function markDocumentLanguage(lng: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
}
i18next.on('languageChanged', markDocumentLanguage);
markDocumentLanguage(i18next.language);

export async function applyLanguage(setting: 'system' | Language): Promise<void> {
  const lng = resolveLanguage(setting);
  if (i18next.language !== lng) await i18next.changeLanguage(lng);
  markDocumentLanguage(lng);
}

export default i18next;
