import type { Account } from '../../shared/contract/accounts';
import type { LoginSessionList } from '../../shared/contract/logins';
import type { ManagementSessionList } from '../../shared/contract/sessions';
import type { Settings } from '../../shared/contract/settings';
import type { Manager } from '../../shared/domain/manager';
import type {
  ChecklistLoginSession,
  ChecklistManagementSession,
} from '../../shared/domain/checklist';
import { DoormanError } from '../../shared/errors';
import type { ActivityRecorder } from './activity-recorder';
import { ChecklistService, type ChecklistInputs } from './checklist';
import { LockdownService, createLockdownRunStore, type LockdownActions } from './lockdown';
import { MonitorService, realTimers, type MonitorSource, type Timers } from './monitor';
import { NotificationService } from './notifications';
import { byNewest } from './overview';
import { TrayStateService } from './tray-state';
import type { EventBus } from '../platform/events';
import type { StorageNoticeLog } from '../platform/json-store';
import type { Logger } from '../platform/log';
import type { Notifier } from '../platform/notifier';

/**
 * The parts of the sessions feature the checklist, monitor and lockdown use (SessionsService
 * satisfies it). Kept structural so this file does not depend on how sessions is built.
 */
export interface SessionsPort {
  management: {
    list(accountId: string): ManagementSessionList;
    updateDetails?(input: { accountId: string; sessionId: string; reviewBy: string }): {
      label: string;
    };
    listAllManagementSessions?(): { accountId: string; managerId: string | null }[];
  };
  logins: { list(accountId: string): LoginSessionList };
  refresh(accountId: string): Promise<void>;
  listActiveManagementSessions(accountId: string): Promise<{ id: string; label: string }[]>;
  revokeManagementSession(accountId: string, sessionId: string): Promise<void>;
  closeOtherLoginSessions(accountId: string): Promise<unknown>;
}

export interface SecurityFeaturesDeps {
  dataDir: string;
  notices: StorageNoticeLog;
  events: EventBus;
  activity: ActivityRecorder;
  log: Logger;
  clock: () => Date;
  settings: {
    get(): Settings;
    onChange(listener: (next: Settings, previous: Settings) => void): () => void;
  };
  accounts: { cached(): Account[] };
  /** null until the sessions feature is composed: computed items stay "unknown". */
  sessions: SessionsPort | null;
  managers: {
    list(): Manager[];
    onManagerOffboarded(listener: (manager: Manager) => void): () => void;
  };
  notifier: Notifier;
  /** The OS language when the setting is "system". */
  systemLanguage: () => 'en' | 'ru';
  timers?: Timers;
  isOnline?: () => boolean;
}

export function accountLabel(account: Account): string {
  return account.label || account.displayName || `@${account.username}`;
}

function loginLabel(s: LoginSessionList['sessions'][number]): string {
  const place = [s.city, s.countryCode].filter(Boolean).join(', ');
  return [s.device, place, s.ip].filter(Boolean).join(' · ') || s.id;
}

function toChecklistLogin(s: LoginSessionList['sessions'][number]): ChecklistLoginSession {
  return {
    id: s.id,
    label: loginLabel(s),
    recognised: s.recognisedAt !== null,
    current: s.current,
  };
}

/** Reads sessions' last-known lists in the checklist's terms; null when never listed. */
function checklistInputs(deps: SecurityFeaturesDeps): ChecklistInputs {
  return {
    accounts: () =>
      deps.accounts.cached().map((a) => ({ accountId: a.accountId, label: accountLabel(a) })),
    loginSessions: (accountId): ChecklistLoginSession[] | null => {
      if (!deps.sessions) return null;
      const list = deps.sessions.logins.list(accountId);
      if (list.mode === 'manual') {
        // The gateway lists no login sessions: only what the creator recorded by hand counts,
        // and with no record at all Doorman cannot tell.
        const manual = list.sessions.filter((s) => s.source === 'manual');
        if (manual.length === 0) return null;
        return manual.filter((s) => s.status === 'open').map((s) => toChecklistLogin(s));
      }
      if (list.asOf === null) return null;
      return list.sessions
        .filter((s) => s.status === 'open' && s.source !== 'manual')
        .map((s) => toChecklistLogin(s));
    },
    managementSessions: (accountId): ChecklistManagementSession[] | null => {
      if (!deps.sessions) return null;
      const list = deps.sessions.management.list(accountId);
      if (list.mode === 'gateway' && list.asOf === null) return null;
      return list.sessions.map((s) => ({
        id: s.id,
        label: s.label,
        active: s.status === 'active',
        reviewBy: s.reviewBy,
        // A session the creator recorded by hand (manual mode) is one they know about.
        createdInDoorman: s.createdInDoorman || s.source === 'manual',
        recordedByHand: s.source === 'manual',
      }));
    },
  };
}

function requireSessions(deps: SecurityFeaturesDeps): SessionsPort {
  if (!deps.sessions) {
    throw new DoormanError('unsupported', 'Sessions are not available in this build yet.');
  }
  return deps.sessions;
}

/** Accounts worth refreshing: one that must be reconnected would only fail and cost credits. */
function refreshableAccounts(deps: SecurityFeaturesDeps) {
  return deps.accounts
    .cached()
    .filter((a) => a.connectionState !== 'needsReconnect')
    .map((a) => ({ accountId: a.accountId, label: accountLabel(a) }));
}

/**
 * Builds the checklist, lockdown, monitor, notifications and tray state from the rest of
 * core, and ties them to settings and manager offboarding.
 */
export function createSecurityFeatures(deps: SecurityFeaturesDeps) {
  const language = (): 'en' | 'ru' => {
    const setting = deps.settings.get().language;
    return setting === 'system' ? deps.systemLanguage() : setting;
  };
  const open = (screen: string) => deps.events.emit('navigate', { screen });

  const checklist = new ChecklistService({
    dataDir: deps.dataDir,
    notices: deps.notices,
    clock: deps.clock,
    policy: () => {
      const s = deps.settings.get();
      return {
        passwordMaxAgeDays: s.passwordMaxAgeDays,
        emailCheckMaxAgeDays: s.emailCheckMaxAgeDays,
      };
    },
    inputs: checklistInputs(deps),
    activity: deps.activity,
    events: deps.events,
    setReviewBy: (accountId, sessionId, reviewBy) => {
      const management = requireSessions(deps).management;
      if (!management.updateDetails) {
        throw new DoormanError('unsupported', 'Review dates cannot be changed in this build.');
      }
      return management.updateDetails({ accountId, sessionId, reviewBy });
    },
  });

  deps.managers.onManagerOffboarded((manager) => {
    const all = deps.sessions?.management.listAllManagementSessions?.();
    const accountIds = all
      ? [...new Set(all.filter((s) => s.managerId === manager.id).map((s) => s.accountId))]
      : null;
    checklist.recordManagerOffboarded({
      managerId: manager.id,
      at: manager.offboardedAt ?? undefined,
      // No sessions known for this manager: Doorman cannot tell which accounts, so all.
      accountIds: accountIds && accountIds.length ? accountIds : null,
    });
  });

  const notifications = new NotificationService({
    notifier: deps.notifier,
    settings: () => deps.settings.get(),
    language,
    open,
  });

  const source: MonitorSource = {
    accounts: async () => refreshableAccounts(deps),
    refresh: async (accountId) => {
      // Without sessions there is nothing to refresh, and no credits are spent.
      if (deps.sessions) await deps.sessions.refresh(accountId);
    },
    openLoginSessions: async (accountId) => {
      if (!deps.sessions) return null;
      const list = deps.sessions.logins.list(accountId);
      if (list.mode === 'manual' || list.asOf === null) return null;
      return list.sessions.filter((s) => s.status === 'open');
    },
    managementSessions: async (accountId) =>
      deps.sessions
        ? deps.sessions.management.list(accountId).sessions.map((s) => ({
            id: s.id,
            label: s.label,
            active: s.status === 'active',
            reviewBy: s.reviewBy,
          }))
        : null,
    managers: async () => deps.managers.list(),
  };
  const monitor = new MonitorService({
    dataDir: deps.dataDir,
    notices: deps.notices,
    clock: deps.clock,
    timers: deps.timers ?? realTimers,
    intervalMinutes: () => deps.settings.get().refreshIntervalMinutes,
    source,
    notify: (request) => void notifications.notify(request),
    events: deps.events,
    log: deps.log,
    isOnline: deps.isOnline,
  });
  deps.settings.onChange((next, previous) => {
    if (next.refreshIntervalMinutes !== previous.refreshIntervalMinutes) monitor.intervalChanged();
  });

  const actions: LockdownActions = {
    accounts: async () =>
      deps.accounts.cached().map((a) => ({ accountId: a.accountId, label: accountLabel(a) })),
    listActiveManagementSessions: (accountId) =>
      requireSessions(deps).listActiveManagementSessions(accountId),
    revokeManagementSession: (accountId, sessionId) =>
      requireSessions(deps).revokeManagementSession(accountId, sessionId),
    closeOtherLoginSessions: async (accountId) => {
      await requireSessions(deps).closeOtherLoginSessions(accountId);
    },
  };
  const lockdown = new LockdownService({
    actions,
    activity: deps.activity,
    events: deps.events,
    clock: deps.clock,
    store: createLockdownRunStore({ dataDir: deps.dataDir, notices: deps.notices }),
  });

  const trayState = new TrayStateService({
    events: deps.events,
    log: deps.log,
    source: {
      language,
      overall: async () => {
        const state = await checklist.state();
        return {
          overall: state.overall,
          accounts: state.accounts.map((a) => ({
            accountId: a.accountId,
            label: a.label,
            overall: a.overall,
          })),
        };
      },
      activeSessions: async (accountId) =>
        deps.sessions
          ? deps.sessions.management
              .list(accountId)
              .sessions.filter((s) => s.status === 'active')
              .sort(byNewest)
              .map((s) => ({ id: s.id, label: s.label }))
          : [],
      refreshing: () => monitor.getStatus().state === 'refreshing',
      lockdownRunning: () => lockdown.state()?.status === 'running',
      refreshNow: () => monitor.refreshNow(),
      requestRevoke: (request) => lockdown.requestRevoke(request),
    },
  });

  return { checklist, lockdown, monitor, notifications, trayState };
}
