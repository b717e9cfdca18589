import { namespacesOf } from './resources';

/** Russian, its own chunk: loaded only for a creator who reads Doorman in Russian. */
export default namespacesOf(
  import.meta.glob<{ default: Record<string, unknown> }>('./locales/ru/*.json', { eager: true }),
);
