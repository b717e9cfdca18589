import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  MonitorService,
  STARTUP_DELAY_MS,
  delayAfterFailure,
  type MonitorLoginSession,
  type MonitorManagementSession,
  type MonitorManager,
  type MonitorSource,
  type Timers,
} from '../../../src/main/services/monitor';
import type { NotificationRequest } from '../../../src/main/services/notifications';
import { EventBus } from '../../../src/main/platform/events';
import { createMemoryLogger } from '../../../src/main/platform/log';
import { DoormanError } from '../../../src/shared/errors';

const MIN = 60_000;

/** A clock and timers that only move when the test says so. */
class FakeTime implements Timers {
  now = Date.parse('2026-06-15T12:00:00Z');
  private queue: { at: number; fn: () => void; id: number }[] = [];
  private nextId = 1;
  clock = () => new Date(this.now);
  setTimeout(fn: () => void, ms: number) {
    const id = this.nextId++;
    this.queue.push({ at: this.now + ms, fn, id });
    return id;
  }
  clearTimeout(handle: unknown) {
    this.queue = this.queue.filter((t) => t.id !== handle);
  }
  pending() {
    return this.queue.map((t) => t.at - this.now);
  }
  /** Moves time forward, firing due timers in order. */
  async advance(ms: number, monitor: MonitorService) {
    const until = this.now + ms;
    for (;;) {
      const due = this.queue.filter((t) => t.at <= until).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.queue = this.queue.filter((t) => t !== due);
      this.now = due.at;
      due.fn();
      await monitor.whenIdle();
    }
    this.now = until;
  }
}

class FakeSource implements MonitorSource {
  logins: MonitorLoginSession[] = [
    { id: 'this', current: true, ip: '10.0.0.1', city: null, countryCode: null },
  ];
  management: MonitorManagementSession[] = [];
  managersList: MonitorManager[] = [];
  refreshCalls = 0;
  inFlight = 0;
  maxInFlight = 0;
  failWith: Error | null = null;
  gate: Promise<void> | null = null;
  async accounts() {
    return [{ accountId: 'fansly_a', label: '@alice' }];
  }
  async refresh() {
    this.refreshCalls++;
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      if (this.gate) await this.gate;
      if (this.failWith) throw this.failWith;
    } finally {
      this.inFlight--;
    }
  }
  async openLoginSessions() {
    return this.logins;
  }
  async managementSessions() {
    return this.management;
  }
  async managers() {
    return this.managersList;
  }
}

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doorman-monitor-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function make(options: { interval?: number; online?: () => boolean } = {}) {
  let interval = options.interval ?? 10;
  const time = new FakeTime();
  const source = new FakeSource();
  const notified: NotificationRequest[] = [];
  const build = () =>
    new MonitorService({
      dataDir: dir,
      clock: time.clock,
      timers: time,
      intervalMinutes: () => interval,
      source,
      notify: (r) => void notified.push(r),
      events: new EventBus(),
      log: createMemoryLogger(),
      isOnline: options.online,
    });
  const setInterval = (minutes: number) => {
    interval = minutes;
  };
  return { time, source, notified, monitor: build(), build, setInterval };
}

const login = (id: string, city = 'Lagos'): MonitorLoginSession => ({
  id,
  current: false,
  ip: '203.0.113.9',
  city,
  countryCode: 'NG',
});

describe('background monitor', () => {
  it('refreshes on the interval, after a short start-up delay', async () => {
    const { time, source, monitor } = make();
    monitor.start();
    expect(time.pending()).toEqual([STARTUP_DELAY_MS]);
    await time.advance(STARTUP_DELAY_MS, monitor);
    expect(source.refreshCalls).toBe(1);
    await time.advance(9 * MIN, monitor);
    expect(source.refreshCalls).toBe(1);
    await time.advance(1 * MIN, monitor);
    expect(source.refreshCalls).toBe(2);
    expect(monitor.getStatus()).toMatchObject({ state: 'idle', consecutiveFailures: 0 });
  });

  it('a restart does not buy an extra refresh: the next one is an interval after the last', async () => {
    const first = make();
    first.monitor.start();
    await first.time.advance(STARTUP_DELAY_MS, first.monitor);
    await first.monitor.stop();
    const second = first.build();
    first.time.now += 2 * MIN;
    second.start();
    expect(first.time.pending()).toEqual([8 * MIN]);
  });

  it('announces a new login session exactly once, across refreshes and restarts', async () => {
    const { time, source, notified, monitor, build } = make();
    source.logins.push(login('known-before'));
    monitor.start();
    await time.advance(STARTUP_DELAY_MS, monitor);
    // What was there at the first look is the baseline, not news.
    expect(notified).toEqual([]);

    source.logins.push(login('intruder'));
    await time.advance(10 * MIN, monitor);
    await time.advance(10 * MIN, monitor);
    expect(notified).toEqual([
      { kind: 'newLogin', accountLabel: '@alice', place: 'Lagos, NG', ip: '203.0.113.9' },
    ]);

    await monitor.stop();
    const again = build();
    again.start();
    await time.advance(30 * MIN, again);
    expect(source.refreshCalls).toBeGreaterThan(3);
    expect(notified).toHaveLength(1);
  });

  it('announces a new login even when the other list failed to refresh (not offline)', async () => {
    const { time, source, notified, monitor } = make();
    monitor.start();
    await time.advance(STARTUP_DELAY_MS, monitor);
    // Management sessions refused for this key; the login list itself came in.
    source.failWith = Object.assign(new Error('refused'), { code: 'forbidden' });
    source.logins.push(login('intruder'));
    await time.advance(10 * MIN, monitor);
    expect(notified).toEqual([
      { kind: 'newLogin', accountLabel: '@alice', place: 'Lagos, NG', ip: '203.0.113.9' },
    ]);
    expect(monitor.getStatus()).toMatchObject({ state: 'backingOff', consecutiveFailures: 1 });
  });

  it('pauses while offline: no gateway call, the next try one interval later, no backoff', async () => {
    let online = false;
    const { time, source, monitor } = make({ online: () => online });
    monitor.start();
    await time.advance(STARTUP_DELAY_MS, monitor);
    expect(source.refreshCalls).toBe(0);
    expect(monitor.getStatus().state).toBe('offline');
    expect(time.pending()).toEqual([10 * MIN]);
    await time.advance(10 * MIN, monitor);
    expect(time.pending()).toEqual([10 * MIN]);
    online = true;
    await time.advance(10 * MIN, monitor);
    expect(source.refreshCalls).toBe(1);
    expect(monitor.getStatus()).toMatchObject({ state: 'idle', consecutiveFailures: 0 });
  });

  it('a network error from the gateway also counts as offline', async () => {
    const { time, source, monitor } = make();
    source.failWith = new DoormanError('network', 'unreachable');
    monitor.start();
    await time.advance(STARTUP_DELAY_MS, monitor);
    expect(monitor.getStatus().state).toBe('offline');
    expect(time.pending()).toEqual([10 * MIN]);
  });

  it('backs off exponentially on errors, and returns to the interval after a success', async () => {
    const { time, source, monitor } = make();
    source.failWith = new DoormanError('server', 'gateway 500');
    monitor.start();
    await time.advance(STARTUP_DELAY_MS, monitor);
    expect(monitor.getStatus().state).toBe('backingOff');
    expect(time.pending()).toEqual([20 * MIN]);
    await time.advance(20 * MIN, monitor);
    expect(time.pending()).toEqual([40 * MIN]);
    await time.advance(40 * MIN, monitor);
    expect(time.pending()).toEqual([80 * MIN]);
    source.failWith = null;
    await time.advance(80 * MIN, monitor);
    expect(time.pending()).toEqual([10 * MIN]);
    expect(source.refreshCalls).toBe(4);
  });

  it('waits at least what a rate limit asks, and hours when credits are spent', () => {
    expect(
      delayAfterFailure({ code: 'rateLimited', message: '', retryAfterSeconds: 7200 }, 1, 10 * MIN),
    ).toBe(7200_000);
    expect(delayAfterFailure({ code: 'quotaExhausted', message: '' }, 1, 10 * MIN)).toBe(360 * MIN);
    expect(delayAfterFailure({ code: 'server', message: '' }, 20, 10 * MIN)).toBe(240 * MIN);
    // A wait past what a timer can hold (about 24.8 days) would fire at once: capped at a day.
    expect(
      delayAfterFailure({ code: 'rateLimited', message: '', retryAfterSeconds: 1e7 }, 1, 10 * MIN),
    ).toBe(24 * 60 * MIN);
  });

  it('a failure of the key itself ends the round: the other accounts are not asked', async () => {
    const { time, source, monitor } = make();
    source.accounts = async () => [
      { accountId: 'fansly_a', label: '@alice' },
      { accountId: 'fansly_b', label: '@bea' },
    ];
    source.failWith = Object.assign(new Error('no credits'), { code: 'quotaExhausted' });
    monitor.start();
    await time.advance(STARTUP_DELAY_MS, monitor);
    expect(source.refreshCalls).toBe(1);
    // A refusal for one account (not the key) goes on to the next.
    source.failWith = Object.assign(new Error('refused'), { code: 'forbidden' });
    await monitor.refreshNow();
    expect(source.refreshCalls).toBe(3);
  });

  it('"Refresh now" joins a refresh under way instead of starting a second one', async () => {
    const { time, source, monitor } = make();
    let open!: () => void;
    source.gate = new Promise((resolve) => (open = resolve));
    monitor.start();
    const scheduled = time.advance(STARTUP_DELAY_MS, monitor);
    await Promise.resolve();
    const a = monitor.refreshNow();
    const b = monitor.refreshNow();
    open();
    await Promise.all([a, b, scheduled]);
    expect(source.refreshCalls).toBe(1);
    expect(source.maxInFlight).toBe(1);
    // Right after a refresh, "Refresh now" answers the fresh data without a new call.
    await monitor.refreshNow();
    expect(source.refreshCalls).toBe(1);
    time.now += 60_000;
    await monitor.refreshNow();
    expect(source.refreshCalls).toBe(2);
    // and the schedule restarts from the manual refresh.
    expect(time.pending()).toEqual([10 * MIN]);
  });

  it('reminds once about an overdue review and a contract that ends soon', async () => {
    const { time, source, notified, monitor } = make();
    source.management = [
      { id: 's1', label: 'Agency A', active: true, reviewBy: '2026-06-14' },
      { id: 's2', label: 'Editor', active: true, reviewBy: '2026-07-14' },
      { id: 's3', label: 'Gone', active: false, reviewBy: '2026-01-01' },
    ];
    source.managersList = [
      { id: 'm1', name: 'Anna', contractEnd: '2026-06-20', offboardedAt: null },
      { id: 'm2', name: 'Boris', contractEnd: '2026-09-01', offboardedAt: null },
      { id: 'm3', name: 'Carl', contractEnd: '2026-06-16', offboardedAt: '2026-06-01T00:00:00Z' },
    ];
    monitor.start();
    await time.advance(STARTUP_DELAY_MS, monitor);
    await time.advance(10 * MIN, monitor);
    expect(notified).toEqual([
      {
        kind: 'reviewDue',
        accountLabel: '@alice',
        sessionLabel: 'Agency A',
        reviewBy: '2026-06-14',
      },
      { kind: 'contractEnding', managerName: 'Anna', contractEnd: '2026-06-20' },
    ]);
    // Kept with a new review date that later passes: a new reminder.
    source.management[0]!.reviewBy = '2026-06-15';
    time.now += 24 * 60 * MIN;
    await time.advance(10 * MIN, monitor);
    expect(notified.filter((n) => n.kind === 'reviewDue')).toHaveLength(2);
  });

  it('a new interval moves the next refresh, counted from the last one', async () => {
    const { time, source, monitor, setInterval } = make();
    monitor.start();
    await time.advance(STARTUP_DELAY_MS, monitor);
    await time.advance(4 * MIN, monitor);
    setInterval(60);
    monitor.intervalChanged();
    expect(time.pending()).toEqual([56 * MIN]);
    setInterval(5);
    monitor.intervalChanged();
    expect(time.pending()).toEqual([1 * MIN]);
    await time.advance(1 * MIN, monitor);
    expect(source.refreshCalls).toBe(2);
  });

  it('an unexpected failure while reading the lists still keeps watching, with backoff', async () => {
    const { time, source, monitor } = make();
    source.openLoginSessions = async () => {
      throw new Error('store unreadable');
    };
    monitor.start();
    await time.advance(STARTUP_DELAY_MS, monitor);
    expect(monitor.getStatus()).toMatchObject({ state: 'backingOff', consecutiveFailures: 1 });
    expect(time.pending()).toEqual([20 * MIN]);
  });
});
