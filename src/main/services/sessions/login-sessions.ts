import { randomUUID } from 'node:crypto';
import { gatewayRefreshDue, listForRefresh } from './refresh';
import {
  recordManualLoginInputSchema,
  type LoginSession,
  type LoginSessionList,
  type RecordManualLoginInput,
} from '../../../shared/contract/logins';
import { ACTIVITY_PARAM_MAX_CHARS } from '../../../shared/domain/activity';
import { DoormanError } from '../../../shared/errors';
import type { GatewayClient, GatewayLoginSession } from '../../gateway/types';
import type { EventBus } from '../../platform/events';
import { JsonStore, type StorageNoticeLog } from '../../platform/json-store';
import type { ActivityRecorder } from '../activity-recorder';
import { errorCodeOf, parseInput, toDoormanError, unsupportedError } from './errors';
import {
  emptyLoginState,
  loginsFileSchema,
  type LoginAccountState,
  own,
  type LoginsFile,
  type StoredLoginSession,
  readAccountState,
  updateAccountState,
} from './store';

export interface LoginSessionsDeps {
  dataDir: string;
  gateway: GatewayClient;
  activity: ActivityRecorder;
  clock: () => Date;
  events?: EventBus;
  notices?: StorageNoticeLog;
  newId?: () => string;
}

/**
 * Login sessions per account. Doorman remembers when it first saw each one, so a session
 * that appeared since the creator last looked gets a "new" badge and one `loginNew` entry.
 * The first listing of an account is the baseline: its sessions are not announced as new.
 */
export class LoginSessionsService {
  private readonly store: JsonStore<LoginsFile>;
  private readonly newId: () => string;

  constructor(private readonly deps: LoginSessionsDeps) {
    this.newId = deps.newId ?? randomUUID;
    this.store = new JsonStore<LoginsFile>({
      dir: deps.dataDir,
      name: 'logins',
      schema: loginsFileSchema,
      defaults: () => ({ accounts: {} }),
      version: 1,
      notices: deps.notices,
      clock: deps.clock,
    });
  }

  list(accountId: string): LoginSessionList {
    const state = this.state(accountId);
    return {
      accountId,
      mode: state.mode,
      asOf: state.asOf,
      offline: state.offline,
      lastViewedAt: state.lastViewedAt,
      sessions: Object.values(state.sessions).map((s) => withNewFlag(s, state.lastViewedAt)),
    };
  }

  /** Every login session Doorman knows for the account (open, closed, gone). For the checklist. */
  listLoginSessions(accountId: string): LoginSession[] {
    return this.list(accountId).sessions;
  }

  async refresh(accountId: string, options: { force?: boolean } = {}): Promise<LoginSessionList> {
    if (!gatewayRefreshDue(this.state(accountId), this.deps.clock(), options.force)) {
      return this.list(accountId);
    }
    const remote = await listForRefresh(
      () => this.deps.gateway.listLoginSessions(accountId),
      this.state(accountId),
      {
        switchToManual: () => this.switchToManual(accountId),
        markOffline: () => this.markOffline(accountId),
      },
    );
    if (remote) {
      this.reconcile(accountId, remote);
      this.changed();
    }
    return this.list(accountId);
  }

  /** The creator looked at the list: what was new is no longer new. */
  markViewed(accountId: string): void {
    const now = this.now();
    this.update(accountId, (s) => ({ ...s, lastViewedAt: now }));
  }

  recognise(accountId: string, sessionId: string): LoginSession {
    const record = this.require(accountId, sessionId);
    if (record.recognisedAt) return withNewFlag(record, this.state(accountId).lastViewedAt);
    const next = { ...record, recognisedAt: this.now() };
    this.save(next);
    this.deps.activity.record({
      kind: 'loginRecognised',
      accountId,
      subjectId: sessionId,
      summary: `Recognised the login from ${describe(record)}`,
      params: { login: loginParam(record) },
    });
    this.changed();
    return withNewFlag(next, this.state(accountId).lastViewedAt);
  }

  /** Closes one login session; one the gateway no longer has counts as closed. */
  async close(accountId: string, sessionId: string): Promise<LoginSession> {
    const record = this.require(accountId, sessionId);
    if (record.status !== 'open') return withNewFlag(record, this.state(accountId).lastViewedAt);
    if (record.source === 'manual') {
      throw new DoormanError(
        'conflict',
        'This login session was recorded by hand: close it on fansly.com, then mark it closed here.',
      );
    }
    if (record.current) {
      throw new DoormanError(
        'conflict',
        'This is the current session. Closing it would sign the account out of the gateway; use “Close all except current” for the others.',
      );
    }
    this.requireGatewayMode(accountId);
    try {
      await this.deps.gateway.closeLoginSession(accountId, sessionId);
    } catch (error) {
      const code = errorCodeOf(error);
      if (code !== 'notFound' && code !== 'unsupported') {
        throw toDoormanError(error, 'the login session was not closed');
      }
      if (!(await this.confirmGone(accountId, sessionId))) {
        throw toDoormanError(error, 'the login session was not closed');
      }
    }
    return this.recordClosed(record, `Closed the login from ${describe(record)}`, 'single');
  }

  /** Closes every login session but the current one (the lockdown uses this). */
  async closeOtherLoginSessions(accountId: string): Promise<{ closed: number }> {
    this.requireGatewayMode(accountId);
    try {
      await this.deps.gateway.closeOtherLoginSessions(accountId);
    } catch (error) {
      if (errorCodeOf(error) === 'unsupported') {
        this.switchToManual(accountId);
        throw unsupportedError();
      }
      throw toDoormanError(error, 'no login session was closed');
    }
    const now = this.now();
    const state = this.state(accountId);
    const closing = Object.values(state.sessions).filter(
      (s) => s.status === 'open' && !s.current && s.source !== 'manual',
    );
    this.update(accountId, (s) => {
      const sessions = { ...s.sessions };
      for (const c of closing) sessions[c.id] = { ...c, status: 'closed', closedAt: now };
      return { ...s, sessions };
    });
    this.deps.activity.record({
      kind: 'loginClosed',
      accountId,
      subjectId: null,
      summary: `Closed all login sessions except the current one (${closing.length})`,
      params: { variant: 'allButCurrent', count: closing.length },
    });
    // Best effort: the listing shows what the gateway really kept.
    try {
      await this.refresh(accountId);
    } catch {
      // The close succeeded; a failed re-list only delays the truth to the next refresh.
    }
    this.changed();
    return { closed: closing.length };
  }

  // ---- manual tracking -----------------------------------------------------------------

  /**
   * Manual tracking: records a login session the creator saw on fansly.com. Refused while the
   * gateway lists login sessions itself, so a hand-made record never stands in for its list.
   */
  recordManual(raw: RecordManualLoginInput): LoginSession {
    const input = parseInput(recordManualLoginInputSchema, raw);
    if (this.state(input.accountId).mode !== 'manual') {
      throw new DoormanError(
        'conflict',
        'The gateway lists login sessions for this account: Doorman keeps them up to date, so none is recorded by hand.',
      );
    }
    const now = this.now();
    const session: StoredLoginSession = {
      id: `manual_${this.newId()}`,
      accountId: input.accountId,
      device: input.device,
      ip: input.ip,
      city: input.city,
      stateCode: null,
      countryCode: input.countryCode,
      lastUsedAt: input.lastUsedOn ? `${input.lastUsedOn}T00:00:00.000Z` : null,
      current: false,
      firstSeenAt: now,
      recognisedAt: input.recognised ? now : null,
      status: 'open',
      closedAt: null,
      source: 'manual',
      note: input.note,
    };
    this.save(session);
    this.deps.activity.record({
      kind: 'sessionRecordedManually',
      accountId: input.accountId,
      subjectId: session.id,
      summary: `Recorded the login from ${describe(session)} seen on fansly.com`,
      params: { variant: 'login', login: loginParam(session) },
    });
    this.changed();
    return { ...session, isNew: false };
  }

  /** Manual tracking: the creator closed the login session on fansly.com and says so here. */
  markClosedManually(accountId: string, sessionId: string): LoginSession {
    const record = this.require(accountId, sessionId);
    const lastViewedAt = this.state(accountId).lastViewedAt;
    if (record.status !== 'open') return withNewFlag(record, lastViewedAt);
    if (record.source !== 'manual') {
      throw new DoormanError(
        'conflict',
        'Doorman can close this login session on the gateway: use Close so it really happens.',
      );
    }
    return this.recordClosed(
      record,
      `Marked the login from ${describe(record)} closed on fansly.com`,
      'markedManually',
    );
  }

  /**
   * Keeps a login session as closed now, logs it with `summary` (and `variant`, the window's
   * sentence for it) and announces the change.
   */
  private recordClosed(
    record: StoredLoginSession,
    summary: string,
    variant: 'single' | 'markedManually',
  ): LoginSession {
    // From the record as stored now: a close that waited for the gateway keeps what was saved
    // meanwhile (recognised, a note of where it is), and two closes record it once.
    const latest = own(this.state(record.accountId).sessions, record.id) ?? record;
    if (latest.status === 'closed') {
      return withNewFlag(latest, this.state(record.accountId).lastViewedAt);
    }
    const next: StoredLoginSession = { ...latest, status: 'closed', closedAt: this.now() };
    this.save(next);
    this.deps.activity.record({
      kind: 'loginClosed',
      accountId: record.accountId,
      subjectId: record.id,
      summary,
      params: { variant, login: loginParam(record) },
    });
    this.changed();
    return withNewFlag(next, this.state(record.accountId).lastViewedAt);
  }

  private async confirmGone(accountId: string, sessionId: string): Promise<boolean> {
    let remote: GatewayLoginSession[];
    try {
      remote = await this.deps.gateway.listLoginSessions(accountId);
    } catch (error) {
      if (errorCodeOf(error) === 'unsupported') {
        this.switchToManual(accountId);
        throw unsupportedError();
      }
      throw toDoormanError(error, 'the login session was not closed');
    }
    return !remote.some((r) => r.id === sessionId);
  }

  private reconcile(accountId: string, remote: GatewayLoginSession[]): void {
    const now = this.now();
    const state = this.state(accountId);
    const sessions = { ...state.sessions };
    const seen = new Set<string>();
    const fresh: StoredLoginSession[] = [];
    for (const r of remote) {
      if (typeof r.id !== 'string' || !r.id || r.id.length > 200 || r.id !== r.id.trim()) continue;
      if (r.id === '__proto__') continue;
      if (own(sessions, r.id)?.source === 'manual') continue;
      seen.add(r.id);
      const existing = own(sessions, r.id);
      const facts = {
        device: r.device?.slice(0, 300) ?? null,
        ip: r.ip?.slice(0, 100) ?? null,
        city: r.city?.slice(0, 120) ?? null,
        stateCode: r.stateCode?.slice(0, 20) ?? null,
        countryCode: r.countryCode?.slice(0, 10) ?? null,
        lastUsedAt: r.lastUsedAt === null ? null : new Date(r.lastUsedAt).toISOString(),
        current: r.current,
      };
      if (existing) {
        sessions[r.id] = { ...existing, ...facts, status: 'open', closedAt: null };
      } else {
        const created: StoredLoginSession = {
          id: r.id,
          accountId,
          ...facts,
          firstSeenAt: now,
          recognisedAt: null,
          status: 'open',
          closedAt: null,
          source: 'gateway',
          note: '',
        };
        sessions[r.id] = created;
        fresh.push(created);
      }
    }
    for (const [id, record] of Object.entries(sessions)) {
      // Manual records were never on the gateway's list: its silence says nothing about them.
      if (record.source === 'manual') continue;
      if (record.status === 'open' && !seen.has(id)) {
        sessions[id] = { ...record, status: 'gone', closedAt: now };
      }
    }
    const baseline = !state.baselineTaken;
    this.update(accountId, (s) => ({
      ...s,
      mode: 'gateway',
      modeCheckedAt: now,
      asOf: now,
      offline: false,
      baselineTaken: true,
      lastViewedAt: baseline ? now : s.lastViewedAt,
      sessions,
    }));
    if (!baseline) {
      for (const session of fresh) {
        this.deps.activity.record({
          kind: 'loginNew',
          accountId,
          subjectId: session.id,
          summary: `New login from ${describe(session)}`,
          params: { login: loginParam(session) },
        });
      }
    }
  }

  private requireGatewayMode(accountId: string): void {
    if (this.state(accountId).mode === 'manual') throw unsupportedError();
  }

  /** The gateway could not be reached: the list is the last known one, and screens say so. */
  private markOffline(accountId: string): void {
    this.update(accountId, (s) => ({ ...s, offline: true }));
    this.changed();
  }

  private switchToManual(accountId: string): void {
    const now = this.now();
    this.update(accountId, (s) => ({ ...s, mode: 'manual', modeCheckedAt: now, offline: false }));
    this.changed();
  }

  private require(accountId: string, sessionId: string): StoredLoginSession {
    const record = own(this.state(accountId).sessions, sessionId);
    if (!record) throw new DoormanError('notFound', 'Doorman has no record of that login session.');
    return record;
  }

  private save(session: StoredLoginSession): void {
    this.update(session.accountId, (s) => ({
      ...s,
      sessions: { ...s.sessions, [session.id]: session },
    }));
  }

  private state(accountId: string): LoginAccountState {
    return readAccountState(this.store, accountId, emptyLoginState);
  }

  private update(accountId: string, change: (state: LoginAccountState) => LoginAccountState): void {
    updateAccountState(this.store, accountId, emptyLoginState, change);
  }

  private now(): string {
    return this.deps.clock().toISOString();
  }

  private changed(): void {
    this.deps.events?.changed('loginSessions');
  }
}

function withNewFlag(session: StoredLoginSession, lastViewedAt: string | null): LoginSession {
  const isNew =
    session.status === 'open' &&
    session.recognisedAt === null &&
    lastViewedAt !== null &&
    session.firstSeenAt > lastViewedAt;
  return { ...session, isNew };
}

function loginText(session: StoredLoginSession): string {
  const place = [session.city, session.countryCode].filter(Boolean).join(', ');
  return [session.device, place, session.ip].filter(Boolean).join(' · ');
}

function describe(session: StoredLoginSession): string {
  return loginText(session) || 'an unknown device';
}

/** The login for an activity param: empty when nothing is known, which the window words. */
function loginParam(session: StoredLoginSession): string {
  return loginText(session).slice(0, ACTIVITY_PARAM_MAX_CHARS);
}
