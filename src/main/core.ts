import type { AppInfo } from '../shared/contract';
import { createDispatcher, type Dispatch, type Handlers } from './ipc/dispatcher';
import { appHandlers } from './ipc/handlers/app';
import { settingsHandlers } from './ipc/handlers/settings';
import { vaultHandlers } from './ipc/handlers/vault';
import { accountsHandlers } from './ipc/handlers/accounts';
import { twofaHandlers } from './ipc/handlers/twofa';
import type { GatewayClient } from './gateway/types';
import { HttpGatewayClient } from './gateway/client';
import { notesHandlers } from './ipc/handlers/notes';
import { managersHandlers } from './ipc/handlers/managers';
import { activityHandlers } from './ipc/handlers/activity';
import { backupHandlers } from './ipc/handlers/backup';
import { sessionsHandlers } from './ipc/handlers/sessions';
import { loginsHandlers } from './ipc/handlers/logins';
import { SessionsService } from './services/sessions';
import { createMemoryClipboard, type Clipboard } from './platform/clipboard';
import { ActivityService } from './services/activity/activity-service';
import { NotesService } from './services/notes/notes-service';
import { ManagersService } from './services/managers/managers-service';
import { ReportService } from './services/report/evidence-report';
import { BackupService } from './services/backup/backup-service';
import { applyPendingRestore } from './services/backup/backup-files';
import { VaultService } from './services/vault';
import { AccountsService } from './services/accounts';
import { TwoFactorService } from './services/two-factor';
import { checklistHandlers } from './ipc/handlers/checklist';
import { lockdownHandlers } from './ipc/handlers/lockdown';
import { monitorHandlers } from './ipc/handlers/monitor';
import { overviewHandlers } from './ipc/handlers/overview';
import { OverviewService } from './services/overview';
import { createSecurityFeatures } from './services/checklist-wiring';
import type { ChecklistService } from './services/checklist';
import type { LockdownService } from './services/lockdown';
import type { MonitorService } from './services/monitor';
import type { TrayStateService } from './services/tray-state';
import type { Notifier } from './platform/notifier';
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
  /** OS notifications (Electron adapter); absent in the web test bridge: none are shown. */
  notifier?: Notifier;
  /** The OS language, for main-side text (tray, notifications) when the setting is "system". */
  systemLanguage?: () => 'en' | 'ru';
  /** Electron's `net.isOnline()`: the monitor skips refreshes while it is false. */
  isOnline?: () => boolean;
  /** The system clipboard (one-time links are copied from main); in memory when absent. */
  clipboard?: Clipboard;
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
  /** Management and login sessions: list, refresh, revoke all, close others (lockdown, monitor). */
  sessions: SessionsService;
  checklist: ChecklistService;
  lockdown: LockdownService;
  /** Background refresh, new-login alerts, review reminders. */
  monitor: MonitorService;
  /** The tray's state (icon, sections) and its menu actions; `onChange` re-renders the tray. */
  trayState: TrayStateService;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function createCore(deps: CoreDeps): Core {
  const events = new EventBus();
  const notices = new StorageNoticeLog();
  // The window's storage notices follow every repair, including ones made after start.
  notices.onAdd(() => events.changed('storage'));
  // Before any store opens, so no service holds the files a restore replaces.
  let restored = false;
  try {
    restored = applyPendingRestore(deps.dataDir, deps.clock());
  } catch (error) {
    deps.log.error('a staged restore could not be applied', error);
    // The window says so (and the activity log below): the data is the data from before.
    notices.add({ store: 'backup', kind: 'restoreFailed', at: deps.clock().toISOString() });
  }
  const settings = new SettingsService({ dataDir: deps.dataDir, notices }, events, deps.loginItems);

  const activity = new ActivityService({
    dataDir: deps.dataDir,
    notices,
    clock: deps.clock,
    events,
    log: deps.log,
  });
  if (restored) {
    activity.record({ kind: 'backupRestored', summary: 'Restored from a backup', params: {} });
  }
  const common = {
    dataDir: deps.dataDir,
    notices,
    events,
    activity,
    log: deps.log,
    clock: deps.clock,
  };
  // One client for the app; it reads the base URL and the key on every call, so a changed
  // setting or a replaced key applies at once. The key comes from the vault, in main only.
  const gateway: GatewayClient = new HttpGatewayClient({
    fetch: deps.fetch,
    baseUrl: () => settings.get().gatewayBaseUrl,
    apiKey: (baseUrl) => vault.keyFor(baseUrl),
    log: deps.log,
  });
  const vault = new VaultService({
    ...common,
    secretBox: deps.secretBox,
    gateway,
    gatewayBaseUrl: () => settings.get().gatewayBaseUrl,
  });
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
    // Built further down; asked only when a report is made.
    loginSessionIds: (accountId) => sessions.logins.list(accountId).sessions.map((s) => s.id),
  });
  const backup = new BackupService({
    dataDir: deps.dataDir,
    clock: deps.clock,
    appVersion: deps.info.version,
    activity,
    relaunch: deps.relaunch,
    gatewayBaseUrl: () => settings.get().gatewayBaseUrl,
  });

  const sessions = new SessionsService({
    ...common,
    gateway,
    twoFactor,
    clipboard: deps.clipboard ?? createMemoryClipboard(),
  });
  managers.connectSessions(sessions.managerSessionsPort());

  const security = createSecurityFeatures({
    ...common,
    settings,
    accounts,
    sessions,
    managers,
    notifier: deps.notifier ?? { isSupported: () => false, show: () => undefined },
    systemLanguage: deps.systemLanguage ?? (() => 'en'),
    isOnline: deps.isOnline,
  });

  // Files repaired while opening go into the activity log too, so its history says when.
  for (const notice of notices.list()) {
    activity.record({
      kind: 'storageRecovered',
      result:
        notice.kind === 'resetToDefaults' || notice.kind === 'restoreFailed' ? 'failed' : 'ok',
      summary: `${notice.store}: ${notice.kind}`,
      params: { variant: notice.kind, store: notice.store },
    });
  }

  const overview = new OverviewService({
    keySet: async () => (await vault.status()).isSet,
    accounts: () => accounts.cached(),
    managementSessions: (accountId) => sessions.management.list(accountId),
    loginSessions: (accountId) => sessions.logins.list(accountId),
    checklist: () => security.checklist.state(),
    managers: () => managers.list(),
    lockdown: () => security.lockdown.state(),
  });

  const services: Service[] = [
    vault,
    accounts,
    twoFactor,
    sessions,
    security.monitor,
    security.trayState,
  ];

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
    ...sessionsHandlers(sessions),
    ...loginsHandlers(sessions),
    ...checklistHandlers(security.checklist),
    ...lockdownHandlers(security.lockdown),
    ...monitorHandlers(security.monitor),
    ...overviewHandlers(overview),
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
    sessions,
    checklist: security.checklist,
    lockdown: security.lockdown,
    monitor: security.monitor,
    trayState: security.trayState,
    async start() {
      for (const service of services) await service.start?.();
    },
    async stop() {
      for (const service of [...services].reverse()) await service.stop?.();
    },
  };
}
