import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ActivityService } from '../../../src/main/services/activity/activity-service';
import { registerSecret, forgetSecret } from '../../../src/main/platform/log';
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
});
