import type { LoginSession } from '../../../shared/contract/logins';
import type { ManagementSession, RevokeAllResult } from '../../../shared/contract/sessions';
import type { Clipboard } from '../../platform/clipboard';
import { LoginSessionsService, type LoginSessionsDeps } from './login-sessions';
import { ManagementSessionsService, type ManagementSessionsDeps } from './management-sessions';
import { OneTimeLinks, type Schedule } from './one-time-links';
import { offlineError, unsupportedError } from './errors';

export { LoginSessionsService } from './login-sessions';
export { ManagementSessionsService } from './management-sessions';
export { OneTimeLinks, CLIPBOARD_CLEAR_MS, LINK_HOLD_MS } from './one-time-links';

/** A session as the managers feature lists it (matches its `IssuedSession`). */
export interface IssuedSessionView {
  accountId: string;
  sessionId: string;
  label: string;
  managerId: string | null;
  permissions: string[];
  status: string;
  createdAt: string | null;
  endedAt: string | null;
}

/** Structurally the managers feature's `ManagerSessionsPort`, without depending on it. */
export interface SessionsForManagers {
  sessionsForManager(managerId: string): Promise<IssuedSessionView[]>;
  allSessions(): Promise<IssuedSessionView[]>;
  revoke(accountId: string, sessionId: string): Promise<void>;
}

export type SessionsDeps = Omit<ManagementSessionsDeps, 'links'> &
  LoginSessionsDeps & { clipboard: Clipboard; schedule?: Schedule };

/**
 * Who can get in: management sessions and login sessions of each account. The checklist,
 * monitor and lockdown call the methods here; the IPC handlers call the two parts directly.
 */
export class SessionsService {
  readonly management: ManagementSessionsService;
  readonly logins: LoginSessionsService;
  readonly links: OneTimeLinks;

  constructor(deps: SessionsDeps) {
    this.links = new OneTimeLinks(deps.clipboard, deps.schedule ? { schedule: deps.schedule } : {});
    this.management = new ManagementSessionsService({ ...deps, links: this.links });
    this.logins = new LoginSessionsService(deps);
  }

  listManagementSessions(accountId: string): ManagementSession[] {
    return this.management.listManagementSessions(accountId);
  }

  listLoginSessions(accountId: string): LoginSession[] {
    return this.logins.listLoginSessions(accountId);
  }

  /**
   * Refreshes both lists (the monitor's call). Each keeps its last-known copy when the
   * gateway cannot be reached, and then this throws `offline` so the caller can back off.
   */
  /**
   * Refreshes both lists; each is written whatever happens to the other, and this returns
   * only once both are done (a failure of one never leaves the other half-way).
   */
  async refresh(accountId: string): Promise<void> {
    const [management, logins] = await Promise.allSettled([
      this.management.refresh(accountId),
      this.logins.refresh(accountId),
    ]);
    if (management.status === 'rejected') throw management.reason;
    if (logins.status === 'rejected') throw logins.reason;
    if (management.value.offline || logins.value.offline) {
      throw offlineError('the lists were not refreshed');
    }
  }

  /** Asks the gateway now; the active sessions it has (the lockdown's first step). */
  async listActiveManagementSessions(accountId: string): Promise<ManagementSession[]> {
    const list = await this.management.refresh(accountId);
    if (list.offline) throw offlineError('the sessions could not be listed');
    if (list.mode === 'manual') throw unsupportedError();
    return list.sessions.filter((s) => s.status === 'active' && s.source === 'gateway');
  }

  /** Revokes one session; one the gateway already removed counts as revoked. */
  async revokeManagementSession(accountId: string, sessionId: string): Promise<void> {
    await this.management.revoke(accountId, sessionId);
  }

  revokeAllManagementSessions(accountId: string): Promise<RevokeAllResult> {
    return this.management.revokeAllManagementSessions(accountId);
  }

  closeOtherLoginSessions(accountId: string): Promise<{ closed: number }> {
    return this.logins.closeOtherLoginSessions(accountId);
  }

  /** What the managers feature reads and offboarding calls (`core.managers.connectSessions`). */
  managerSessionsPort(): SessionsForManagers {
    const issued = (s: ManagementSession): IssuedSessionView => ({
      accountId: s.accountId,
      sessionId: s.id,
      label: s.label,
      managerId: s.managerId,
      permissions: s.permissions,
      status: s.status,
      createdAt: s.createdAt,
      endedAt: s.revokedAt ?? s.endedAt,
    });
    return {
      sessionsForManager: async (managerId) =>
        this.management
          .listAllManagementSessions()
          .filter((s) => s.managerId === managerId)
          .map(issued),
      allSessions: async () => this.management.listAllManagementSessions().map(issued),
      revoke: async (accountId, sessionId) => {
        await this.management.revoke(accountId, sessionId);
      },
    };
  }

  async stop(): Promise<void> {
    await this.links.stop();
  }
}
