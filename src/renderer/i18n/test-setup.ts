import i18next, { LANGUAGES, preloadAllNamespaces } from './index';

// Component tests render without Suspense and switch languages mid-test: load every namespace
// of both languages first, so translations are there synchronously, as before they were split.
await preloadAllNamespaces();
await i18next.loadLanguages([...LANGUAGES]);
