import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { namespacesOf } from './resources';

/**
 * Every feature keeps its strings in `locales/<lang>/<namespace>.json`, picked up by file
 * name. English is the fallback language, so it ships with the first load; every other
 * language is its own chunk, loaded when it is chosen (or is the system's), so nobody fetches
 * and parses the strings of a language they do not read.
 */
const english = namespacesOf(
  import.meta.glob<Record<string, unknown>>('./locales/en/*.json', {
    eager: true,
    import: 'default',
  }),
);

export const LANGUAGES = ['en', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];

type LocaleFiles = Record<string, Record<string, unknown>>;
const LOADERS: Record<Exclude<Language, 'en'>, () => Promise<{ default: LocaleFiles }>> = {
  ru: () => import('./ru'),
};

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
  resources: { en: english },
  lng: 'en',
  fallbackLng: 'en',
  defaultNS: 'common',
  ns: Object.keys(english),
  interpolation: { escapeValue: false },
  // Our keys are paths ("section.key", "namespace:key"). Naming the separators, although
  // they are i18next's defaults, turns off its check of every key for natural-language text
  // (a regular expression per call), which was a visible part of the first render.
  keySeparator: '.',
  nsSeparator: ':',
  initAsync: false,
  returnNull: false,
});

// Screen readers pick their voice from <html lang>, so it follows every language change.
function markDocumentLanguage(lng: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
}
i18next.on('languageChanged', markDocumentLanguage);
markDocumentLanguage(i18next.language);

const loading = new Map<Language, Promise<void>>();

/** Fetches a language's strings once (English is always there). A failed fetch is retried. */
export function loadLanguage(lng: Language): Promise<void> {
  if (lng === 'en') return Promise.resolve();
  let pending = loading.get(lng);
  if (!pending) {
    pending = LOADERS[lng]().then(({ default: files }) => {
      for (const [ns, strings] of Object.entries(namespacesOf(files))) {
        i18next.addResourceBundle(lng, ns, strings, true, true);
      }
    });
    pending.catch(() => loading.delete(lng));
    loading.set(lng, pending);
  }
  return pending;
}

/** The language asked for last: an earlier request that finishes later does not win. */
let wanted: Language | null = null;

/**
 * Switches the UI language once its strings are in. Rejects if they cannot be loaded; the
 * UI then stays in the language it had.
 */
export async function applyLanguage(setting: 'system' | Language): Promise<void> {
  const lng = resolveLanguage(setting);
  wanted = lng;
  await loadLanguage(lng);
  if (wanted !== lng) return;
  if (i18next.language !== lng) await i18next.changeLanguage(lng);
  markDocumentLanguage(lng);
}

// Until the saved setting arrives, follow the OS: its language starts loading now, in
// parallel with main's first answers, so a Russian system does not wait for it afterwards.
applyLanguage('system').catch(() => undefined);

export default i18next;
