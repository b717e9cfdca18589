import type { AppInfo } from '../shared/contract';
import { createDispatcher, type Dispatch, type Handlers } from './ipc/dispatcher';
import { appHandlers } from './ipc/handlers/app';
import { settingsHandlers } from './ipc/handlers/settings';
import { EventBus } from './platform/events';
import { StorageNoticeLog } from './platform/json-store';
import type { Logger } from './platform/log';
import type { SecretBox } from './platform/secret-box';
import { SettingsService, type LoginItems } from './services/settings';

/**
 * Everything main does, without Electron: the Electron entry and the web test bridge both
 * build this with their own adapters, so the web end-to-end tier runs the real services
 * and the real handler table.
 */
export interface CoreDeps {
  dataDir: string;
  info: Omit<AppInfo, 'keychain'>;
  secretBox: SecretBox;
  fetch: typeof fetch;
  clock: () => Date;
  log: Logger;
  openExternal: (url: string) => Promise<void>;
  loginItems: LoginItems;
}

export interface Service {
  start?(): Promise<void> | void;
  stop?(): Promise<void> | void;
}

export interface Core {
  dispatch: Dispatch;
  events: EventBus;
  settings: SettingsService;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function createCore(deps: CoreDeps): Core {
  const events = new EventBus();
  const notices = new StorageNoticeLog();
  const settings = new SettingsService({ dataDir: deps.dataDir, notices }, events, deps.loginItems);

  const services: Service[] = [];

  const handlers: Handlers = {
    ...appHandlers({
      info: deps.info,
      secretBox: deps.secretBox,
      notices,
      openExternal: deps.openExternal,
    }),
    ...settingsHandlers(settings),
  };

  return {
    dispatch: createDispatcher(handlers, deps.log),
    events,
    settings,
    async start() {
      for (const service of services) await service.start?.();
    },
    async stop() {
      for (const service of [...services].reverse()) await service.stop?.();
    },
  };
}
