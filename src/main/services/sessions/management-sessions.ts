import { localDayAfter } from '../../../shared/domain/calendar';
import { randomUUID } from 'node:crypto';
import { type z } from 'zod';
import { gatewayRefreshDue, listForRefresh } from './refresh';
import {
  HISTORY_MAX,
  MANUAL_SESSION_ID_PREFIX,
  REVIEW_DEFAULT_DAYS,
  createSessionInputSchema,
  editSessionInputSchema,
  recordManualSessionInputSchema,
  updateSessionDetailsInputSchema,
  type CreateSessionResult,
  type ManagementSession,
  type ManagementSessionList,
  type PermissionCatalogue,
  type RevokeAllResult,
  type SessionHistoryChanges,
  type SessionHistoryEntry,
} from '../../../shared/contract/sessions';
import {
  BUILT_IN_PERMISSION_IDS,
  BUILT_IN_PERMISSION_LABELS,
  builtInEquivalent,
} from '../../../shared/domain/permissions';
import { DoormanError } from '../../../shared/errors';
import type { GatewayClient, GatewayManagementSession, TwoFactorProof } from '../../gateway/types';
import type { EventBus } from '../../platform/events';
import { JsonStore, type StorageNoticeLog } from '../../platform/json-store';
import { recordAll, type ActivityRecorder } from '../activity-recorder';
import type { TwoFactorChallenges } from '../two-factor-types';
import {
  errorCodeOf,
  isOutcomeUnknown,
  parseInput,
  toDoormanError,
  unsupportedError,
} from './errors';
import type { OneTimeLinks } from './one-time-links';
import {
  emptyManagementState,
  sessionsFileSchema,
  own,
  type ManagementAccountState,
  type PendingCreate,
  type SessionsFile,
  readAccountState,
  updateAccountState,
} from './store';

export interface ManagementSessionsDeps {
  dataDir: string;
  gateway: GatewayClient;
  /** The 2FA step-up handoff; null until the vault/2FA service is composed in. */
  twoFactor: TwoFactorChallenges | null;
  activity: ActivityRecorder;
  links: OneTimeLinks;
  clock: () => Date;
  events?: EventBus;
  notices?: StorageNoticeLog;
  newId?: () => string;
}

type CreateInput = z.input<typeof createSessionInputSchema>;
type CreateEntry =
  | { state: 'inFlight'; promise: Promise<CreateSessionResult> }
  | { state: 'done'; result: CreateSessionResult }
  /** Timed out and not yet found on the gateway: never POSTed again under this id. */
  | { state: 'uncertain'; pending: PendingCreate };

/** Pending creates older than this are no longer matched by label. */
const PENDING_MATCH_MS = 30 * 60 * 1000;
/** A gateway clock may run a little behind ours. */
const CLOCK_SKEW_MS = 2 * 60 * 1000;
const ENDED_STATUSES = /revoked|deleted|expired|ended|inactive|closed|logged.?out/i;

/**
 * Management sessions per account: the gateway is the truth for what exists, Doorman's
 * records add what the gateway does not know (manager, review-by date, where the link was
 * sent, history) and survive revocation. Every change needs the gateway; offline, changes
 * are refused, never queued.
 */
export class ManagementSessionsService {
  private readonly store: JsonStore<SessionsFile>;
  private readonly creates = new Map<string, CreateEntry>();
  private readonly newId: () => string;

  constructor(private readonly deps: ManagementSessionsDeps) {
    this.store = new JsonStore<SessionsFile>({
      dir: deps.dataDir,
      name: 'sessions',
      schema: sessionsFileSchema,
      defaults: () => ({ accounts: {} }),
      version: 1,
      notices: deps.notices,
      clock: deps.clock,
    });
    this.newId = deps.newId ?? randomUUID;
  }

  // ---- reading -------------------------------------------------------------------------

  /** The last-known list from disk; never calls the gateway. */
  list(accountId: string): ManagementSessionList {
    const state = this.state(accountId);
    return {
      accountId,
      mode: state.mode,
      asOf: state.asOf,
      offline: state.offline,
      sessions: Object.values(state.sessions),
    };
  }

  /** Every session record of an account (active, revoked, ended). For the checklist and monitor. */
  listManagementSessions(accountId: string): ManagementSession[] {
    return Object.values(this.state(accountId).sessions);
  }

  /** Every session record of every account (managers' history, the evidence report). */
  listAllManagementSessions(): ManagementSession[] {
    return Object.values(this.store.get().accounts).flatMap((a) => Object.values(a.sessions));
  }

  /**
   * Lists the gateway's sessions and reconciles by id: vanished → ended; unknown → flagged
   * "not created in Doorman" (or matched to a create whose answer was lost). Offline, the
   * last-known list comes back with `offline: true`.
   */
  async refresh(
    accountId: string,
    options: { force?: boolean } = {},
  ): Promise<ManagementSessionList> {
    const now = this.now();
    if (!gatewayRefreshDue(this.state(accountId), this.deps.clock(), options.force)) {
      return this.list(accountId);
    }
    const remote = await listForRefresh(
      () => this.deps.gateway.listManagementSessions(accountId),
      this.state(accountId),
      {
        switchToManual: () => this.switchToManual(accountId),
        markOffline: () => this.markOffline(accountId),
      },
    );
    if (remote) {
      this.reconcile(accountId, remote, now);
      this.changed();
    }
    return this.list(accountId);
  }

  /** The access-level options: the gateway's when it offers a list, else the built-in catalogue. */
  async catalogue(accountId: string): Promise<PermissionCatalogue> {
    const state = this.state(accountId);
    try {
      const remote = await this.deps.gateway.listPermissions(accountId);
      if (remote.length > 0) {
        const catalogue = remote.slice(0, 100).map((p) => ({
          id: p.id.slice(0, 100),
          label: (p.label || p.id).slice(0, 200),
        }));
        this.update(accountId, (s) => ({ ...s, catalogue }));
        return fromGateway(catalogue);
      }
    } catch {
      // unsupported (the usual case), offline or broken: the last gateway list, else built-in.
      if (state.catalogue) return fromGateway(state.catalogue);
    }
    return builtInCatalogue();
  }

  // ---- create --------------------------------------------------------------------------

  /**
   * Creates a session on the gateway. The same `requestId` never creates twice: a repeat
   * while the first is running shares its answer; after it, gets the record without the link.
   * A create whose answer was lost (timeout, network, 5xx) is resolved by listing, never by
   * POSTing again.
   */
  create(raw: CreateInput): Promise<CreateSessionResult> {
    let input: z.output<typeof createSessionInputSchema>;
    try {
      input = parseInput(createSessionInputSchema, raw);
    } catch (error) {
      return Promise.reject(error);
    }
    const existing = this.creates.get(input.requestId);
    if (existing?.state === 'inFlight') return existing.promise;
    if (existing?.state === 'done') {
      return Promise.resolve({
        ...existing.result,
        link: null,
        copyToken: null,
        repeated: true,
      });
    }
    if (existing?.state === 'uncertain') return this.resolveUncertain(input.accountId, existing);
    const persisted = this.state(input.accountId).pendingCreates.find(
      (p) => p.requestId === input.requestId,
    );
    if (persisted) {
      return this.resolveUncertain(input.accountId, { state: 'uncertain', pending: persisted });
    }

    const promise = this.createOnce(input);
    this.creates.set(input.requestId, { state: 'inFlight', promise });
    return promise;
  }

  private async createOnce(
    input: z.output<typeof createSessionInputSchema>,
  ): Promise<CreateSessionResult> {
    const { accountId, requestId } = input;
    let proof: TwoFactorProof | undefined;
    try {
      if (this.state(accountId).mode === 'manual') throw unsupportedError();
      await this.checkPermissions(accountId, input.permissions);
      if (input.twoFactorChallengeId) {
        proof = this.consumeTwoFactor(accountId, input.twoFactorChallengeId);
      }
    } catch (error) {
      this.creates.delete(requestId);
      throw error;
    }
    const warnings = this.duplicateLabel(accountId, input.label)
      ? (['duplicateLabel'] as const)
      : [];
    const pending: PendingCreate = {
      requestId,
      label: input.label,
      permissions: [...new Set(input.permissions)],
      managerId: input.managerId,
      reviewBy: input.reviewBy ?? this.defaultReviewBy(),
      startedAt: this.now(),
    };
    this.update(accountId, (s) => ({
      ...s,
      pendingCreates: [...prunePending(s.pendingCreates, this.deps.clock()), pending].slice(-50),
    }));

    let created;
    try {
      created = await this.deps.gateway.createManagementSession(
        accountId,
        { label: pending.label, permissions: pending.permissions },
        proof,
      );
    } catch (error) {
      if (isOutcomeUnknown(error)) {
        const entry: CreateEntry = { state: 'uncertain', pending };
        this.creates.set(requestId, entry);
        return this.resolveUncertain(accountId, entry);
      }
      this.dropPending(accountId, requestId);
      this.creates.delete(requestId);
      if (errorCodeOf(error) === 'unsupported') {
        this.switchToManual(accountId);
        throw unsupportedError();
      }
      if (errorCodeOf(error) === 'twoFactorRequired') {
        throw new DoormanError(
          'twoFactorRequired',
          'Fansly asks for your two-factor code before creating this session.',
        );
      }
      throw toDoormanError(error, 'the session was not created');
    }

    const copyToken = this.deps.links.hold(created.link);
    const session = this.recordCreated(accountId, pending, created, false);
    const result: CreateSessionResult = {
      session,
      link: created.link,
      copyToken,
      warnings: [...warnings],
      repeated: false,
    };
    this.creates.set(requestId, {
      state: 'done',
      result: { ...result, link: null, copyToken: null },
    });
    this.forgetOldRequests();
    return result;
  }

  /** A create whose answer never came: look for it on the gateway; never POST it again. */
  private async resolveUncertain(
    accountId: string,
    entry: Extract<CreateEntry, { state: 'uncertain' }>,
  ): Promise<CreateSessionResult> {
    const { pending } = entry;
    let remote: GatewayManagementSession[];
    try {
      remote = await this.deps.gateway.listManagementSessions(accountId);
    } catch {
      throw new DoormanError(
        'offline',
        'Doorman could not tell whether Fansly created this session: the gateway did not answer. It will check again on the next refresh. Please do not create it again yet.',
      );
    }
    // A refresh that ran meanwhile may have found it already.
    const settled = this.creates.get(pending.requestId);
    if (settled?.state === 'done') return settled.result;
    const match = this.matchPending(accountId, pending, remote);
    if (!match) {
      this.reconcile(accountId, remote, this.now());
      throw new DoormanError(
        'notCreated',
        'The gateway’s answer was lost and the session is not on Fansly: nothing was created. You can create it again.',
      );
    }
    const session = this.recordCreated(accountId, pending, match, true);
    this.reconcile(accountId, remote, this.now());
    const result: CreateSessionResult = {
      session: own(this.state(accountId).sessions, session.id) ?? session,
      link: null,
      copyToken: null,
      warnings: [],
      repeated: false,
    };
    this.creates.set(pending.requestId, { state: 'done', result });
    return result;
  }

  /** Finished requests are remembered for repeats, but not forever (a Map keeps insertion order). */
  private forgetOldRequests(): void {
    const limit = 500;
    for (const [id, entry] of this.creates) {
      if (this.creates.size <= limit) break;
      if (entry.state === 'done') this.creates.delete(id);
    }
  }

  private matchPending(
    accountId: string,
    pending: PendingCreate,
    remote: GatewayManagementSession[],
  ): GatewayManagementSession | null {
    const known = this.state(accountId).sessions;
    const since = Date.parse(pending.startedAt) - CLOCK_SKEW_MS;
    const candidates = remote.filter(
      (r) =>
        !own(known, r.id) &&
        sameLabel(r.label, pending.label) &&
        (r.createdAt === null || Date.parse(r.createdAt) >= since),
    );
    candidates.sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? ''));
    return candidates[0] ?? null;
  }

  private recordCreated(
    accountId: string,
    pending: PendingCreate,
    created: GatewayManagementSession,
    linkLost: boolean,
  ): ManagementSession {
    const now = this.now();
    const history: SessionHistoryEntry[] = [{ at: now, kind: 'created', detail: '' }];
    if (linkLost) history.push({ at: now, kind: 'linkLost', detail: '' });
    const session: ManagementSession = {
      id: created.id,
      accountId,
      label: created.label || pending.label,
      permissions: created.permissions.length ? created.permissions : pending.permissions,
      managerId: pending.managerId,
      createdAt: created.createdAt ?? now,
      lastUsedAt: created.lastUsedAt,
      status: 'active',
      reviewBy: pending.reviewBy,
      sentTo: '',
      createdInDoorman: true,
      source: 'gateway',
      revokedAt: null,
      endedAt: null,
      linkLost,
      history,
    };
    this.update(accountId, (s) => ({
      ...s,
      sessions: { ...s.sessions, [session.id]: session },
      pendingCreates: s.pendingCreates.filter((p) => p.requestId !== pending.requestId),
    }));
    this.deps.activity.record({
      kind: 'sessionCreated',
      accountId,
      subjectId: session.id,
      summary: linkLost
        ? `Created “${session.label}”; its link did not reach Doorman`
        : `Created “${session.label}”`,
      params: { variant: linkLost ? 'linkLost' : 'created', session: session.label },
    });
    this.changed();
    return session;
  }

  // ---- edit ----------------------------------------------------------------------------

  /**
   * Changes name or access level on the gateway. When Fansly asks for 2FA this throws
   * `twoFactorRequired`; the renderer verifies a code and calls again once with the
   * challenge id, which becomes the proof here.
   */
  async edit(raw: z.input<typeof editSessionInputSchema>): Promise<ManagementSession> {
    const input = parseInput(editSessionInputSchema, raw);
    const { accountId, sessionId } = input;
    const record = this.requireSession(accountId, sessionId);
    if (record.source === 'manual') {
      if (input.permissions) this.checkManualPermissions(accountId, input.permissions);
      return this.applyLocalEdit(record, input.label, input.permissions, 'edited');
    }
    if (record.status !== 'active') {
      throw new DoormanError('conflict', 'Only an active session can be changed.');
    }
    if (input.label === undefined && input.permissions === undefined) return record;
    const permissions =
      input.permissions && (await this.checkPermissions(accountId, input.permissions));
    const proof = input.twoFactorChallengeId
      ? this.consumeTwoFactor(accountId, input.twoFactorChallengeId)
      : undefined;
    let updated: GatewayManagementSession;
    try {
      updated = await this.deps.gateway.updateManagementSession(
        accountId,
        sessionId,
        {
          ...(input.label !== undefined ? { label: input.label } : {}),
          ...(permissions ? { permissions } : {}),
        },
        proof,
      );
    } catch (error) {
      const code = errorCodeOf(error);
      if (code === 'twoFactorRequired') {
        throw new DoormanError(
          'twoFactorRequired',
          'Fansly asks for your two-factor code before changing a management session.',
        );
      }
      if (code === 'unsupported') {
        this.switchToManual(accountId);
        throw unsupportedError();
      }
      throw toDoormanError(error, 'the session was not changed');
    }
    return this.applyLocalEdit(
      this.latest(record),
      updated.label || input.label,
      updated.permissions.length ? updated.permissions : permissions,
      'edited',
    );
  }

  private applyLocalEdit(
    record: ManagementSession,
    label: string | undefined,
    permissions: string[] | undefined,
    kind: 'edited',
  ): ManagementSession {
    const changes: string[] = [];
    const renamed = label !== undefined && label !== record.label;
    const accessChanged = permissions !== undefined && !sameSet(permissions, record.permissions);
    if (renamed) changes.push(`name: ${record.label} → ${label}`);
    if (accessChanged) changes.push(`access: ${permissions.join(', ')}`);
    const variant = renamed
      ? accessChanged
        ? 'renamedAndAccess'
        : 'renamed'
      : accessChanged
        ? 'access'
        : null;
    const next: ManagementSession = {
      ...record,
      label: label ?? record.label,
      permissions: permissions ?? record.permissions,
      history: appendHistory(record.history, {
        at: this.now(),
        kind,
        detail: changes.join('; ').slice(0, 300),
        changes: {
          ...(renamed && { renamed: { from: record.label, to: label } }),
          ...(accessChanged && { permissions: permissions.slice(0, 100) }),
        },
      }),
    };
    this.save(next);
    this.deps.activity.record({
      kind: 'sessionEdited',
      accountId: record.accountId,
      subjectId: record.id,
      summary: `Changed “${next.label}”${changes.length ? `: ${changes.join('; ')}` : ''}`.slice(
        0,
        500,
      ),
      params: {
        ...(variant && { variant }),
        session: next.label,
        ...(renamed && { previous: record.label }),
        ...(accessChanged && { count: permissions.length }),
      },
    });
    this.changed();
    return next;
  }

  /** Local details the gateway does not know: manager, review-by date, where the link went. */
  updateDetails(raw: z.input<typeof updateSessionDetailsInputSchema>): ManagementSession {
    const input = parseInput(updateSessionDetailsInputSchema, raw);
    const record = this.requireSession(input.accountId, input.sessionId);
    const next: ManagementSession = {
      ...record,
      managerId: input.managerId !== undefined ? input.managerId : record.managerId,
      reviewBy: input.reviewBy !== undefined ? input.reviewBy : record.reviewBy,
      sentTo: input.sentTo !== undefined ? input.sentTo : record.sentTo,
    };
    const changed: string[] = [];
    const changes: SessionHistoryChanges = {};
    if (next.managerId !== record.managerId) {
      changed.push('manager');
      changes.manager = true;
    }
    if (next.reviewBy !== record.reviewBy) {
      changed.push(`review by ${next.reviewBy ?? 'none'}`);
      changes.reviewBy = next.reviewBy;
    }
    if (next.sentTo !== record.sentTo) {
      changed.push('where the link was sent');
      changes.sentTo = true;
    }
    if (changed.length === 0) return record;
    next.history = appendHistory(record.history, {
      at: this.now(),
      kind: 'detailsChanged',
      detail: changed.join(', '),
      changes,
    });
    this.save(next);
    this.changed();
    return next;
  }

  // ---- revoke --------------------------------------------------------------------------

  /**
   * Revokes on the gateway; a session already gone there counts as revoked. The record stays,
   * marked revoked, with its history and notes.
   */
  async revoke(accountId: string, sessionId: string): Promise<ManagementSession> {
    const record = this.requireSession(accountId, sessionId);
    if (record.status !== 'active') return record;
    if (record.source === 'manual') {
      throw new DoormanError(
        'conflict',
        'This session was recorded by hand: delete it on fansly.com, then mark it revoked here.',
      );
    }
    try {
      await this.deps.gateway.revokeManagementSession(accountId, sessionId);
    } catch (error) {
      const code = errorCodeOf(error);
      if (code === 'notFound' || code === 'unsupported') {
        // 404 may mean "no such session" or "no such route": the listing tells them apart.
        if (!(await this.confirmGone(accountId, sessionId))) {
          throw toDoormanError(error, 'the session was not revoked');
        }
      } else {
        throw toDoormanError(error, 'the session was not revoked');
      }
    }
    return this.markRevoked(this.latest(record), 'revoked', `Revoked “${record.label}”`);
  }

  /**
   * The record as stored now. A change that waited for the gateway starts from this, not from
   * the copy read before the wait: details, notes of history or a refresh saved meanwhile stay.
   */
  private latest(record: ManagementSession): ManagementSession {
    return own(this.state(record.accountId).sessions, record.id) ?? record;
  }

  private async confirmGone(accountId: string, sessionId: string): Promise<boolean> {
    let remote: GatewayManagementSession[];
    try {
      remote = await this.deps.gateway.listManagementSessions(accountId);
    } catch (error) {
      if (errorCodeOf(error) === 'unsupported') {
        this.switchToManual(accountId);
        throw unsupportedError();
      }
      throw toDoormanError(error, 'the session was not revoked');
    }
    return !remote.some((r) => r.id === sessionId && !isEndedStatus(r.status));
  }

  private markRevoked(
    record: ManagementSession,
    kind: 'revoked' | 'revokedManually',
    summary: string,
  ): ManagementSession {
    // Two revokes of one session (a double click) record it once.
    if (record.status === 'revoked') return record;
    const now = this.now();
    const next: ManagementSession = {
      ...record,
      status: 'revoked',
      revokedAt: now,
      history: appendHistory(record.history, { at: now, kind, detail: '' }),
    };
    this.save(next);
    this.deps.activity.record({
      kind: 'sessionRevoked',
      accountId: record.accountId,
      subjectId: record.id,
      summary,
      // The history's kind is the window's sentence: revoked here, or marked done on fansly.com.
      params: { variant: kind, session: record.label },
    });
    this.changed();
    return next;
  }

  /**
   * Revokes every active session of the account, including ones not created in Doorman
   * (the list is refreshed first). Used by "Revoke all" and the lockdown. Offline: refused.
   */
  async revokeAllManagementSessions(accountId: string): Promise<RevokeAllResult> {
    if (this.state(accountId).mode === 'manual') throw unsupportedError();
    let remote: GatewayManagementSession[];
    try {
      remote = await this.deps.gateway.listManagementSessions(accountId);
    } catch (error) {
      if (errorCodeOf(error) === 'unsupported') {
        this.switchToManual(accountId);
        throw unsupportedError();
      }
      throw toDoormanError(error, 'no session was revoked');
    }
    this.reconcile(accountId, remote, this.now());
    const result: RevokeAllResult = { revoked: [], failed: [] };
    const targets = this.listManagementSessions(accountId).filter(
      (s) => s.status === 'active' && s.source === 'gateway',
    );
    for (const session of targets) {
      try {
        await this.revoke(accountId, session.id);
        result.revoked.push(session.id);
      } catch (error) {
        const failure = toDoormanError(error, 'the session was not revoked');
        result.failed.push({ sessionId: session.id, code: failure.code, message: failure.message });
        if (failure.code === 'offline' || failure.code === 'unsupported') {
          // The rest would fail the same way; say so for each rather than hammering the gateway.
          for (const rest of targets.slice(targets.indexOf(session) + 1)) {
            result.failed.push({
              sessionId: rest.id,
              code: failure.code,
              message: failure.message,
            });
          }
          break;
        }
      }
    }
    this.changed();
    return result;
  }

  // ---- manual tracking -----------------------------------------------------------------

  /** Records a session the creator made on fansly.com (manual tracking). */
  recordManual(raw: z.input<typeof recordManualSessionInputSchema>): ManagementSession {
    const input = parseInput(recordManualSessionInputSchema, raw);
    this.checkManualPermissions(input.accountId, input.permissions);
    const now = this.now();
    const session: ManagementSession = {
      id: `${MANUAL_SESSION_ID_PREFIX}${this.newId()}`,
      accountId: input.accountId,
      label: input.label,
      permissions: [...new Set(input.permissions)],
      managerId: input.managerId,
      createdAt: `${input.createdOn}T00:00:00.000Z`,
      lastUsedAt: null,
      status: 'active',
      reviewBy: input.reviewBy ?? this.defaultReviewBy(),
      sentTo: input.sentTo,
      createdInDoorman: false,
      source: 'manual',
      revokedAt: null,
      endedAt: null,
      linkLost: false,
      history: [{ at: now, kind: 'recordedManually', detail: '' }],
    };
    this.save(session);
    this.deps.activity.record({
      kind: 'sessionRecordedManually',
      accountId: input.accountId,
      subjectId: session.id,
      summary: `Recorded “${session.label}” made on fansly.com`,
      params: { variant: 'session', session: session.label },
    });
    this.changed();
    return session;
  }

  /** Manual tracking: the creator deleted the session on fansly.com and says so here. */
  markRevokedManually(accountId: string, sessionId: string): ManagementSession {
    const record = this.requireSession(accountId, sessionId);
    if (record.status !== 'active') return record;
    if (record.source !== 'manual') {
      throw new DoormanError(
        'conflict',
        'Doorman can revoke this session on the gateway: use Revoke so it really happens.',
      );
    }
    return this.markRevoked(
      record,
      'revokedManually',
      `Marked “${record.label}” revoked on fansly.com`,
    );
  }

  // ---- reconciliation ------------------------------------------------------------------

  private reconcile(accountId: string, listed: GatewayManagementSession[], now: string): void {
    const remote = sanitizeRemote(listed);
    const state = this.state(accountId);
    const sessions = { ...state.sessions };
    let pendingCreates = prunePending(state.pendingCreates, this.deps.clock());
    const seen = new Set<string>();
    const events: Parameters<ActivityRecorder['record']>[0][] = [];
    /** Creates whose answer was lost, found on this list: requestId → session id. */
    const resolved: [string, string][] = [];

    for (const r of remote) {
      seen.add(r.id);
      const ended = isEndedStatus(r.status);
      const existing = own(sessions, r.id);
      if (existing) {
        let next: ManagementSession = {
          ...existing,
          label: r.label || existing.label,
          permissions: r.permissions.length ? r.permissions : existing.permissions,
          lastUsedAt: r.lastUsedAt ?? existing.lastUsedAt,
        };
        if (ended && existing.status === 'active') {
          next = this.ended(next, now, events);
        } else if (!ended && existing.status !== 'active') {
          // A revocation that did not take, or a session back from the dead: never look done.
          next = {
            ...next,
            status: 'active',
            revokedAt: null,
            endedAt: null,
            history: appendHistory(next.history, { at: now, kind: 'stillActive', detail: '' }),
          };
        }
        sessions[r.id] = next;
        continue;
      }
      if (ended) continue;
      const pending = pendingCreates.find(
        (p) =>
          sameLabel(p.label, r.label) &&
          (r.createdAt === null ||
            Date.parse(r.createdAt) >= Date.parse(p.startedAt) - CLOCK_SKEW_MS),
      );
      if (pending) {
        pendingCreates = pendingCreates.filter((p) => p !== pending);
        resolved.push([pending.requestId, r.id]);
        sessions[r.id] = {
          ...this.fromRemote(accountId, r, now, true),
          managerId: pending.managerId,
          reviewBy: pending.reviewBy,
          linkLost: true,
          history: [
            { at: now, kind: 'created', detail: '' },
            { at: now, kind: 'linkLost', detail: '' },
          ],
        };
        events.push({
          kind: 'sessionCreated',
          accountId,
          subjectId: r.id,
          summary: `Created “${r.label}”; its link did not reach Doorman`,
          params: { variant: 'linkLost', session: r.label },
        });
        continue;
      }
      sessions[r.id] = this.fromRemote(accountId, r, now, false);
      events.push({
        kind: 'sessionNotFromDoorman',
        accountId,
        subjectId: r.id,
        summary: `Found “${r.label}”, not created in Doorman`,
        params: { session: r.label },
      });
    }

    for (const [id, record] of Object.entries(sessions)) {
      if (record.source === 'gateway' && record.status === 'active' && !seen.has(id)) {
        sessions[id] = this.ended(record, now, events);
      }
    }

    this.update(accountId, (s) => ({
      ...s,
      mode: 'gateway',
      modeCheckedAt: now,
      asOf: now,
      offline: false,
      sessions,
      pendingCreates,
    }));
    // A repeat of such a create (same requestId) now gets this session, never "nothing was
    // created": that answer would make the window offer a fresh create, a duplicate.
    for (const [requestId, sessionId] of resolved) {
      if (this.creates.get(requestId)?.state === 'inFlight') continue;
      this.creates.set(requestId, {
        state: 'done',
        result: {
          session: sessions[sessionId]!,
          link: null,
          copyToken: null,
          warnings: [],
          repeated: false,
        },
      });
    }
    recordAll(this.deps.activity, events);
  }

  private ended(
    record: ManagementSession,
    now: string,
    events: Parameters<ActivityRecorder['record']>[0][],
  ): ManagementSession {
    events.push({
      kind: 'sessionEnded',
      accountId: record.accountId,
      subjectId: record.id,
      summary: `“${record.label}” ended on Fansly`,
      params: { session: record.label },
    });
    return {
      ...record,
      status: 'ended',
      endedAt: now,
      history: appendHistory(record.history, { at: now, kind: 'ended', detail: '' }),
    };
  }

  private fromRemote(
    accountId: string,
    r: GatewayManagementSession,
    now: string,
    createdInDoorman: boolean,
  ): ManagementSession {
    return {
      id: r.id,
      accountId,
      label: (r.label || '(no name)').slice(0, 160),
      permissions: r.permissions.map((p) => p.slice(0, 100)),
      managerId: null,
      createdAt: r.createdAt,
      lastUsedAt: r.lastUsedAt,
      status: 'active',
      reviewBy: this.defaultReviewBy(),
      sentTo: '',
      createdInDoorman,
      source: 'gateway',
      revokedAt: null,
      endedAt: null,
      linkLost: false,
      history: [
        createdInDoorman
          ? { at: now, kind: 'created', detail: '' }
          : { at: now, kind: 'notFromDoorman', detail: '' },
      ],
    };
  }

  // ---- helpers -------------------------------------------------------------------------

  private async checkPermissions(accountId: string, permissions: string[]): Promise<string[]> {
    const unique = [...new Set(permissions)];
    const catalogue = await this.catalogue(accountId);
    const known = new Set(catalogue.permissions.map((p) => p.id));
    if (unique.some((p) => !known.has(p))) throw unknownPermissionError();
    return unique;
  }

  /** Manual records: built-in ids, or the gateway's when it once offered a list. No gateway call. */
  private checkManualPermissions(accountId: string, permissions: string[]): void {
    const known = new Set<string>(BUILT_IN_PERMISSION_IDS);
    for (const p of this.state(accountId).catalogue ?? []) known.add(p.id);
    if (permissions.some((p) => !known.has(p))) throw unknownPermissionError();
  }

  private consumeTwoFactor(accountId: string, challengeId: string) {
    if (!this.deps.twoFactor) {
      throw new DoormanError('twoFactorRequired', 'Two-factor verification is not available yet.');
    }
    return this.deps.twoFactor.consumeVerified(accountId, challengeId);
  }

  private duplicateLabel(accountId: string, label: string): boolean {
    return this.listManagementSessions(accountId).some(
      (s) => s.status === 'active' && sameLabel(s.label, label),
    );
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

  private requireSession(accountId: string, sessionId: string): ManagementSession {
    const record = own(this.state(accountId).sessions, sessionId);
    if (!record) {
      throw new DoormanError('notFound', 'Doorman has no record of that session.');
    }
    return record;
  }

  private dropPending(accountId: string, requestId: string): void {
    this.update(accountId, (s) => ({
      ...s,
      pendingCreates: s.pendingCreates.filter((p) => p.requestId !== requestId),
    }));
  }

  private defaultReviewBy(): string {
    return localDayAfter(this.deps.clock(), REVIEW_DEFAULT_DAYS);
  }

  private save(session: ManagementSession): void {
    this.update(session.accountId, (s) => ({
      ...s,
      sessions: { ...s.sessions, [session.id]: session },
    }));
  }

  private state(accountId: string): ManagementAccountState {
    return readAccountState(this.store, accountId, emptyManagementState);
  }

  private update(
    accountId: string,
    change: (state: ManagementAccountState) => ManagementAccountState,
  ): void {
    updateAccountState(this.store, accountId, emptyManagementState, change);
  }

  private now(): string {
    return this.deps.clock().toISOString();
  }

  private changed(): void {
    this.deps.events?.changed('sessions');
  }
}

function unknownPermissionError(): DoormanError {
  return new DoormanError(
    'invalidInput',
    'One of the chosen permissions is not offered for this account. Choose again from the list.',
    { fields: ['permissions'] },
  );
}

function builtInCatalogue(): PermissionCatalogue {
  return {
    source: 'builtIn',
    permissions: BUILT_IN_PERMISSION_IDS.map((id) => ({
      id,
      label: BUILT_IN_PERMISSION_LABELS[id],
      builtInId: id,
    })),
  };
}

function fromGateway(list: { id: string; label: string }[]): PermissionCatalogue {
  return {
    source: 'gateway',
    permissions: list.map((p) => ({ ...p, builtInId: builtInEquivalent(p) })),
  };
}

function prunePending(pending: PendingCreate[], now: Date): PendingCreate[] {
  return pending.filter((p) => now.getTime() - Date.parse(p.startedAt) < PENDING_MATCH_MS);
}

function sameLabel(a: string, b: string): boolean {
  return a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const set = new Set(a);
  return set.size === new Set(b).size && b.every((x) => set.has(x));
}

function isEndedStatus(status: string | null): boolean {
  return status !== null && ENDED_STATUSES.test(status);
}

function appendHistory(
  history: SessionHistoryEntry[],
  entry: SessionHistoryEntry,
): SessionHistoryEntry[] {
  return [...history, entry].slice(-HISTORY_MAX);
}

/**
 * What the gateway listed, cut to what Doorman's records can hold: an id that is not a
 * plain bounded string is skipped, labels and permission ids are shortened, so one odd
 * entry never makes the whole refresh fail.
 */
function sanitizeRemote(listed: GatewayManagementSession[]): GatewayManagementSession[] {
  return listed
    .filter(
      (r) =>
        typeof r.id === 'string' &&
        r.id.length > 0 &&
        r.id.length <= 200 &&
        r.id === r.id.trim() &&
        r.id !== '__proto__',
    )
    .map((r) => ({
      ...r,
      label: (r.label ?? '').slice(0, 160),
      permissions: (r.permissions ?? []).slice(0, 100).map((p) => String(p).slice(0, 100)),
    }));
}
