import { endOfLocalDay } from '../../shared/domain/calendar';
import { z } from 'zod';
import type { MonitorStatus } from '../../shared/contract/monitor';
import { isReviewOverdue } from '../../shared/domain/checklist';
import { ERROR_CODES, type AppError, type ErrorCode } from '../../shared/errors';
import type { NotificationRequest } from './notifications';
import type { EventBus } from '../platform/events';
import { JsonStore, type StorageNoticeLog } from '../platform/json-store';
import type { Logger } from '../platform/log';

/** An open login session, as the monitor needs it. */
export interface MonitorLoginSession {
  id: string;
  current: boolean;
  ip: string | null;
  city: string | null;
  countryCode: string | null;
}

export interface MonitorManagementSession {
  id: string;
  label: string;
  active: boolean;
  reviewBy: string | null;
}

export interface MonitorManager {
  id: string;
  name: string;
  contractEnd: string | null;
  offboardedAt: string | null;
}

/**
 * What the monitor reads and refreshes. `refresh` is the only call that reaches the gateway
 * (it costs credits); it throws an error with a `code` (ErrorCode) on failure, and an
 * `offline` one when the gateway cannot be reached. The list methods read the last-known data.
 */
export interface MonitorSource {
  accounts(): Promise<{ accountId: string; label: string }[]>;
  refresh(accountId: string): Promise<void>;
  openLoginSessions(accountId: string): Promise<MonitorLoginSession[] | null>;
  managementSessions(accountId: string): Promise<MonitorManagementSession[] | null>;
  managers(): Promise<MonitorManager[]>;
}

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: Timers = {
  setTimeout: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    handle.unref?.();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
/** After start-up, wait a little so the app settles before the first gateway call. */
export const STARTUP_DELAY_MS = 15_000;
/** "Refresh now" within this long after a refresh answers the fresh data instead of calling again. */
export const MANUAL_REFRESH_MIN_GAP_MS = 30_000;
/** Backoff never waits longer than this. */
export const MAX_BACKOFF_MS = 4 * 60 * MINUTE_MS;
/** Credits are spent: try again much later. */
export const QUOTA_PAUSE_MS = 6 * 60 * MINUTE_MS;
/** A manager's contract "ends soon" within this many days. */
export const CONTRACT_SOON_DAYS = 7;
const SEEN_KEPT_PER_ACCOUNT = 1000;
const REMINDERS_KEPT = 2000;

const OFFLINE_CODES: ReadonlySet<ErrorCode> = new Set(['offline', 'network', 'timeout']);
/**
 * Failures of the key itself: every other account would be refused the same way, and each
 * call still costs credits (or there are none left), so the round stops there.
 */
const KEY_WIDE_CODES: ReadonlySet<ErrorCode> = new Set(['unauthorized', 'quotaExhausted']);
/** The longest a rate limit's "retry after" is honoured (setTimeout overflows past ~24.8 days). */
const MAX_RETRY_AFTER_MS = 24 * 60 * MINUTE_MS;

export const monitorStoreSchema = z.object({
  lastRefreshAt: z.string().nullable(),
  /** accountId -> login session ids already seen (new ones are announced once). */
  seenLogins: z.record(z.string(), z.array(z.string().max(200))),
  /** Reminders already sent: `review:<account>:<session>:<reviewBy>`, `contract:<manager>:<end>`. */
  reminded: z.array(z.string().max(700)),
});
type MonitorStore = z.infer<typeof monitorStoreSchema>;

export function errorOf(error: unknown): AppError {
  const candidate = error as { code?: unknown; message?: unknown; retryAfterSeconds?: unknown };
  const code =
    typeof candidate?.code === 'string' &&
    (ERROR_CODES as readonly string[]).includes(candidate.code)
      ? (candidate.code as ErrorCode)
      : 'internal';
  const out: AppError = {
    code,
    message: typeof candidate?.message === 'string' ? candidate.message : 'Refresh failed.',
  };
  if (typeof candidate?.retryAfterSeconds === 'number') {
    out.retryAfterSeconds = candidate.retryAfterSeconds;
  }
  return out;
}

/**
 * Pure: how long to wait after a failed refresh. Offline waits one interval (a probe costs no
 * credits, and nothing is gained by hammering a dead network); other errors double the wait
 * each time up to MAX_BACKOFF_MS; a rate limit waits at least what the gateway asked; spent
 * credits pause for hours.
 */
export function delayAfterFailure(
  error: AppError,
  consecutiveFailures: number,
  intervalMs: number,
): number {
  if (OFFLINE_CODES.has(error.code)) return intervalMs;
  if (error.code === 'quotaExhausted') return Math.max(QUOTA_PAUSE_MS, intervalMs);
  const exponent = Math.min(Math.max(consecutiveFailures, 1), 10);
  const backoff = Math.min(intervalMs * 2 ** exponent, Math.max(MAX_BACKOFF_MS, intervalMs));
  const asked = Math.min((error.retryAfterSeconds ?? 0) * 1000, MAX_RETRY_AFTER_MS);
  return Math.max(backoff, asked);
}

/**
 * The background watcher: refreshes every account's sessions on the interval from Settings,
 * one refresh at a time, announces each new login session exactly once (by OS notification;
 * its activity entry comes from the login sessions service), and reminds about
 * overdue reviews and contracts that end soon (each reminder once per date).
 */
export class MonitorService {
  private readonly store: JsonStore<MonitorStore>;
  private timer: unknown = null;
  private running: Promise<void> | null = null;
  private started = false;
  private status: Omit<MonitorStatus, 'intervalMinutes' | 'lastRefreshAt'> = {
    state: 'stopped',
    nextRefreshAt: null,
    lastError: null,
    consecutiveFailures: 0,
  };

  constructor(
    private readonly deps: {
      dataDir: string;
      notices?: StorageNoticeLog;
      clock: () => Date;
      timers: Timers;
      intervalMinutes: () => number;
      source: MonitorSource;
      notify: (request: NotificationRequest) => void;
      events: EventBus;
      log: Logger;
      /** Electron's `net.isOnline()`; when false, the refresh is skipped without a request. */
      isOnline?: () => boolean;
    },
  ) {
    this.store = new JsonStore<MonitorStore>({
      dir: deps.dataDir,
      name: 'monitor',
      schema: monitorStoreSchema,
      defaults: () => ({ lastRefreshAt: null, seenLogins: {}, reminded: [] }),
      version: 1,
      notices: deps.notices,
      clock: deps.clock,
    });
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    this.setState('idle');
    // A restart does not buy an extra refresh: the next one is due an interval after the last.
    const last = this.store.get().lastRefreshAt;
    const now = this.deps.clock().getTime();
    const due = last ? Date.parse(last) + this.intervalMs() : now;
    this.scheduleAt(Math.max(due, now + STARTUP_DELAY_MS));
  }

  async stop(): Promise<void> {
    this.started = false;
    this.clearTimer();
    this.status.nextRefreshAt = null;
    this.setState('stopped');
    await this.running?.catch(() => undefined);
  }

  getStatus(): MonitorStatus {
    return {
      ...this.status,
      lastRefreshAt: this.store.get().lastRefreshAt,
      intervalMinutes: this.deps.intervalMinutes(),
    };
  }

  /**
   * "Refresh now" (tray, window). Joins a refresh already under way, and right after a
   * refresh answers the fresh data instead of spending credits again.
   */
  async refreshNow(): Promise<MonitorStatus> {
    if (this.running) {
      await this.running;
      return this.getStatus();
    }
    const last = this.store.get().lastRefreshAt;
    const sinceLast = last ? this.deps.clock().getTime() - Date.parse(last) : Infinity;
    if (sinceLast < MANUAL_REFRESH_MIN_GAP_MS && this.status.consecutiveFailures === 0) {
      return this.getStatus();
    }
    await this.runRefresh();
    return this.getStatus();
  }

  /** The interval setting changed: the next refresh moves accordingly (never earlier than now). */
  intervalChanged(): void {
    if (!this.started || this.running || this.status.consecutiveFailures > 0) return;
    const last = this.store.get().lastRefreshAt;
    const now = this.deps.clock().getTime();
    this.scheduleAt(last ? Math.max(Date.parse(last) + this.intervalMs(), now) : now);
  }

  /** Resolves when no refresh is under way (tests, shutdown). */
  async whenIdle(): Promise<void> {
    while (this.running) await this.running.catch(() => undefined);
  }

  private intervalMs(): number {
    return Math.max(1, this.deps.intervalMinutes()) * MINUTE_MS;
  }

  private clearTimer(): void {
    if (this.timer !== null) this.deps.timers.clearTimeout(this.timer);
    this.timer = null;
  }

  private scheduleAt(at: number): void {
    this.clearTimer();
    if (!this.started) return;
    const delay = Math.max(0, at - this.deps.clock().getTime());
    this.status.nextRefreshAt = new Date(this.deps.clock().getTime() + delay).toISOString();
    this.timer = this.deps.timers.setTimeout(() => {
      this.timer = null;
      void this.runRefresh();
    }, delay);
    this.deps.events.changed('monitor');
  }

  private setState(state: MonitorStatus['state']): void {
    this.status.state = state;
    this.deps.events.changed('monitor');
  }

  private runRefresh(): Promise<void> {
    if (this.running) return this.running;
    this.clearTimer();
    this.status.nextRefreshAt = null;
    this.running = this.refreshOnce()
      .catch((error: unknown) => {
        // Unexpected (a store that cannot be written…): log it and keep watching, backing off.
        this.deps.log.error('monitor refresh failed', error);
        this.fail({ code: 'internal', message: 'The refresh hit an unexpected problem.' });
      })
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  private async refreshOnce(): Promise<void> {
    if (this.deps.isOnline && !this.deps.isOnline()) {
      this.fail({ code: 'offline', message: 'No network connection.' });
      return;
    }
    this.setState('refreshing');
    let failure: AppError | null = null;
    let accounts: { accountId: string; label: string }[] = [];
    try {
      accounts = await this.deps.source.accounts();
    } catch (error) {
      failure = errorOf(error);
    }
    for (const account of accounts) {
      try {
        await this.deps.source.refresh(account.accountId);
      } catch (error) {
        failure = errorOf(error);
        // Offline: every other account would fail the same way.
        if (OFFLINE_CODES.has(failure.code) || KEY_WIDE_CODES.has(failure.code)) break;
        // One list failing (say management sessions refused for this key) must not hide a
        // new login on the other, which may have been refreshed: look at it anyway.
      }
      await this.detectNewLogins(account);
    }
    await this.remind(accounts).catch((error: unknown) =>
      this.deps.log.warn('monitor reminders failed', error),
    );
    if (failure) {
      this.fail(failure);
      return;
    }
    this.store.update((s) => ({ ...s, lastRefreshAt: this.deps.clock().toISOString() }));
    this.status.consecutiveFailures = 0;
    this.status.lastError = null;
    this.setState('idle');
    this.scheduleAt(this.deps.clock().getTime() + this.intervalMs());
  }

  private fail(error: AppError): void {
    const offline = OFFLINE_CODES.has(error.code);
    this.status.consecutiveFailures += 1;
    this.status.lastError = error;
    this.setState(offline ? 'offline' : 'backingOff');
    const delay = delayAfterFailure(error, this.status.consecutiveFailures, this.intervalMs());
    this.scheduleAt(this.deps.clock().getTime() + delay);
  }

  private async detectNewLogins(account: { accountId: string; label: string }): Promise<void> {
    const sessions = await this.deps.source.openLoginSessions(account.accountId);
    if (!sessions) return;
    const seen = this.store.get().seenLogins[account.accountId];
    const ids = sessions.map((s) => s.id);
    if (!seen) {
      // First look at this account: what is there now is the baseline, not news. Unrecognised
      // sessions among them still show on the checklist.
      this.saveSeen(account.accountId, ids, ids);
      return;
    }
    const known = new Set(seen);
    const fresh = sessions.filter((s) => !known.has(s.id) && !s.current);
    if (fresh.length === 0 && ids.every((id) => known.has(id))) return;
    // Saved before announcing: a crash in between loses a notification, never repeats one.
    this.saveSeen(account.accountId, [...seen, ...ids.filter((id) => !known.has(id))], ids);
    // The activity entry for a new login is written by the login sessions service when it
    // first records the session; the monitor adds the OS notification.
    for (const session of fresh) {
      const place = [session.city, session.countryCode].filter(Boolean).join(', ') || null;
      this.deps.notify({ kind: 'newLogin', accountLabel: account.label, place, ip: session.ip });
    }
  }

  private saveSeen(accountId: string, all: string[], present: string[]): void {
    let kept = [...new Set(all)];
    if (kept.length > SEEN_KEPT_PER_ACCOUNT) {
      const now = new Set(present);
      const old = kept.filter((id) => !now.has(id));
      kept = [...old.slice(-(SEEN_KEPT_PER_ACCOUNT - now.size)), ...now];
    }
    this.store.update((s) => ({ ...s, seenLogins: { ...s.seenLogins, [accountId]: kept } }));
  }

  private async remind(accounts: { accountId: string; label: string }[]): Promise<void> {
    const now = this.deps.clock();
    const reminded = new Set(this.store.get().reminded);
    const due: { key: string; request: NotificationRequest }[] = [];
    for (const account of accounts) {
      const sessions = (await this.deps.source.managementSessions(account.accountId)) ?? [];
      for (const s of sessions) {
        if (!s.active || !s.reviewBy || !isReviewOverdue(s.reviewBy, now)) continue;
        const key = `review:${account.accountId}:${s.id}:${s.reviewBy}`;
        if (reminded.has(key)) continue;
        due.push({
          key,
          request: {
            kind: 'reviewDue',
            accountLabel: account.label,
            sessionLabel: s.label,
            reviewBy: s.reviewBy,
          },
        });
      }
    }
    for (const m of await this.deps.source.managers()) {
      if (m.offboardedAt || !m.contractEnd) continue;
      const endsAt = endOfLocalDay(m.contractEnd.slice(0, 10));
      if (!Number.isFinite(endsAt) || endsAt - now.getTime() > CONTRACT_SOON_DAYS * DAY_MS) {
        continue;
      }
      const key = `contract:${m.id}:${m.contractEnd}`;
      if (reminded.has(key)) continue;
      due.push({
        key,
        request: { kind: 'contractEnding', managerName: m.name, contractEnd: m.contractEnd },
      });
    }
    if (due.length === 0) return;
    this.store.update((s) => ({
      ...s,
      reminded: [...s.reminded, ...due.map((d) => d.key)].slice(-REMINDERS_KEPT),
    }));
    for (const d of due) this.deps.notify(d.request);
  }
}
