import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ActivityService } from '../../../src/main/services/activity/activity-service';
import { StorageNoticeLog } from '../../../src/main/platform/json-store';
import { registerSecret, forgetSecret } from '../../../src/main/platform/log';
import { activityEntrySchema } from '../../../src/shared/contract/activity';
import { activityInputSchema } from '../../../src/shared/domain/activity';
import { handClock, makeTempDir } from '../notes/temp-dir';

let dir: string;
beforeEach(() => {
  dir = makeTempDir('activity');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function open(start = '2026-09-15T10:00:00Z') {
  const clock = handClock(start);
  return { activity: new ActivityService({ dataDir: dir, clock: clock.now }), clock };
}

describe('activity log', () => {
  it('keeps one file per month and survives a restart', () => {
    const { activity, clock } = open('2026-09-30T23:59:00Z');
    activity.record({ kind: 'keySet' });
    clock.set('2026-10-01T00:01:00Z');
    activity.record({ kind: 'accountConnected', accountId: 'acc1' });
    clock.set('2026-11-02T08:00:00Z');
    activity.record({
      kind: 'sessionCreated',
      accountId: 'acc1',
      subjectId: 's1',
      summary: 'Agency',
    });

    expect(
      fs
        .readdirSync(path.join(dir, 'activity'))
        .filter((f) => /^activity-\d{4}-\d{2}\.json$/.test(f))
        .sort(),
    ).toEqual(['activity-2026-09.json', 'activity-2026-10.json', 'activity-2026-11.json']);
    const reopened = open().activity;
    expect(reopened.availableMonths()).toEqual(['2026-11', '2026-10', '2026-09']);
    const page = reopened.list({});
    expect(page.entries.map((e) => e.kind)).toEqual([
      'sessionCreated',
      'accountConnected',
      'keySet',
    ]);
    expect(page.entries[0]).toMatchObject({
      accountId: 'acc1',
      subjectId: 's1',
      result: 'ok',
      summary: 'Agency',
      at: '2026-11-02T08:00:00.000Z',
    });
  });

  it('reads older months only when a page reaches them', () => {
    const { activity, clock } = open('2026-08-10T10:00:00Z');
    activity.record({ kind: 'keySet' });
    clock.set('2026-10-10T10:00:00Z');
    for (let i = 0; i < 5; i++) activity.record({ kind: 'loginNew', accountId: 'acc1' });

    const fresh = open().activity;
    const first = fresh.list({ limit: 3 });
    expect(first.entries).toHaveLength(3);
    expect(fresh.loadedMonths()).toEqual(['2026-10']);
    const second = fresh.list({ limit: 3, before: first.nextCursor! });
    expect(second.entries.map((e) => e.kind)).toEqual(['loginNew', 'loginNew', 'keySet']);
    expect(fresh.loadedMonths()).toEqual(['2026-08', '2026-10']);
    expect(second.nextCursor).toBeNull();
    // Pages never repeat or skip an entry.
    const ids = [...first.entries, ...second.entries].map((e) => e.id);
    expect(new Set(ids).size).toBe(6);
  });

  it('filters by account, kind and date range', () => {
    const { activity, clock } = open('2026-10-01T10:00:00Z');
    activity.record({ kind: 'sessionCreated', accountId: 'acc1' });
    clock.set('2026-10-05T10:00:00Z');
    activity.record({ kind: 'sessionRevoked', accountId: 'acc1' });
    clock.set('2026-10-09T10:00:00Z');
    activity.record({ kind: 'sessionRevoked', accountId: 'acc2' });
    activity.record({ kind: 'loginClosed', accountId: 'acc1', result: 'failed' });

    expect(activity.list({ accountId: 'acc2' }).entries.map((e) => e.kind)).toEqual([
      'sessionRevoked',
    ]);
    expect(activity.list({ kinds: ['sessionRevoked'] }).entries).toHaveLength(2);
    expect(
      activity
        .list({ from: '2026-10-02T00:00:00Z', to: '2026-10-06T00:00:00Z' })
        .entries.map((e) => e.kind),
    ).toEqual(['sessionRevoked']);
    expect(activity.list({ accountId: 'acc1', kinds: ['loginClosed'] }).entries[0]!.result).toBe(
      'failed',
    );
    expect(() =>
      activity.list({ from: '2026-10-09T00:00:00Z', to: '2026-10-01T00:00:00Z' }),
    ).toThrow(expect.objectContaining({ code: 'invalidInput' }));
  });

  it('never keeps a registered secret in a summary, and a failed write does not throw at the caller', () => {
    const { activity } = open();
    registerSecret('fk_live_supersecret_123');
    activity.record({ kind: 'keySet', summary: 'key fk_live_supersecret_123 saved' });
    forgetSecret('fk_live_supersecret_123');
    expect(activity.list({}).entries[0]!.summary).toBe('key [redacted] saved');
    expect(
      fs.readFileSync(path.join(dir, 'activity', 'activity-2026-09.json'), 'utf8'),
    ).not.toContain('supersecret');
    // An invalid kind is a programming error: logged, not thrown into the action that recorded it.
    expect(() => activity.record({ kind: 'nope' as never })).not.toThrow();
  });

  it('keeps the facts the window words each entry from, across a restart', () => {
    const { activity } = open();
    activity.record({
      kind: 'sessionRevoked',
      accountId: 'acc1',
      summary: 'Revoked “Agency”',
      params: { variant: 'revoked', session: 'Agency' },
    });
    activity.record({ kind: 'loginClosed', params: { variant: 'allButCurrent', count: 3 } });
    expect(
      open()
        .activity.list({})
        .entries.map((e) => [e.kind, e.summary, e.params]),
    ).toEqual([
      ['loginClosed', '', { variant: 'allButCurrent', count: 3 }],
      ['sessionRevoked', 'Revoked “Agency”', { variant: 'revoked', session: 'Agency' }],
    ]);
  });

  it('reads a month written before entries had params, without setting the file aside', () => {
    const monthFile = path.join(dir, 'activity', 'activity-2026-09.json');
    fs.mkdirSync(path.dirname(monthFile), { recursive: true });
    const old = {
      id: '2026-09-0000000-abcd1234',
      at: '2026-09-01T10:00:00.000Z',
      kind: 'checklistConfirmed',
      accountId: 'acc1',
      subjectId: 'passwordChanged',
      result: 'ok',
      summary: 'Confirmed "passwordChanged" as of 2026-09-01',
    };
    fs.writeFileSync(monthFile, JSON.stringify({ schemaVersion: 1, data: { entries: [old] } }));
    const notices = new StorageNoticeLog();
    const activity = new ActivityService({
      dataDir: dir,
      notices,
      clock: () => new Date('2026-09-15T10:00:00Z'),
    });
    expect(activity.list({}).entries).toEqual([old]);
    expect(notices.list()).toEqual([]);
    activity.record({ kind: 'keyRemoved', params: {} });
    expect(activity.list({}).entries.map((e) => e.params)).toEqual([{}, undefined]);
  });

  it('never keeps a registered secret in a param', () => {
    const { activity } = open();
    registerSecret('fk_live_supersecret_456');
    activity.record({ kind: 'managerAdded', params: { manager: 'fk_live_supersecret_456 Ltd' } });
    forgetSecret('fk_live_supersecret_456');
    expect(activity.list({}).entries[0]!.params).toEqual({ manager: '[redacted] Ltd' });
    expect(
      fs.readFileSync(path.join(dir, 'activity', 'activity-2026-09.json'), 'utf8'),
    ).not.toContain('supersecret');
  });

  it('params that do not fit are dropped, never the entry they describe', () => {
    const { activity } = open();
    const nine = Object.fromEntries('abcdefghi'.split('').map((k) => [k, 1]));
    activity.record({ kind: 'sessionRevoked', summary: 'Revoked “Agency”', params: nine });
    activity.recordMany([
      { kind: 'loginNew', summary: 'New login', params: { login: 'x'.repeat(301) } },
    ]);
    const entries = activity.list({}).entries;
    expect(entries.map((e) => [e.kind, e.summary])).toEqual([
      ['loginNew', 'New login'],
      ['sessionRevoked', 'Revoked “Agency”'],
    ]);
    expect(entries.every((e) => e.params === undefined)).toBe(true);
  });
});

describe('activity params schema', () => {
  const entry = {
    id: '2026-09-0000000-abcd1234',
    at: '2026-09-01T10:00:00.000Z',
    kind: 'sessionRevoked',
    accountId: 'acc1',
    subjectId: 's1',
    result: 'ok',
    summary: 'Revoked “Agency”',
  };

  it('an entry without params (written before them) still validates', () => {
    expect(activityEntrySchema.safeParse(entry).success).toBe(true);
    expect(activityEntrySchema.safeParse({ ...entry, params: { session: 'Agency' } }).success).toBe(
      true,
    );
  });

  it('refuses params too big to be a sentence’s facts: a long value, a ninth key, an odd name', () => {
    const eight = Object.fromEntries('abcdefgh'.split('').map((k) => [k, 1]));
    const input = { kind: 'managerAdded' as const };
    expect(activityInputSchema.safeParse({ ...input, params: eight }).success).toBe(true);
    expect(activityInputSchema.safeParse({ ...input, params: { ...eight, i: 1 } }).success).toBe(
      false,
    );
    expect(
      activityInputSchema.safeParse({ ...input, params: { manager: 'x'.repeat(300) } }).success,
    ).toBe(true);
    // A blob the size of a key file or a session link list is not a fact for a sentence.
    expect(
      activityInputSchema.safeParse({ ...input, params: { manager: 'x'.repeat(301) } }).success,
    ).toBe(false);
    expect(activityInputSchema.safeParse({ ...input, params: { Manager: 'A' } }).success).toBe(
      false,
    );
    expect(activityInputSchema.safeParse({ ...input, params: { nested: { a: 1 } } }).success).toBe(
      false,
    );
    expect(activityEntrySchema.safeParse({ ...entry, params: { ...eight, i: 1 } }).success).toBe(
      false,
    );
  });
});
