/**
 * Russian, its own chunk: loaded only for a creator who reads Doorman in Russian. The files
 * as globbed; i18n/index.ts turns them into namespaces (so this chunk shares no module with
 * the first load, which would split that module into a chunk of its own).
 */
export default import.meta.glob<Record<string, unknown>>('./locales/ru/*.json', {
  eager: true,
  import: 'default',
});
