import { localDay } from '../../shared/domain/calendar';
import { z } from 'zod';
import type { ChecklistConfirmInput, ChecklistState } from '../../shared/contract/checklist';
import {
  APP_WIDE_ITEM_IDS,
  CONFIRMABLE_ITEM_IDS,
  evaluateAccountChecklist,
  worstOverall,
  type ChecklistLoginSession,
  type ChecklistManagementSession,
  type ChecklistPolicy,
  type ConfirmableItemId,
} from '../../shared/domain/checklist';
import { DoormanError } from '../../shared/errors';
import type { ActivityRecorder } from './activity-recorder';
import type { EventBus } from '../platform/events';
import { JsonStore, type StorageNoticeLog } from '../platform/json-store';

/** A connected account as the checklist names it. */
export interface ChecklistAccount {
  accountId: string;
  label: string;
}

/**
 * What the checklist reads from other features. Each list is the last known one (no gateway
 * call); null means Doorman has none yet, which makes the computed item "unknown".
 */
export interface ChecklistInputs {
  accounts(): Promise<ChecklistAccount[]> | ChecklistAccount[];
  loginSessions(
    accountId: string,
  ): Promise<ChecklistLoginSession[] | null> | ChecklistLoginSession[] | null;
  managementSessions(
    accountId: string,
  ): Promise<ChecklistManagementSession[] | null> | ChecklistManagementSession[] | null;
}

const confirmationsSchema = z.partialRecord(z.enum(CONFIRMABLE_ITEM_IDS), z.string());

const OFFBOARDINGS_KEPT = 50;

export const checklistStoreSchema = z.object({
  /** accountId -> item -> ISO date-time of the creator's confirmation. */
  accounts: z.record(z.string(), confirmationsSchema),
  /** Items acknowledged once for the whole app. */
  appWide: confirmationsSchema,
  /**
   * Manager offboardings: they set "2FA re-added" back to needs attention. accountIds null
   * means Doorman could not tell which accounts the manager had, so all are concerned.
   */
  offboardings: z
    .array(
      z.object({
        managerId: z.string().max(200),
        at: z.string(),
        accountIds: z.array(z.string().max(200)).nullable(),
      }),
    )
    .max(OFFBOARDINGS_KEPT),
});
type ChecklistStore = z.infer<typeof checklistStoreSchema>;

/** Confirmations dated more than this into the future are refused (clock skew allowance). */
const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

export class ChecklistService {
  private readonly store: JsonStore<ChecklistStore>;

  constructor(
    private readonly deps: {
      dataDir: string;
      notices?: StorageNoticeLog;
      clock: () => Date;
      policy: () => ChecklistPolicy;
      inputs: ChecklistInputs;
      activity: ActivityRecorder;
      events: EventBus;
      /** Sets a management session's review-by date (the sessions feature). */
      setReviewBy?: (accountId: string, sessionId: string, reviewBy: string) => { label: string };
    },
  ) {
    this.store = new JsonStore<ChecklistStore>({
      dir: deps.dataDir,
      name: 'checklist',
      schema: checklistStoreSchema,
      defaults: () => ({ accounts: {}, appWide: {}, offboardings: [] }),
      version: 1,
      notices: deps.notices,
      clock: deps.clock,
    });
  }

  async state(): Promise<ChecklistState> {
    const now = this.deps.clock();
    const stored = this.store.get();
    const policy = this.deps.policy();
    const accounts = await this.deps.inputs.accounts();
    const evaluated = [];
    for (const account of accounts) {
      const [loginSessions, managementSessions] = await Promise.all([
        this.deps.inputs.loginSessions(account.accountId),
        this.deps.inputs.managementSessions(account.accountId),
      ]);
      const result = evaluateAccountChecklist({
        now,
        policy,
        confirmations: { ...stored.accounts[account.accountId], ...stored.appWide },
        lastOffboardingAt: lastOffboardingFor(stored, account.accountId),
        loginSessions,
        managementSessions,
      });
      evaluated.push({ accountId: account.accountId, label: account.label, ...result });
    }
    return {
      overall: worstOverall(evaluated.map((a) => a.overall)),
      evaluatedAt: now.toISOString(),
      accounts: evaluated,
    };
  }

  async confirm(input: ChecklistConfirmInput): Promise<ChecklistState> {
    const now = this.deps.clock();
    const at = input.at ? new Date(input.at) : now;
    if (at.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
      throw new DoormanError('invalidInput', 'A confirmation cannot be dated in the future.', {
        fields: ['at'],
      });
    }
    const appWide = APP_WIDE_ITEM_IDS.includes(input.itemId);
    const accountId = appWide ? null : await this.requireAccount(input.accountId);
    this.store.update((current) => {
      if (accountId === null) current.appWide[input.itemId] = at.toISOString();
      else (current.accounts[accountId] ??= {})[input.itemId] = at.toISOString();
      return current;
    });
    this.deps.activity.record({
      kind: 'checklistConfirmed',
      accountId,
      subjectId: input.itemId,
      summary: `Confirmed "${input.itemId}" as of ${at.toISOString().slice(0, 10)}`,
      params: { item: input.itemId, date: at.toISOString() },
    });
    this.deps.events.changed('checklist', 'activity');
    return this.state();
  }

  /** Takes a confirmation back (a mistaken click): the item needs attention again. */
  async unconfirm(input: {
    accountId: string | null;
    itemId: ConfirmableItemId;
  }): Promise<ChecklistState> {
    const appWide = APP_WIDE_ITEM_IDS.includes(input.itemId);
    const accountId = appWide ? null : await this.requireAccount(input.accountId);
    this.store.update((current) => {
      if (accountId === null) delete current.appWide[input.itemId];
      else delete current.accounts[accountId]?.[input.itemId];
      return current;
    });
    this.deps.events.changed('checklist');
    return this.state();
  }

  /**
   * "Keep" for an overdue review: the session stays, with a new review-by date after today.
   * Revoking is the other answer, through the sessions feature.
   */
  async keepSession(input: {
    accountId: string;
    sessionId: string;
    reviewBy: string;
  }): Promise<ChecklistState> {
    if (!this.deps.setReviewBy) {
      throw new DoormanError('unsupported', 'Review dates cannot be changed in this build.');
    }
    const today = localDay(this.deps.clock());
    if (input.reviewBy <= today) {
      throw new DoormanError('invalidInput', 'Choose a review date after today.', {
        fields: ['reviewBy'],
      });
    }
    const session = this.deps.setReviewBy(input.accountId, input.sessionId, input.reviewBy);
    this.deps.activity.record({
      kind: 'reviewKept',
      accountId: input.accountId,
      subjectId: input.sessionId,
      summary: `Kept "${session.label}" with a review on ${input.reviewBy}`,
      params: { session: session.label, reviewBy: input.reviewBy },
    });
    this.deps.events.changed('checklist', 'sessions', 'activity');
    return this.state();
  }

  /**
   * The managers feature calls this when a manager is offboarded: anyone who ever held 2FA
   * codes through that manager should be shut out, so "2FA re-added" needs attention again.
   */
  recordManagerOffboarded(input: {
    managerId: string;
    at?: string;
    accountIds?: string[] | null;
  }): void {
    const at = input.at ?? this.deps.clock().toISOString();
    this.store.update((current) => {
      current.offboardings.push({
        managerId: input.managerId,
        at,
        accountIds: input.accountIds ?? null,
      });
      current.offboardings = current.offboardings.slice(-OFFBOARDINGS_KEPT);
      return current;
    });
    this.deps.events.changed('checklist');
  }

  private async requireAccount(accountId: string | null): Promise<string> {
    if (accountId === null) {
      throw new DoormanError('invalidInput', 'Choose the account this step was done for.', {
        fields: ['accountId'],
      });
    }
    const accounts = await this.deps.inputs.accounts();
    if (!accounts.some((a) => a.accountId === accountId)) {
      throw new DoormanError('notFound', 'That account is not connected to Doorman.');
    }
    return accountId;
  }
}

function lastOffboardingFor(store: ChecklistStore, accountId: string): string | null {
  let latest: string | null = null;
  for (const o of store.offboardings) {
    if (o.accountIds !== null && !o.accountIds.includes(accountId)) continue;
    if (latest === null || Date.parse(o.at) > Date.parse(latest)) latest = o.at;
  }
  return latest;
}
