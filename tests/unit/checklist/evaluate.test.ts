import { describe, expect, it } from 'vitest';
import {
  CHECKLIST_SUBJECTS_SHOWN,
  checklistItemSchema,
  evaluateAccountChecklist,
  isReviewOverdue,
  worstOverall,
  type AccountChecklistInput,
  type ChecklistItemId,
} from '../../../src/shared/domain/checklist';

const NOW = new Date('2026-06-15T12:00:00Z');
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000).toISOString();

/** An account where every step is done, so each test changes one thing. */
function secureInput(change: Partial<AccountChecklistInput> = {}): AccountChecklistInput {
  return {
    now: NOW,
    policy: { passwordMaxAgeDays: 90, emailCheckMaxAgeDays: 30 },
    confirmations: {
      twoFactorOn: daysAgo(200),
      twoFactorReAdded: daysAgo(100),
      emailSessionsChecked: daysAgo(10),
      passwordChanged: daysAgo(10),
      supportNeverAsks: daysAgo(300),
    },
    lastOffboardingAt: null,
    loginSessions: [
      { id: 'l1', label: 'This device', recognised: false, current: true },
      { id: 'l2', label: 'Phone', recognised: true, current: false },
    ],
    managementSessions: [
      { id: 'm1', label: 'Agency A', active: true, reviewBy: '2026-07-01', createdInDoorman: true },
    ],
    ...change,
  };
}

function statusOf(input: AccountChecklistInput, id: ChecklistItemId) {
  return evaluateAccountChecklist(input).items.find((i) => i.id === id)!;
}

describe('checklist evaluation', () => {
  it('an account with every step done is secure, and the current device never counts as unknown', () => {
    const result = evaluateAccountChecklist(secureInput());
    expect(result.overall).toBe('secure');
    expect(result.items.map((i) => i.status)).toEqual(Array(8).fill('done'));
    expect(result.items).toHaveLength(8);
  });

  it.each([
    [
      'a login session nobody recognised puts the account at risk',
      'unknownLogins',
      'atRisk',
      { loginSessions: [{ id: 'x', label: 'Unknown PC', recognised: false, current: false }] },
    ],
    [
      'a management session not created in Doorman puts the account at risk',
      'sessionsNotFromDoorman',
      'atRisk',
      {
        managementSessions: [
          { id: 'm9', label: 'Mystery', active: true, reviewBy: null, createdInDoorman: false },
        ],
      },
    ],
    [
      'a session past its review-by date needs attention',
      'reviewOverdue',
      'attention',
      {
        managementSessions: [
          {
            id: 'm1',
            label: 'Agency A',
            active: true,
            reviewBy: '2026-06-14',
            createdInDoorman: true,
          },
        ],
      },
    ],
    [
      '2FA never confirmed needs attention',
      'twoFactorOn',
      'attention',
      { confirmations: { ...secureInput().confirmations, twoFactorOn: undefined } },
    ],
  ] as const)('%s', (_name, itemId, overall, change) => {
    const input = secureInput(change as Partial<AccountChecklistInput>);
    const item = statusOf(input, itemId);
    expect(item.status).toBe('needsAttention');
    expect(evaluateAccountChecklist(input).overall).toBe(overall);
  });

  it('lists the offending sessions so the creator can act on them', () => {
    const item = statusOf(
      secureInput({
        loginSessions: [
          { id: 'a', label: 'Chrome, Lagos', recognised: false, current: false },
          { id: 'b', label: 'Phone', recognised: true, current: false },
        ],
      }),
      'unknownLogins',
    );
    expect(item.subjects).toEqual([{ id: 'a', label: 'Chrome, Lagos' }]);
    expect(item.subjectCount).toBe(1);
    expect(item.reason).toBe('found');
  });

  it('names the first 50 of thousands of sessions, and counts them all', () => {
    const managementSessions = Array.from({ length: 10_000 }, (_, i) => ({
      id: `m${i}`,
      label: `Manager ${i}`,
      active: true,
      reviewBy: null,
      createdInDoorman: false,
    }));
    const item = statusOf(secureInput({ managementSessions }), 'sessionsNotFromDoorman');
    expect(item.status).toBe('needsAttention');
    expect(item.subjectCount).toBe(10_000);
    expect(item.subjects).toHaveLength(CHECKLIST_SUBJECTS_SHOWN);
    expect(item.subjects[0]).toEqual({ id: 'm0', label: 'Manager 0' });
    // What crosses the bridge stays small whatever the account holds.
    expect(checklistItemSchema.parse(item)).toEqual(item);
    expect(JSON.stringify(item).length).toBeLessThan(5_000);
  });

  it('revoked or ended sessions do not count, even when overdue or foreign', () => {
    const input = secureInput({
      managementSessions: [
        { id: 'm1', label: 'Old', active: false, reviewBy: '2020-01-01', createdInDoorman: false },
      ],
    });
    expect(evaluateAccountChecklist(input).overall).toBe('secure');
  });

  it('a review due today is not overdue until the day has passed', () => {
    expect(isReviewOverdue('2026-06-15', NOW)).toBe(false);
    expect(isReviewOverdue('2026-06-14', NOW)).toBe(true);
    expect(isReviewOverdue('2026-06-15T11:00:00Z', NOW)).toBe(true);
  });

  it('a review day is the creator’s local day, wherever they are', () => {
    const saved = process.env.TZ;
    try {
      // 17:00 on 10 May in Los Angeles is already 11 May in UTC: still due, not overdue.
      process.env.TZ = 'America/Los_Angeles';
      expect(isReviewOverdue('2026-05-10', new Date('2026-05-10T17:00:00-07:00'))).toBe(false);
      expect(isReviewOverdue('2026-05-10', new Date('2026-05-11T00:30:00-07:00'))).toBe(true);
      // 08:00 on 11 May in Tokyo is still 10 May in UTC: the day has passed there.
      process.env.TZ = 'Asia/Tokyo';
      expect(isReviewOverdue('2026-05-10', new Date('2026-05-11T08:00:00+09:00'))).toBe(true);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('a password change goes stale exactly after N days', () => {
    const at = (days: number) =>
      statusOf(
        secureInput({
          confirmations: { ...secureInput().confirmations, passwordChanged: daysAgo(days) },
        }),
        'passwordChanged',
      );
    expect(at(89).status).toBe('done');
    expect(at(89).staleAt).toBe(new Date(NOW.getTime() + 86_400_000).toISOString());
    expect(at(90).status).toBe('needsAttention');
    expect(at(90).reason).toBe('stale');
  });

  it('the e-mail sessions check uses its own staleness period', () => {
    const input = secureInput({
      confirmations: { ...secureInput().confirmations, emailSessionsChecked: daysAgo(31) },
    });
    expect(statusOf(input, 'emailSessionsChecked').reason).toBe('stale');
    expect(statusOf(input, 'passwordChanged').status).toBe('done');
    expect(evaluateAccountChecklist(input).overall).toBe('attention');
  });

  it('offboarding a manager after 2FA was re-added sets that item back to needs attention', () => {
    const after = secureInput({ lastOffboardingAt: daysAgo(5) });
    const item = statusOf(after, 'twoFactorReAdded');
    expect(item.status).toBe('needsAttention');
    expect(item.reason).toBe('resetByOffboarding');
    // 2FA itself stays on.
    expect(statusOf(after, 'twoFactorOn').status).toBe('done');
    // Re-adding 2FA after the offboarding makes it done again.
    const readded = secureInput({
      lastOffboardingAt: daysAgo(5),
      confirmations: { ...secureInput().confirmations, twoFactorReAdded: daysAgo(1) },
    });
    expect(statusOf(readded, 'twoFactorReAdded').status).toBe('done');
  });

  it('without session data the computed items are unknown, not done', () => {
    const input = secureInput({ loginSessions: null, managementSessions: null });
    const result = evaluateAccountChecklist(input);
    expect(statusOf(input, 'unknownLogins').status).toBe('unknown');
    expect(statusOf(input, 'reviewOverdue').status).toBe('unknown');
    expect(result.overall).toBe('unknown');
  });

  it('every item links to an https page on fansly.com', () => {
    for (const item of evaluateAccountChecklist(secureInput()).items) {
      expect(new URL(item.link).protocol).toBe('https:');
      expect(new URL(item.link).hostname).toMatch(/(^|\.)fansly\.com$/);
    }
  });

  it('the app is as bad as its worst account, and unknown with none', () => {
    expect(worstOverall([])).toBe('unknown');
    expect(worstOverall(['secure', 'secure'])).toBe('secure');
    expect(worstOverall(['secure', 'unknown'])).toBe('unknown');
    expect(worstOverall(['attention', 'atRisk', 'secure'])).toBe('atRisk');
    expect(worstOverall(['unknown', 'attention'])).toBe('attention');
  });
});
