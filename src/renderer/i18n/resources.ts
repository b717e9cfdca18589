/** One language's strings: namespace → nested keys. */
export type LanguageResources = Record<string, Record<string, unknown>>;

/**
 * Turns an eager `import.meta.glob('./locales/<lang>/*.json', { import: 'default' })` into
 * namespaces by file name, so a feature adds strings without touching the i18n set-up.
 */
export function namespacesOf(files: Record<string, Record<string, unknown>>): LanguageResources {
  const namespaces: LanguageResources = {};
  for (const [file, strings] of Object.entries(files)) {
    const match = /\/([\w-]+)\.json$/.exec(file);
    if (match) namespaces[match[1]!] = strings;
  }
  return namespaces;
}
