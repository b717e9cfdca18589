import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChecklistService, type ChecklistInputs } from '../../../src/main/services/checklist';
import { createMemoryRecorder } from '../../../src/main/services/activity-recorder';
import { EventBus } from '../../../src/main/platform/events';

let dir: string;
let now: Date;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doorman-checklist-'));
  now = new Date('2026-06-15T12:00:00Z');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const inputs: ChecklistInputs = {
  accounts: () => [
    { accountId: 'fansly_a', label: '@alice' },
    { accountId: 'fansly_b', label: '@bea' },
  ],
  loginSessions: () => [],
  managementSessions: () => [],
};

function make() {
  const reviewDates: string[] = [];
  const activity = createMemoryRecorder();
  const events = new EventBus();
  const topics: string[] = [];
  events.subscribe((event, payload) => {
    if (event === 'stateChanged') topics.push(...(payload as { topics: string[] }).topics);
  });
  const service = new ChecklistService({
    dataDir: dir,
    clock: () => now,
    policy: () => ({ passwordMaxAgeDays: 90, emailCheckMaxAgeDays: 90 }),
    inputs,
    activity,
    events,
    setReviewBy: (_accountId, sessionId, reviewBy) => {
      reviewDates.push(`${sessionId}@${reviewBy}`);
      return { label: 'Agency A' };
    },
  });
  return { service, activity, topics, reviewDates };
}

const item = (
  state: Awaited<ReturnType<ChecklistService['state']>>,
  accountId: string,
  id: string,
) => state.accounts.find((a) => a.accountId === accountId)!.items.find((i) => i.id === id)!;

describe('checklist service', () => {
  it('confirming an item dates it, logs it, tells the window and survives a restart', async () => {
    const { service, activity, topics } = make();
    const state = await service.confirm({ accountId: 'fansly_a', itemId: 'twoFactorOn' });
    expect(item(state, 'fansly_a', 'twoFactorOn')).toMatchObject({
      status: 'done',
      confirmedAt: '2026-06-15T12:00:00.000Z',
    });
    expect(item(state, 'fansly_b', 'twoFactorOn').status).toBe('needsAttention');
    expect(activity.events).toEqual([
      expect.objectContaining({
        kind: 'checklistConfirmed',
        accountId: 'fansly_a',
        subjectId: 'twoFactorOn',
        // The window words it from these: the item's title and the date, in its language.
        params: { item: 'twoFactorOn', date: '2026-06-15T12:00:00.000Z' },
      }),
    ]);
    expect(topics).toContain('checklist');

    const reopened = make().service;
    expect(item(await reopened.state(), 'fansly_a', 'twoFactorOn').status).toBe('done');
  });

  it('a back-dated password change goes stale on time; a future date is refused', async () => {
    const { service } = make();
    await service.confirm({
      accountId: 'fansly_a',
      itemId: 'passwordChanged',
      at: '2026-03-20T00:00:00Z',
    });
    expect(item(await service.state(), 'fansly_a', 'passwordChanged').status).toBe('done');
    now = new Date('2026-06-18T12:00:00Z');
    expect(item(await service.state(), 'fansly_a', 'passwordChanged').reason).toBe('stale');
    await expect(
      service.confirm({
        accountId: 'fansly_a',
        itemId: 'passwordChanged',
        at: '2026-07-01T00:00:00Z',
      }),
    ).rejects.toMatchObject({ code: 'invalidInput' });
  });

  it('"support never asks" is acknowledged once for every account', async () => {
    const { service } = make();
    const state = await service.confirm({ accountId: null, itemId: 'supportNeverAsks' });
    expect(item(state, 'fansly_a', 'supportNeverAsks').status).toBe('done');
    expect(item(state, 'fansly_b', 'supportNeverAsks').status).toBe('done');
  });

  it('an unknown account is refused', async () => {
    const { service } = make();
    await expect(
      service.confirm({ accountId: 'fansly_zzz', itemId: 'twoFactorOn' }),
    ).rejects.toMatchObject({ code: 'notFound' });
  });

  it('offboarding a manager resets "2FA re-added" for the accounts they had', async () => {
    const { service } = make();
    await service.confirm({ accountId: 'fansly_a', itemId: 'twoFactorReAdded' });
    await service.confirm({ accountId: 'fansly_b', itemId: 'twoFactorReAdded' });
    now = new Date('2026-06-16T12:00:00Z');
    service.recordManagerOffboarded({ managerId: 'mgr1', accountIds: ['fansly_a'] });
    const state = await service.state();
    expect(item(state, 'fansly_a', 'twoFactorReAdded').reason).toBe('resetByOffboarding');
    expect(item(state, 'fansly_b', 'twoFactorReAdded').status).toBe('done');
    // Unknown accounts: every account is concerned.
    service.recordManagerOffboarded({ managerId: 'mgr2' });
    expect(item(await service.state(), 'fansly_b', 'twoFactorReAdded').status).toBe(
      'needsAttention',
    );
  });

  it('unconfirming takes a mistaken click back', async () => {
    const { service } = make();
    await service.confirm({ accountId: 'fansly_a', itemId: 'twoFactorOn' });
    const state = await service.unconfirm({ accountId: 'fansly_a', itemId: 'twoFactorOn' });
    expect(item(state, 'fansly_a', 'twoFactorOn').reason).toBe('neverConfirmed');
  });

  it('keeping an overdue session sets a new review date after today and logs it', async () => {
    const { service, activity, reviewDates } = make();
    await service.keepSession({ accountId: 'fansly_a', sessionId: 's1', reviewBy: '2026-07-15' });
    expect(reviewDates).toEqual(['s1@2026-07-15']);
    expect(activity.events.at(-1)).toMatchObject({
      kind: 'reviewKept',
      accountId: 'fansly_a',
      subjectId: 's1',
      params: { session: 'Agency A', reviewBy: '2026-07-15' },
    });
    await expect(
      service.keepSession({ accountId: 'fansly_a', sessionId: 's1', reviewBy: '2026-06-15' }),
    ).rejects.toMatchObject({ code: 'invalidInput' });
    expect(reviewDates).toHaveLength(1);
  });
});
