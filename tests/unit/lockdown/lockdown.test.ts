import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  LockdownService,
  createLockdownRunStore,
  type LockdownActions,
  type LockdownRunStore,
} from '../../../src/main/services/lockdown';
import { StorageNoticeLog } from '../../../src/main/platform/json-store';
import type { LockdownRun } from '../../../src/shared/contract/lockdown';
import { createMemoryRecorder } from '../../../src/main/services/activity-recorder';
import { EventBus } from '../../../src/main/platform/events';
import { DoormanError } from '../../../src/shared/errors';

/** A fake account side: records every call, fails the calls it is told to, once. */
function fakeActions() {
  const calls: string[] = [];
  const failOnce = new Set<string>();
  const sessions: Record<string, { id: string; label: string }[]> = {
    fansly_a: [
      { id: 's1', label: 'Agency A' },
      { id: 's2', label: 'Editor' },
    ],
    fansly_b: [{ id: 's3', label: 'Chat team' }],
  };
  const call = async (name: string) => {
    calls.push(name);
    if (failOnce.delete(name)) throw new DoormanError('server', 'The gateway had a problem.');
  };
  const actions: LockdownActions = {
    accounts: async () => [
      { accountId: 'fansly_a', label: '@alice' },
      { accountId: 'fansly_b', label: '@bea' },
    ],
    listActiveManagementSessions: async (accountId) => {
      await call(`list ${accountId}`);
      return sessions[accountId]!;
    },
    revokeManagementSession: (accountId, sessionId) => call(`revoke ${accountId} ${sessionId}`),
    closeOtherLoginSessions: (accountId) => call(`close ${accountId}`),
  };
  return { actions, calls, failOnce };
}

function make() {
  const fake = fakeActions();
  const activity = createMemoryRecorder();
  const events = new EventBus();
  let changes = 0;
  events.subscribe(() => changes++);
  const service = new LockdownService({
    actions: fake.actions,
    activity,
    events,
    clock: () => new Date('2026-06-15T12:00:00Z'),
  });
  return { ...fake, activity, events, service, changes: () => changes };
}

describe('lockdown', () => {
  it('revokes every management session and closes other logins, one step at a time', async () => {
    const { service, calls, activity, changes } = make();
    await service.start({ scope: 'all' });
    await service.whenIdle();
    expect(calls).toEqual([
      'list fansly_a',
      'revoke fansly_a s1',
      'revoke fansly_a s2',
      'close fansly_a',
      'list fansly_b',
      'revoke fansly_b s3',
      'close fansly_b',
    ]);
    const run = service.state()!;
    expect(run.status).toBe('done');
    expect(run.steps.map((s) => [s.kind, s.subjectLabel, s.status])).toEqual([
      ['listSessions', null, 'done'],
      ['revokeSession', 'Agency A', 'done'],
      ['revokeSession', 'Editor', 'done'],
      ['closeLogins', null, 'done'],
      ['listSessions', null, 'done'],
      ['revokeSession', 'Chat team', 'done'],
      ['closeLogins', null, 'done'],
    ]);
    expect(activity.events.map((e) => e.kind)).toEqual([
      'lockdownStarted',
      ...Array(7).fill('lockdownStep'),
      'lockdownFinished',
    ]);
    expect(changes()).toBeGreaterThan(7);
  });

  it('logs the facts the window words in the creator’s language: who, which session, how many', async () => {
    const { service, activity, failOnce } = make();
    failOnce.add('revoke fansly_a s2');
    await service.start({ scope: 'all' });
    await service.whenIdle();
    expect(activity.events[0]).toMatchObject({
      kind: 'lockdownStarted',
      params: { accounts: '@alice, @bea' },
    });
    expect(activity.events.filter((e) => e.kind === 'lockdownStep').map((e) => e.params)).toEqual([
      { variant: 'listSessions' },
      { variant: 'revokeSession', session: 'Agency A' },
      { variant: 'revokeSession', session: 'Editor' },
      { variant: 'closeLogins' },
      { variant: 'listSessions' },
      { variant: 'revokeSession', session: 'Chat team' },
      { variant: 'closeLogins' },
    ]);
    expect(activity.events.at(-1)).toMatchObject({
      kind: 'lockdownFinished',
      params: { variant: 'failed', count: 1 },
    });

    service.retry();
    await service.whenIdle();
    expect(activity.events.at(-1)).toMatchObject({
      kind: 'lockdownFinished',
      params: { variant: 'done', count: 7 },
    });
  });

  it('a failed step is reported, the others still run, and a retry repeats only that step', async () => {
    const { service, calls, failOnce, activity } = make();
    failOnce.add('revoke fansly_a s2');
    await service.start({ scope: 'account', accountId: 'fansly_a' });
    await service.whenIdle();
    let run = service.state()!;
    expect(run.status).toBe('failed');
    const failed = run.steps.filter((s) => s.status === 'failed');
    expect(failed).toEqual([
      expect.objectContaining({
        kind: 'revokeSession',
        subjectLabel: 'Editor',
        error: { code: 'server', message: 'The gateway had a problem.' },
      }),
    ]);
    // Closing the other logins was not held back by the failed revoke.
    expect(calls).toContain('close fansly_a');
    expect(activity.events.at(-1)).toMatchObject({ kind: 'lockdownFinished', result: 'failed' });

    calls.length = 0;
    service.retry();
    await service.whenIdle();
    expect(calls).toEqual(['revoke fansly_a s2']);
    run = service.state()!;
    expect(run.status).toBe('done');
    expect(run.steps.every((s) => s.status === 'done')).toBe(true);
    expect(activity.events.at(-1)).toMatchObject({ kind: 'lockdownFinished', result: 'ok' });
  });

  it('when listing fails, a retry lists again and revokes what it finds', async () => {
    const { service, calls, failOnce } = make();
    failOnce.add('list fansly_b');
    await service.start({ scope: 'all' });
    await service.whenIdle();
    expect(service.state()!.status).toBe('failed');
    expect(calls).toContain('close fansly_b');
    calls.length = 0;
    service.retry();
    await service.whenIdle();
    expect(calls).toEqual(['list fansly_b', 'revoke fansly_b s3']);
    expect(service.state()!.status).toBe('done');
  });

  it('refuses a second lockdown while one runs, a retry with nothing failed, and an unknown account', async () => {
    const { service } = make();
    const first = service.start({ scope: 'all' });
    await first;
    await expect(service.start({ scope: 'all' })).rejects.toMatchObject({ code: 'conflict' });
    await service.whenIdle();
    expect(() => service.retry()).toThrow(expect.objectContaining({ code: 'notFound' }));
    await expect(service.start({ scope: 'account', accountId: 'fansly_x' })).rejects.toMatchObject({
      code: 'notFound',
    });
  });

  it('a double click starts one lockdown: the second start, made while the first waits, is refused', async () => {
    const { service, calls } = make();
    const results = await Promise.allSettled([
      service.start({ scope: 'all' }),
      service.start({ scope: 'all' }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
    expect(results[1]).toMatchObject({ reason: { code: 'conflict' } });
    await service.whenIdle();
    expect(calls.filter((c) => c === 'revoke fansly_a s1')).toHaveLength(1);
  });

  it('a revoke asked from the tray waits for the window to confirm it', async () => {
    const { service, calls, events: bus } = make();
    const navigations: unknown[] = [];
    bus.subscribe((event, payload) => {
      if (event === 'navigate') navigations.push(payload);
    });
    // The request alone revokes nothing.
    service.requestRevoke({ accountId: 'fansly_a', sessionId: 's1', label: 'Agency A' });
    expect(calls).toEqual([]);
    expect(navigations).toEqual([{ screen: 'revokeSession' }]);
    expect(service.pendingRevoke()).toEqual({
      accountId: 'fansly_a',
      sessionId: 's1',
      label: 'Agency A',
    });
    await service.revokeSession('fansly_a', 's1');
    expect(calls).toEqual(['revoke fansly_a s1']);
    expect(service.pendingRevoke()).toBeNull();
  });

  it('a failure outside the steps never leaves the lockdown looking like it is still running', async () => {
    const fake = fakeActions();
    let writes = 0;
    const service = new LockdownService({
      actions: fake.actions,
      activity: {
        record: () => {
          // The start entry is written; the log then breaks mid-run.
          if (++writes > 1) throw new Error('disk full');
        },
      },
      events: new EventBus(),
      clock: () => new Date('2026-06-15T12:00:00Z'),
    });
    await service.start({ scope: 'account', accountId: 'fansly_a' });
    await service.whenIdle();
    const run = service.state()!;
    expect(run.status).toBe('failed');
    expect(run.steps.some((s) => s.status === 'running' || s.status === 'pending')).toBe(false);
    expect(run.steps.filter((s) => s.status === 'failed').length).toBeGreaterThan(0);
  });
});

describe('lockdown across a restart', () => {
  /** What lockdown.json would hold, kept as JSON text as on disk. */
  function memoryStore() {
    let text = 'null';
    const store: LockdownRunStore = {
      load: () => JSON.parse(text) as LockdownRun | null,
      save: (run) => {
        text = JSON.stringify(run);
      },
    };
    return { store, saved: () => JSON.parse(text) as LockdownRun | null };
  }

  function serviceWith(store: LockdownRunStore, actions: LockdownActions) {
    const activity = createMemoryRecorder();
    const service = new LockdownService({
      actions,
      activity,
      events: new EventBus(),
      clock: () => new Date('2026-06-15T12:00:00Z'),
      store,
    });
    return { service, activity };
  }

  it('comes back failed where Doorman closed, and a retry finishes only what was left', async () => {
    const { store, saved } = memoryStore();
    const before = fakeActions();
    // Doorman closes while the second revoke is on its way to the gateway.
    const hanging: LockdownActions = {
      ...before.actions,
      revokeManagementSession: (accountId, sessionId) =>
        sessionId === 's2'
          ? new Promise<void>(() => undefined)
          : before.actions.revokeManagementSession(accountId, sessionId),
    };
    const first = serviceWith(store, hanging);
    await first.service.start({ scope: 'account', accountId: 'fansly_a' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(saved()!.steps.map((s) => [s.kind, s.sessionId, s.status])).toEqual([
      ['listSessions', null, 'done'],
      ['revokeSession', 's1', 'done'],
      ['revokeSession', 's2', 'running'],
      ['closeLogins', null, 'pending'],
    ]);

    const after = fakeActions();
    const second = serviceWith(store, after.actions);
    const run = second.service.state()!;
    expect(run.status).toBe('failed');
    expect(run.steps.map((s) => [s.sessionId ?? s.kind, s.status, s.error?.code ?? null])).toEqual([
      ['listSessions', 'done', null],
      ['s1', 'done', null],
      ['s2', 'failed', 'interrupted'],
      ['closeLogins', 'failed', 'interrupted'],
    ]);
    expect(saved()!.status).toBe('failed');
    expect(second.activity.events.at(-1)).toMatchObject({
      kind: 'lockdownFinished',
      result: 'failed',
      summary: expect.stringContaining('2 step(s) unfinished'),
      params: { variant: 'interrupted', count: 2 },
    });

    second.service.retry();
    await second.service.whenIdle();
    expect(after.calls).toEqual(['revoke fansly_a s2', 'close fansly_a']);
    expect(second.service.state()!.status).toBe('done');
    expect(saved()!.status).toBe('done');
  });

  it('shows a finished lockdown after a restart until it is dismissed', async () => {
    const { store, saved } = memoryStore();
    const first = serviceWith(store, fakeActions().actions);
    await first.service.start({ scope: 'all' });
    await first.service.whenIdle();
    const again = serviceWith(store, fakeActions().actions);
    expect(again.service.state()).toEqual(first.service.state());
    expect(again.activity.events).toEqual([]);
    again.service.dismiss();
    expect(saved()).toBeNull();
    expect(serviceWith(store, fakeActions().actions).service.state()).toBeNull();
  });

  it('goes on revoking when its record cannot be written', async () => {
    const fake = fakeActions();
    const broken: LockdownRunStore = {
      load: () => null,
      save: () => {
        throw new DoormanError('storage', 'Doorman could not save its lockdown file.');
      },
    };
    const { service } = serviceWith(broken, fake.actions);
    await service.start({ scope: 'account', accountId: 'fansly_a' });
    await service.whenIdle();
    expect(service.state()!.status).toBe('done');
    expect(fake.calls).toEqual([
      'list fansly_a',
      'revoke fansly_a s1',
      'revoke fansly_a s2',
      'close fansly_a',
    ]);
  });

  it('keeps the run in lockdown.json, checked against its schema when read back', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doorman-lockdown-'));
    try {
      const first = serviceWith(createLockdownRunStore({ dataDir: dir }), fakeActions().actions);
      await first.service.start({ scope: 'account', accountId: 'fansly_b' });
      await first.service.whenIdle();
      const again = serviceWith(createLockdownRunStore({ dataDir: dir }), fakeActions().actions);
      expect(again.service.state()).toEqual(first.service.state());

      fs.writeFileSync(path.join(dir, 'lockdown.json'), '{"schemaVersion":1,"data":{"run":7}}');
      const notices = new StorageNoticeLog();
      const repaired = createLockdownRunStore({ dataDir: dir, notices });
      expect(repaired.load()).toEqual(first.service.state());
      expect(notices.list().map((n) => n.kind)).toEqual(['corruptSetAside', 'restoredBackup']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('lockdown after a restart, with a broken activity log', () => {
  it('still starts and shows where the lockdown stopped', () => {
    const saved: LockdownRun = {
      id: 'lockdown-1',
      status: 'running',
      accountIds: ['fansly_a'],
      startedAt: '2026-06-15T11:00:00.000Z',
      finishedAt: null,
      steps: [
        {
          id: 'fansly_a:closeLogins',
          accountId: 'fansly_a',
          accountLabel: '@alice',
          kind: 'closeLogins',
          sessionId: null,
          subjectLabel: null,
          status: 'running',
          error: null,
          finishedAt: null,
        },
      ],
    };
    const service = new LockdownService({
      actions: fakeActions().actions,
      activity: {
        record: () => {
          throw new Error('disk full');
        },
      },
      events: new EventBus(),
      clock: () => new Date('2026-06-15T12:00:00Z'),
      store: { load: () => structuredClone(saved), save: () => undefined },
    });
    expect(service.state()!.steps[0]).toMatchObject({
      status: 'failed',
      error: { code: 'interrupted' },
    });
  });
});
