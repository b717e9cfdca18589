import type {
  LockdownRun,
  LockdownScope,
  LockdownStep,
  RevokeRequest,
} from '../../shared/contract/lockdown';
import { z } from 'zod';
import { lockdownRunSchema } from '../../shared/contract/lockdown';
import { ACTIVITY_PARAM_MAX_CHARS } from '../../shared/domain/activity';
import { DoormanError } from '../../shared/errors';
import type { ActivityRecorder } from './activity-recorder';
import { errorOf } from './monitor';
import type { StateTopic } from '../../shared/contract';
import type { EventBus } from '../platform/events';
import { JsonStore, type StorageNoticeLog } from '../platform/json-store';

/**
 * What a lockdown does on the account, through the sessions feature. Every method reaches
 * the gateway and throws an error with a `code` on failure.
 */
export interface LockdownActions {
  accounts(): Promise<{ accountId: string; label: string }[]>;
  /** Asks the gateway for the account's active management sessions now. */
  listActiveManagementSessions(accountId: string): Promise<{ id: string; label: string }[]>;
  /** A session the gateway already removed counts as revoked. */
  revokeManagementSession(accountId: string, sessionId: string): Promise<void>;
  /** Closes every login session except the gateway's own ("this one"). */
  closeOtherLoginSessions(accountId: string): Promise<void>;
}

/** Where the current lockdown is kept, so a restart shows what was done and what was not. */
export interface LockdownRunStore {
  load(): LockdownRun | null;
  save(run: LockdownRun | null): void;
}

/** `lockdown.json` in the data directory (a JsonStore: validated, atomic, repaired at open). */
export function createLockdownRunStore(options: {
  dataDir: string;
  notices?: StorageNoticeLog;
}): LockdownRunStore {
  const store = new JsonStore<{ run: LockdownRun | null }>({
    dir: options.dataDir,
    name: 'lockdown',
    schema: z.object({ run: lockdownRunSchema.nullable() }),
    defaults: () => ({ run: null }),
    version: 1,
    notices: options.notices,
  });
  return {
    load: () => store.get().run,
    save: (run) => {
      store.set({ run });
    },
  };
}

/**
 * Lockdown: for one account or all, revoke every management session and close every other
 * login session, one step at a time. Steps run in order per account and a failed step does
 * not stop the others (half a lockdown is better than none); `retry` runs only the steps
 * that failed. One lockdown at a time.
 *
 * The run is saved at every change. One that was still running when Doorman closed comes
 * back as failed, its unfinished steps marked `interrupted` (whether a step in flight reached
 * the gateway is not known), so the creator sees where it stopped and a retry finishes it.
 */
export class LockdownService {
  private run: LockdownRun | null = null;
  private running: Promise<void> | null = null;
  /** True while start() waits for the accounts, before its run exists. */
  private starting = false;
  private revokeRequest: RevokeRequest | null = null;
  private sequence = 0;

  constructor(
    private readonly deps: {
      actions: LockdownActions;
      activity: ActivityRecorder;
      events: EventBus;
      clock: () => Date;
      store?: LockdownRunStore;
    },
  ) {
    const saved = deps.store?.load() ?? null;
    this.run = saved?.status === 'running' ? this.interrupted(saved) : saved;
  }

  /** A run found still running at start: Doorman closed during it. */
  private interrupted(run: LockdownRun): LockdownRun {
    const now = this.deps.clock().toISOString();
    let unfinished = 0;
    for (const step of run.steps) {
      if (step.status === 'running' || step.status === 'pending') {
        unfinished += 1;
        step.status = 'failed';
        step.error = {
          code: 'interrupted',
          message: 'Doorman was closed before this step finished.',
        };
      }
    }
    run.status = 'failed';
    run.finishedAt = now;
    try {
      this.deps.activity.record({
        kind: 'lockdownFinished',
        accountId: run.accountIds.length === 1 ? run.accountIds[0]! : null,
        result: 'failed',
        summary: `Lockdown interrupted: Doorman was closed with ${unfinished} step(s) unfinished`,
        params: { variant: 'interrupted', count: unfinished },
      });
    } catch {
      // Doorman still starts: the run itself says where it stopped.
    }
    this.save(run);
    return run;
  }

  /**
   * Keeps the run on disk. A lockdown goes on even if its record cannot be written: revoking
   * access matters more than remembering it (the activity log has each step too).
   */
  private save(run: LockdownRun | null): void {
    try {
      this.deps.store?.save(run);
    } catch {
      // See above.
    }
  }

  /** Saves the run, then tells the window what changed. */
  private publish(...topics: StateTopic[]): void {
    this.save(this.run);
    this.deps.events.changed(...topics);
  }

  state(): LockdownRun | null {
    return this.run ? structuredClone(this.run) : null;
  }

  async start(scope: LockdownScope): Promise<LockdownRun> {
    if (this.running || this.starting) {
      throw new DoormanError('conflict', 'A lockdown is already under way.');
    }
    // Held across the wait for the accounts: a second start (a double click) in that time
    // is refused, rather than revoking every session twice.
    this.starting = true;
    let all: Awaited<ReturnType<LockdownActions['accounts']>>;
    try {
      all = await this.deps.actions.accounts();
    } finally {
      this.starting = false;
    }
    if (this.running) throw new DoormanError('conflict', 'A lockdown is already under way.');
    const accounts =
      scope.scope === 'all' ? all : all.filter((a) => a.accountId === scope.accountId);
    if (accounts.length === 0) {
      throw new DoormanError(
        'notFound',
        scope.scope === 'all' ? 'No account is connected.' : 'That account is not connected.',
      );
    }
    this.sequence += 1;
    const steps: LockdownStep[] = [];
    for (const a of accounts) {
      steps.push(this.step(a, 'listSessions'), this.step(a, 'closeLogins'));
    }
    this.run = {
      id: `lockdown-${this.deps.clock().getTime()}-${this.sequence}`,
      status: 'running',
      accountIds: accounts.map((a) => a.accountId),
      startedAt: this.deps.clock().toISOString(),
      finishedAt: null,
      steps,
    };
    this.deps.activity.record({
      kind: 'lockdownStarted',
      accountId: accounts.length === 1 ? accounts[0]!.accountId : null,
      summary: `Lockdown started for ${accounts.map((a) => a.label).join(', ')}`,
      params: {
        accounts: accounts
          .map((a) => a.label)
          .join(', ')
          .slice(0, ACTIVITY_PARAM_MAX_CHARS),
      },
    });
    this.execute();
    return this.state()!;
  }

  /** Runs again only the steps that failed; the ones that succeeded are not repeated. */
  retry(): LockdownRun {
    if (this.running || this.starting)
      throw new DoormanError('conflict', 'A lockdown is already under way.');
    if (!this.run || this.run.status !== 'failed') {
      throw new DoormanError('notFound', 'There is no failed lockdown step to retry.');
    }
    for (const step of this.run.steps) {
      if (step.status === 'failed') Object.assign(step, { status: 'pending', error: null });
    }
    this.run.status = 'running';
    this.run.finishedAt = null;
    this.execute();
    return this.state()!;
  }

  /** Clears a finished lockdown from view. */
  dismiss(): void {
    if (this.running) throw new DoormanError('conflict', 'A lockdown is still under way.');
    this.run = null;
    this.publish('checklist');
  }

  async whenIdle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** The tray's "Revoke…": remembered until the window has asked the creator. */
  requestRevoke(request: RevokeRequest): void {
    this.revokeRequest = request;
    this.deps.events.emit('navigate', { screen: 'revokeSession' });
  }

  pendingRevoke(): RevokeRequest | null {
    return this.revokeRequest;
  }

  clearRevokeRequest(): void {
    this.revokeRequest = null;
  }

  /** The creator confirmed a revoke in the window. */
  async revokeSession(accountId: string, sessionId: string): Promise<void> {
    await this.deps.actions.revokeManagementSession(accountId, sessionId);
    if (this.revokeRequest?.sessionId === sessionId) this.revokeRequest = null;
    this.deps.events.changed('sessions', 'checklist');
  }

  private step(
    account: { accountId: string; label: string },
    kind: LockdownStep['kind'],
    session?: { id: string; label: string },
  ): LockdownStep {
    const suffix = session ? `revoke:${session.id}` : kind;
    return {
      id: `${account.accountId}:${suffix}`,
      accountId: account.accountId,
      accountLabel: account.label,
      kind,
      sessionId: session?.id ?? null,
      subjectLabel: session?.label ?? null,
      status: 'pending',
      error: null,
      finishedAt: null,
    };
  }

  private execute(): void {
    this.publish('checklist');
    this.running = this.executePending()
      .catch((error: unknown) => this.abandon(error))
      .finally(() => {
        this.running = null;
      });
  }

  /**
   * Something outside a step failed (e.g. the activity log could not be written): the run
   * must not look "running" forever. Unfinished steps are marked failed, so retry offers them.
   */
  private abandon(error: unknown): void {
    const run = this.run;
    if (!run) return;
    for (const step of run.steps) {
      if (step.status === 'running' || step.status === 'pending') {
        step.status = 'failed';
        step.error = errorOf(error);
      }
    }
    run.status = 'failed';
    run.finishedAt = this.deps.clock().toISOString();
    this.publish('checklist');
  }

  private async executePending(): Promise<void> {
    const run = this.run!;
    for (let next = this.nextPending(run); next; next = this.nextPending(run)) {
      await this.perform(run, next);
    }
    const failed = run.steps.filter((s) => s.status === 'failed').length;
    run.status = failed ? 'failed' : 'done';
    run.finishedAt = this.deps.clock().toISOString();
    this.deps.activity.record({
      kind: 'lockdownFinished',
      accountId: run.accountIds.length === 1 ? run.accountIds[0]! : null,
      result: failed ? 'failed' : 'ok',
      summary: failed
        ? `Lockdown finished with ${failed} failed step(s)`
        : `Lockdown finished: ${run.steps.length} step(s) done`,
      params: failed
        ? { variant: 'failed', count: failed }
        : { variant: 'done', count: run.steps.length },
    });
    this.publish('checklist', 'sessions', 'loginSessions', 'activity');
  }

  private nextPending(run: LockdownRun): LockdownStep | undefined {
    return run.steps.find((s) => s.status === 'pending');
  }

  private async perform(run: LockdownRun, step: LockdownStep): Promise<void> {
    step.status = 'running';
    this.publish('checklist');
    const account = { accountId: step.accountId, label: step.accountLabel };
    try {
      if (step.kind === 'listSessions') {
        const sessions = await this.deps.actions.listActiveManagementSessions(step.accountId);
        // Revoke steps go right after the listing, skipping any already revoked in an earlier try.
        const existing = new Set(run.steps.map((s) => s.id));
        const added = sessions
          .map((s) => this.step(account, 'revokeSession', s))
          .filter((s) => !existing.has(s.id));
        run.steps.splice(run.steps.indexOf(step) + 1, 0, ...added);
      } else if (step.kind === 'revokeSession') {
        await this.deps.actions.revokeManagementSession(step.accountId, step.sessionId!);
      } else {
        await this.deps.actions.closeOtherLoginSessions(step.accountId);
      }
      step.status = 'done';
      step.error = null;
    } catch (error) {
      step.status = 'failed';
      step.error = errorOf(error);
    }
    step.finishedAt = this.deps.clock().toISOString();
    this.deps.activity.record({
      kind: 'lockdownStep',
      accountId: step.accountId,
      subjectId: step.sessionId ?? step.kind,
      result: step.status === 'done' ? 'ok' : 'failed',
      summary: stepSummary(step),
      params: {
        variant: step.kind,
        ...(step.subjectLabel !== null ? { session: step.subjectLabel } : {}),
      },
    });
    this.publish('checklist', 'activity');
  }
}

function stepSummary(step: LockdownStep): string {
  const outcome = step.status === 'done' ? 'done' : `failed (${step.error?.code ?? 'error'})`;
  switch (step.kind) {
    case 'listSessions':
      return `Listed management sessions: ${outcome}`;
    case 'revokeSession':
      return `Revoked management session "${step.subjectLabel ?? ''}": ${outcome}`;
    case 'closeLogins':
      return `Closed other login sessions: ${outcome}`;
  }
}
