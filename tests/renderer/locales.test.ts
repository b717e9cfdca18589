import { describe, expect, it } from 'vitest';

/**
 * Every namespace must have the same keys in English and Russian, or a creator reading one
 * language meets raw keys or silent English. This covers every feature's files.
 */
const files = import.meta.glob<{ default: Record<string, unknown> }>(
  '../../src/renderer/i18n/locales/*/*.json',
  { eager: true },
);

function keysOf(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [prefix];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) =>
    keysOf(child, prefix ? `${prefix}.${key}` : key),
  );
}

function placeholdersOf(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w.]+)\s*(?:,[^}]*)?\}\}/g)].map((m) => m[1]!).sort();
}

function valueAt(root: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key], root);
}

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** Plural forms differ by language (Russian has one/few/many/other): compare their base keys. */
function baseKeys(keys: string[]): string[] {
  return [...new Set(keys.map((key) => key.replace(PLURAL_SUFFIX, '')))].sort();
}

const byLanguage: Record<string, Record<string, unknown>> = {};
for (const [path, module] of Object.entries(files)) {
  const match = /locales\/(\w+)\/([\w-]+)\.json$/.exec(path);
  if (!match) continue;
  (byLanguage[match[1]!] ??= {})[match[2]!] = module.default;
}

const namespaces = [
  ...new Set([...Object.keys(byLanguage.en ?? {}), ...Object.keys(byLanguage.ru ?? {})]),
].sort();

describe('translations', () => {
  it('ship English and Russian only, for the same namespaces', () => {
    expect(Object.keys(byLanguage).sort()).toEqual(['en', 'ru']);
    expect(Object.keys(byLanguage.ru!).sort()).toEqual(Object.keys(byLanguage.en!).sort());
  });

  it.each(namespaces)('namespace "%s" has the same keys in en and ru', (ns) => {
    const en = baseKeys(keysOf(byLanguage.en?.[ns]));
    const ru = baseKeys(keysOf(byLanguage.ru?.[ns]));
    expect(ru).toEqual(en);
  });

  it.each(namespaces)('namespace "%s" has every plural form each language needs', (ns) => {
    for (const lng of ['en', 'ru']) {
      const keys = keysOf(byLanguage[lng]?.[ns]);
      const plurals = new Set(
        keys.filter((k) => PLURAL_SUFFIX.test(k)).map((k) => k.replace(PLURAL_SUFFIX, '')),
      );
      const needed = new Intl.PluralRules(lng).resolvedOptions().pluralCategories;
      for (const base of plurals) {
        for (const category of needed) {
          expect(keys, `${lng}/${ns}: ${base}_${category}`).toContain(`${base}_${category}`);
        }
      }
    }
  });

  it.each(namespaces)('namespace "%s" has no empty strings and the same placeholders', (ns) => {
    for (const key of keysOf(byLanguage.en?.[ns])) {
      // A plural's Russian forms are checked by base key: ru has no `_other` twin of every en key.
      const ruKey = PLURAL_SUFFIX.test(key) ? key.replace(PLURAL_SUFFIX, '_other') : key;
      const en = valueAt(byLanguage.en?.[ns], key);
      const ru = valueAt(byLanguage.ru?.[ns], ruKey);
      if (ru === undefined) continue; // reported by the key-set test
      expect(typeof en, `${ns}:${key} (en)`).toBe('string');
      expect(typeof ru, `${ns}:${key} (ru)`).toBe('string');
      expect((en as string).trim(), `${ns}:${key} (en) is empty`).not.toBe('');
      expect((ru as string).trim(), `${ns}:${key} (ru) is empty`).not.toBe('');
      // "One day" may leave out {{count}} where "{{count}} дня" needs it.
      const names = (text: string) =>
        placeholdersOf(text).filter((n) => !(PLURAL_SUFFIX.test(key) && n === 'count'));
      expect(names(ru as string), `${ns}:${key} placeholders`).toEqual(names(en as string));
    }
  });

  it('in Russian, say «сессия» as Fansly does, never «сеанс»', () => {
    // Two words for one thing read as two things: «сеанс» made management sessions look
    // like something other than Fansly's «сессии управления».
    const russian = (value: unknown): string[] =>
      typeof value === 'string' ? [value] : Object.values(value ?? {}).flatMap(russian);
    expect(russian(byLanguage.ru).filter((text) => /сеанс/i.test(text))).toEqual([]);
  });
});
