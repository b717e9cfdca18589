import type { AppInfo } from '../shared/contract';
import { DoormanError } from '../shared/errors';
import { createDispatcher, type Dispatch, type Handlers } from './ipc/dispatcher';
import { appHandlers } from './ipc/handlers/app';
import { settingsHandlers } from './ipc/handlers/settings';
import { vaultHandlers } from './ipc/handlers/vault';
import { accountsHandlers } from './ipc/handlers/accounts';
import { twofaHandlers } from './ipc/handlers/twofa';
import type { GatewayClient } from './gateway/types';
import { notesHandlers } from './ipc/handlers/notes';
import { managersHandlers } from './ipc/handlers/managers';
import { activityHandlers } from './ipc/handlers/activity';
import { backupHandlers } from './ipc/handlers/backup';
import { ActivityService } from './services/activity/activity-service';
import { NotesService } from './services/notes/notes-service';
import { ManagersService } from './services/managers/managers-service';
import { ReportService } from './services/report/evidence-report';
import { BackupService } from './services/backup/backup-service';
import { applyPendingRestore } from './services/backup/backup-files';
import { VaultService } from './services/vault';
import { AccountsService } from './services/accounts';
import { TwoFactorService } from './services/two-factor';
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
  /** Restarts the app (finishes a staged backup restore); absent where it cannot. */
  relaunch?: () => void;
}

export interface Service {
  start?(): Promise<void> | void;
  stop?(): Promise<void> | void;
}

export interface Core {
  dispatch: Dispatch;
  events: EventBus;
  settings: SettingsService;
  /** The one gateway client; every service that talks to the gateway uses it. */
  gateway: GatewayClient;
  vault: VaultService;
  accounts: AccountsService;
  /** 2FA code step; `consumeVerified` is the step-up proof for sensitive actions. */
  twoFactor: TwoFactorService;
  /** The activity log; it is the `ActivityRecorder` every service writes through. */
  activity: ActivityService;
  notes: NotesService;
  /** `connectSessions(port)` once sessions exist; `onManagerOffboarded(listener)` for the checklist. */
  managers: ManagersService;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function createCore(deps: CoreDeps): Core {
  const events = new EventBus();
  const notices = new StorageNoticeLog();
  // Before any store opens, so no service holds the files a restore replaces.
  let restored = false;
  try {
    restored = applyPendingRestore(deps.dataDir, deps.clock());
  } catch (error) {
    deps.log.error('a staged restore could not be applied', error);
  }
  const settings = new SettingsService({ dataDir: deps.dataDir, notices }, events, deps.loginItems);

  const activity = new ActivityService({
    dataDir: deps.dataDir,
    notices,
    clock: deps.clock,
    events,
    log: deps.log,
  });
  if (restored) activity.record({ kind: 'backupRestored', summary: 'Restored from a backup' });
  const common = {
    dataDir: deps.dataDir,
    notices,
    events,
    activity,
    log: deps.log,
    clock: deps.clock,
  };
  // Interim until gateway/client.ts lands: every call fails as "gateway unavailable".
  const gateway: GatewayClient = new Proxy({} as GatewayClient, {
    get: () => () =>
      Promise.reject(new DoormanError('network', 'The gateway client is not wired yet.')),
  });
  const vault = new VaultService({ ...common, secretBox: deps.secretBox, gateway });
  const accounts = new AccountsService({ ...common, gateway, vault });
  const twoFactor = new TwoFactorService({ gateway, log: deps.log, clock: deps.clock });

  const notes = new NotesService({ dataDir: deps.dataDir, notices, clock: deps.clock, events });
  const managers = new ManagersService({
    ...common,
    notesCount: (managerId) => notes.countFor({ kind: 'manager', id: managerId }),
  });
  const reports = new ReportService({
    activity,
    notes,
    managers,
    recorder: activity,
    clock: deps.clock,
    appVersion: deps.info.version,
  });
  const backup = new BackupService({
    dataDir: deps.dataDir,
    clock: deps.clock,
    appVersion: deps.info.version,
    activity,
    relaunch: deps.relaunch,
  });

  const services: Service[] = [vault, accounts, twoFactor];

  const handlers: Handlers = {
    ...appHandlers({
      info: deps.info,
      secretBox: deps.secretBox,
      notices,
      openExternal: deps.openExternal,
    }),
    ...settingsHandlers(settings),
    ...vaultHandlers(vault),
    ...accountsHandlers(accounts),
    ...twofaHandlers(twoFactor),
    ...notesHandlers(notes),
    ...managersHandlers(managers),
    ...activityHandlers(activity, reports),
    ...backupHandlers(backup),
  };

  return {
    dispatch: createDispatcher(handlers, deps.log),
    events,
    settings,
    gateway,
    vault,
    accounts,
    twoFactor,
    activity,
    notes,
    managers,
    async start() {
      for (const service of services) await service.start?.();
    },
    async stop() {
      for (const service of [...services].reverse()) await service.stop?.();
    },
  };
}
