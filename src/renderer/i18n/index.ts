import i18next, { type BackendModule, type ReadCallback, type ResourceKey } from 'i18next';
import { initReactI18next } from 'react-i18next';

/**
 * Every feature keeps its strings in `locales/<lang>/<namespace>.json`; they are picked up
 * here by file name, so a feature adds strings without touching this file.
 *
 * Only what the frame and the start screen show ships with the first load, in both languages
 * (the list is also in electron.vite.config.ts; the header's checklist and lockdown strings
 * are among them because the header has no Suspense around it). The rest of a language is one
 * chunk, fetched at start for the current language only; a component that asks for a namespace
 * before it has landed suspends (`useTranslation(ns)`), and screens sit inside Suspense.
 */
const bundled = import.meta.glob<ResourceKey>(
  './locales/*/{common,errors,permissions,checklist,lockdown,overview}.json',
  { eager: true, import: 'default' },
);
const onDemand = import.meta.glob<ResourceKey>(
  [
    './locales/*/*.json',
    '!./locales/*/{common,errors,permissions,checklist,lockdown,overview}.json',
  ],
  { import: 'default' },
);

export const LANGUAGES = ['en', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];

function languageAndNamespace(file: string): [string, string] | null {
  const match = /\.\/locales\/(\w+)\/([\w-]+)\.json$/.exec(file);
  return match ? [match[1]!, match[2]!] : null;
}

const resources: Record<string, Record<string, ResourceKey>> = {};
for (const [file, strings] of Object.entries(bundled)) {
  const found = languageAndNamespace(file);
  if (found) (resources[found[0]] ??= {})[found[1]] = strings;
}
const BUNDLED_NAMESPACES = Object.keys(resources.en ?? {});
const ALL_NAMESPACES = [
  ...BUNDLED_NAMESPACES,
  ...Object.keys(onDemand)
    .map(languageAndNamespace)
    .filter((found) => found?.[0] === 'en')
    .map((found) => found![1]),
];

/** Reads a namespace from its chunk; a failed fetch is retried by i18next (a few times, backing off). */
const chunkBackend: BackendModule = {
  type: 'backend',
  callbackApi: true,
  init() {},
  read(language: string, namespace: string, callback: ReadCallback) {
    const load = onDemand[`./locales/${language}/${namespace}.json`];
    if (!load) {
      callback(null, {});
      return;
    }
    load().then(
      (strings) => callback(null, strings),
      (error: unknown) => callback(error as Error, true),
    );
  },
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

void i18next
  .use(chunkBackend)
  .use(initReactI18next)
  .init({
    resources,
    // The bundled namespaces are there at once (init finishes synchronously); the others come
    // from chunkBackend.
    partialBundledLanguages: true,
    lng: systemLanguage(),
    fallbackLng: 'en',
    defaultNS: 'common',
    ns: BUNDLED_NAMESPACES,
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });

/**
 * Fetches every namespace of the current language (and English, the fallback) that is not
 * loaded yet, so no screen waits for its strings. Started below as soon as i18n is set up;
 * await it where strings must be there. Never rejects; calling it again costs nothing. A
 * language change afterwards loads every namespace of the new language before taking effect.
 */
export function preloadAllNamespaces(): Promise<void> {
  return i18next.loadNamespaces(ALL_NAMESPACES).catch(() => undefined);
}
// At once rather than when idle: a namespace missing when a screen first renders costs a
// "Loading…" line and React's up-to-300 ms hold on revealing it. One request, in parallel
// with the start screen's chunk.
void preloadAllNamespaces();

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
