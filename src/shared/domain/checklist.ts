import { isCalendarDay, localDay } from './calendar';
import { z } from 'zod';

/**
 * The security checklist: Fansly's pre-sharing steps (seeds 000/001), evaluated per account.
 * Some items are computed from Doorman's session records, the rest are confirmed by the
 * creator with a date. `evaluateAccountChecklist` is pure: the clock comes in as `now`.
 */

export const CHECKLIST_ITEM_IDS = [
  'unknownLogins',
  'twoFactorOn',
  'twoFactorReAdded',
  'emailSessionsChecked',
  'passwordChanged',
  'supportNeverAsks',
  'reviewOverdue',
  'sessionsNotFromDoorman',
] as const;
export const checklistItemIdSchema = z.enum(CHECKLIST_ITEM_IDS);
export type ChecklistItemId = z.infer<typeof checklistItemIdSchema>;

/** Items the creator confirms with a date (the others are computed from data). */
export const CONFIRMABLE_ITEM_IDS = [
  'twoFactorOn',
  'twoFactorReAdded',
  'emailSessionsChecked',
  'passwordChanged',
  'supportNeverAsks',
] as const;
export const confirmableItemIdSchema = z.enum(CONFIRMABLE_ITEM_IDS);
export type ConfirmableItemId = z.infer<typeof confirmableItemIdSchema>;

/** Acknowledged once for the whole app, not per account. */
export const APP_WIDE_ITEM_IDS: readonly ConfirmableItemId[] = ['supportNeverAsks'];

export const checklistStatusSchema = z.enum(['done', 'needsAttention', 'unknown']);
export type ChecklistStatus = z.infer<typeof checklistStatusSchema>;

export const overallStateSchema = z.enum(['secure', 'attention', 'atRisk', 'unknown']);
export type OverallState = z.infer<typeof overallStateSchema>;

/**
 * Why an item has its status; the renderer turns it into a sentence.
 * - neverConfirmed / confirmed / stale / resetByOffboarding: confirmed items
 * - none / found / noData: computed items
 */
export const checklistReasonSchema = z.enum([
  'confirmed',
  'neverConfirmed',
  'stale',
  'resetByOffboarding',
  'none',
  'found',
  'noData',
]);
export type ChecklistReason = z.infer<typeof checklistReasonSchema>;

/**
 * fansly.com pages each item points to. Fansly does not publish stable deep links, so these
 * are the best-known pages, kept in this one table. All are on the openExternal allowlist.
 */
export const CHECKLIST_LINKS: Record<ChecklistItemId, string> = {
  unknownLogins: 'https://fansly.com/settings/sessions',
  twoFactorOn: 'https://fansly.com/settings/account',
  twoFactorReAdded: 'https://fansly.com/settings/account',
  emailSessionsChecked: 'https://fansly.com/settings/account',
  passwordChanged: 'https://fansly.com/settings/account',
  supportNeverAsks: 'https://help.fansly.com/en/articles/12328641-management-sessions',
  reviewOverdue: 'https://fansly.com/creator/management',
  sessionsNotFromDoorman: 'https://fansly.com/creator/management',
};

/**
 * How many of the sessions an item is about are named in it. An account with 10,000 foreign
 * sessions made every checklist answer about half a megabyte and the item a list no one can
 * read; the Sessions screen lists, searches and sorts them all.
 */
export const CHECKLIST_SUBJECTS_SHOWN = 50;

/** A session an item is about (an unknown login, an overdue or foreign management session). */
export const checklistSubjectSchema = z.object({
  id: z.string().max(200),
  label: z.string().max(300),
  /**
   * A management session the creator recorded by hand (manual tracking): Doorman cannot
   * revoke it on the gateway, so the window offers "Mark as revoked" for it instead.
   */
  recordedByHand: z.boolean().optional(),
});
export type ChecklistSubject = z.infer<typeof checklistSubjectSchema>;

export const checklistItemSchema = z.object({
  id: checklistItemIdSchema,
  kind: z.enum(['computed', 'confirmed']),
  status: checklistStatusSchema,
  reason: checklistReasonSchema,
  /** How bad a needsAttention here is for the account's overall state. */
  severity: z.enum(['atRisk', 'attention']),
  /** When the creator confirmed it (confirmed items), ISO date-time. */
  confirmedAt: z.string().nullable(),
  /** When a confirmation goes stale (password, e-mail check), ISO date-time. */
  staleAt: z.string().nullable(),
  /** The first CHECKLIST_SUBJECTS_SHOWN sessions the item is about (in subjectCount). */
  subjects: z.array(checklistSubjectSchema).max(CHECKLIST_SUBJECTS_SHOWN),
  /** How many sessions the item is about in all. */
  subjectCount: z.number().int().min(0),
  link: z.string(),
});
export type ChecklistItem = z.infer<typeof checklistItemSchema>;

export const accountChecklistSchema = z.object({
  accountId: z.string().max(200),
  label: z.string().max(300),
  overall: overallStateSchema,
  items: z.array(checklistItemSchema),
});
export type AccountChecklist = z.infer<typeof accountChecklistSchema>;

export interface ChecklistPolicy {
  passwordMaxAgeDays: number;
  emailCheckMaxAgeDays: number;
}

/** What evaluation needs about one login session. */
export interface ChecklistLoginSession {
  id: string;
  label: string;
  recognised: boolean;
  /** The session the gateway itself uses ("this one"): never counted as unknown. */
  current: boolean;
}

/** What evaluation needs about one management session. */
export interface ChecklistManagementSession {
  id: string;
  label: string;
  active: boolean;
  /** ISO date (YYYY-MM-DD) or date-time; null when no review date was set. */
  reviewBy: string | null;
  createdInDoorman: boolean;
  /** Recorded by hand in manual tracking (not a session Doorman can revoke on the gateway). */
  recordedByHand?: boolean;
}

export interface AccountChecklistInput {
  now: Date;
  policy: ChecklistPolicy;
  /** ISO date-times of the creator's confirmations (app-wide ones merged in). */
  confirmations: Partial<Record<ConfirmableItemId, string>>;
  /** The latest manager offboarding that concerns this account, ISO date-time. */
  lastOffboardingAt: string | null;
  /** null when Doorman has no list yet (never refreshed, or the gateway offers none). */
  loginSessions: ChecklistLoginSession[] | null;
  managementSessions: ChecklistManagementSession[] | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** A review-by date is overdue once its whole day has passed where the creator is. */
export function isReviewOverdue(reviewBy: string, now: Date): boolean {
  if (isCalendarDay(reviewBy)) return localDay(now) > reviewBy;
  const at = Date.parse(reviewBy);
  return Number.isFinite(at) && now.getTime() > at;
}

function item(
  id: ChecklistItemId,
  kind: 'computed' | 'confirmed',
  severity: 'atRisk' | 'attention',
  status: ChecklistStatus,
  reason: ChecklistReason,
  extra: Partial<Pick<ChecklistItem, 'confirmedAt' | 'staleAt' | 'subjects'>> = {},
): ChecklistItem {
  return {
    id,
    kind,
    severity,
    status,
    reason,
    confirmedAt: extra.confirmedAt ?? null,
    staleAt: extra.staleAt ?? null,
    subjects: (extra.subjects ?? []).slice(0, CHECKLIST_SUBJECTS_SHOWN),
    subjectCount: extra.subjects?.length ?? 0,
    link: CHECKLIST_LINKS[id],
  };
}

function confirmedItem(
  id: ConfirmableItemId,
  input: AccountChecklistInput,
  options: { maxAgeDays?: number; resetByOffboarding?: boolean } = {},
): ChecklistItem {
  const confirmedAt = input.confirmations[id] ?? null;
  if (!confirmedAt) return item(id, 'confirmed', 'attention', 'needsAttention', 'neverConfirmed');
  const confirmedMs = Date.parse(confirmedAt);
  if (
    options.resetByOffboarding &&
    input.lastOffboardingAt &&
    Date.parse(input.lastOffboardingAt) > confirmedMs
  ) {
    return item(id, 'confirmed', 'attention', 'needsAttention', 'resetByOffboarding', {
      confirmedAt,
    });
  }
  if (options.maxAgeDays !== undefined) {
    const staleMs = confirmedMs + options.maxAgeDays * DAY_MS;
    const staleAt = new Date(staleMs).toISOString();
    if (input.now.getTime() >= staleMs) {
      return item(id, 'confirmed', 'attention', 'needsAttention', 'stale', {
        confirmedAt,
        staleAt,
      });
    }
    return item(id, 'confirmed', 'attention', 'done', 'confirmed', { confirmedAt, staleAt });
  }
  return item(id, 'confirmed', 'attention', 'done', 'confirmed', { confirmedAt });
}

function computedItem(
  id: ChecklistItemId,
  severity: 'atRisk' | 'attention',
  subjects: ChecklistSubject[] | null,
): ChecklistItem {
  if (subjects === null) return item(id, 'computed', severity, 'unknown', 'noData');
  if (subjects.length === 0) return item(id, 'computed', severity, 'done', 'none');
  return item(id, 'computed', severity, 'needsAttention', 'found', { subjects });
}

/**
 * Evaluates one account. Rule for the overall state:
 * - atRisk: someone Doorman cannot vouch for may be in the account: a login session not
 *   marked recognised, or an active management session that was not created in Doorman;
 * - attention: any other item needs attention (unconfirmed or stale step, overdue review);
 * - unknown: nothing needs attention but some data is missing (never refreshed);
 * - secure: every item is done.
 */
export function evaluateAccountChecklist(input: AccountChecklistInput): {
  overall: OverallState;
  items: ChecklistItem[];
} {
  const logins = input.loginSessions;
  const managed = input.managementSessions?.filter((s) => s.active) ?? null;
  const items: ChecklistItem[] = [
    computedItem(
      'unknownLogins',
      'atRisk',
      logins
        ? logins.filter((s) => !s.recognised && !s.current).map(({ id, label }) => ({ id, label }))
        : null,
    ),
    confirmedItem('twoFactorOn', input),
    confirmedItem('twoFactorReAdded', input, { resetByOffboarding: true }),
    confirmedItem('emailSessionsChecked', input, { maxAgeDays: input.policy.emailCheckMaxAgeDays }),
    confirmedItem('passwordChanged', input, { maxAgeDays: input.policy.passwordMaxAgeDays }),
    confirmedItem('supportNeverAsks', input),
    computedItem(
      'reviewOverdue',
      'attention',
      managed
        ? managed
            .filter((s) => s.reviewBy !== null && isReviewOverdue(s.reviewBy, input.now))
            .map(({ id, label, recordedByHand }) =>
              recordedByHand ? { id, label, recordedByHand } : { id, label },
            )
        : null,
    ),
    computedItem(
      'sessionsNotFromDoorman',
      'atRisk',
      managed
        ? managed.filter((s) => !s.createdInDoorman).map(({ id, label }) => ({ id, label }))
        : null,
    ),
  ];
  return { overall: overallOfItems(items), items };
}

export function overallOfItems(items: readonly ChecklistItem[]): OverallState {
  const open = items.filter((i) => i.status === 'needsAttention');
  if (open.some((i) => i.severity === 'atRisk')) return 'atRisk';
  if (open.length > 0) return 'attention';
  if (items.some((i) => i.status === 'unknown')) return 'unknown';
  return 'secure';
}

const RANK: Record<OverallState, number> = { secure: 0, unknown: 1, attention: 2, atRisk: 3 };

/** The app's state is its worst account's; with no account connected it is unknown. */
export function worstOverall(states: readonly OverallState[]): OverallState {
  if (states.length === 0) return 'unknown';
  return states.reduce((worst, s) => (RANK[s] > RANK[worst] ? s : worst), 'secure');
}
