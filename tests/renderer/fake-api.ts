import { vi } from 'vitest';
import type { Api, AppInfo, Settings, StateTopic, StorageNotice } from '../../src/shared/contract';
import { DEFAULT_SETTINGS } from '../../src/shared/contract';
import type { AppError, Result } from '../../src/shared/errors';

/**
 * A stand-in for window.api that keeps settings in memory. Only the shell's channels are
 * real; anything else a test touches throws, so a test cannot pass by accident.
 */
export function createFakeApi(
  options: {
    settings?: Partial<Settings>;
    info?: Partial<AppInfo>;
    notices?: StorageNotice[];
    /** When set, settings:set answers with this error instead of saving. */
    failSettingsSet?: AppError;
    /** When set, settings:set waits until the test gives main's answer (answerSettingsSet). */
    holdSettingsSet?: boolean;
  } = {},
) {
  let settings: Settings = { ...DEFAULT_SETTINGS, ...options.settings };
  let heldSettingsSet: (result: Result<Settings>) => void = () => undefined;
  let notices = options.notices ?? [];
  const stateListeners = new Set<(payload: { topics: StateTopic[] }) => void>();
  const navigateListeners = new Set<(payload: { screen: string; accountId?: string }) => void>();
  const ok = <T>(data: T): Promise<Result<T>> => Promise.resolve({ ok: true, data });

  const fake = {
    app: {
      info: vi.fn(() =>
        ok<AppInfo>({
          name: 'Doorman',
          version: '0.1.0',
          platform: 'linux',
          isDevelopment: false,
          keychain: { available: true, backend: 'gnome_libsecret' },
          ...options.info,
        }),
      ),
      openExternal: vi.fn(() => ok(null)),
      storageNotices: vi.fn(() => ok(notices)),
      dismissStorageNotices: vi.fn(() => {
        notices = [];
        return ok(null);
      }),
    },
    settings: {
      get: vi.fn(() => ok(settings)),
      set: vi.fn((patch: Partial<Settings>): Promise<Result<Settings>> => {
        if (options.holdSettingsSet) return new Promise((resolve) => (heldSettingsSet = resolve));
        if (options.failSettingsSet)
          return Promise.resolve({ ok: false, error: options.failSettingsSet });
        settings = { ...settings, ...patch };
        return ok(settings);
      }),
    },
    onStateChanged: vi.fn((listener: (payload: { topics: StateTopic[] }) => void) => {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    }),
    onNavigate: vi.fn((listener: (payload: { screen: string; accountId?: string }) => void) => {
      navigateListeners.add(listener);
      return () => navigateListeners.delete(listener);
    }),
  };

  return {
    api: new Proxy(fake, {
      get(target, key) {
        if (key in target) return target[key as keyof typeof target];
        throw new Error(`fake api: ${String(key)} is not faked`);
      },
    }) as unknown as Api,
    fake,
    current: () => settings,
    answerSettingsSet: (result: Result<Settings>) => heldSettingsSet(result),
    emitStateChanged: (topics: StateTopic[]) => stateListeners.forEach((l) => l({ topics })),
    emitNavigate: (screen: string, accountId?: string) =>
      navigateListeners.forEach((l) =>
        l(accountId === undefined ? { screen } : { screen, accountId }),
      ),
    listenerCount: () => stateListeners.size,
  };
}
