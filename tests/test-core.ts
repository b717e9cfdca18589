import { createCore, type Core, type CoreDeps } from '../src/main/core';
import { createMemoryLogger } from '../src/main/platform/log';
import { createTestSecretBox } from '../src/main/platform/secret-box';

/**
 * The real core on `dataDir` with test adapters: a reversible secret box instead of the
 * keychain, a memory log, nothing opened in a browser, no login items. `overrides` replace
 * any of them (a refusing fetch, a fixed clock, a log the test reads).
 */
export function createTestCore(dataDir: string, overrides: Partial<CoreDeps> = {}): Core {
  return createCore({
    dataDir,
    info: { name: 'Doorman', version: '0.0.0-test', platform: 'linux', isDevelopment: false },
    secretBox: createTestSecretBox(),
    fetch: globalThis.fetch,
    clock: () => new Date(),
    log: createMemoryLogger(),
    openExternal: async () => undefined,
    loginItems: { apply: () => undefined },
    ...overrides,
  });
}
