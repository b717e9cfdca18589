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
    const en = keysOf(byLanguage.en?.[ns]).sort();
    const ru = keysOf(byLanguage.ru?.[ns]).sort();
    expect(ru).toEqual(en);
  });

  it.each(namespaces)('namespace "%s" has no empty strings and the same placeholders', (ns) => {
    for (const key of keysOf(byLanguage.en?.[ns])) {
      const en = valueAt(byLanguage.en?.[ns], key);
      const ru = valueAt(byLanguage.ru?.[ns], key);
      expect(typeof en, `${ns}:${key} (en)`).toBe('string');
      expect(typeof ru, `${ns}:${key} (ru)`).toBe('string');
      expect((en as string).trim(), `${ns}:${key} (en) is empty`).not.toBe('');
      expect((ru as string).trim(), `${ns}:${key} (ru) is empty`).not.toBe('');
      expect(placeholdersOf(ru as string), `${ns}:${key} placeholders`).toEqual(
        placeholdersOf(en as string),
      );
    }
  });
});
