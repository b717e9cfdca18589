import { afterEach, describe, expect, it } from 'vitest';
import { HttpGatewayClient } from '../../../src/main/gateway/client';
import { RequestLimiter } from '../../../src/main/gateway/limiter';
import { DEMO } from '../../fake-gateway/server';
import { startHarness, virtualClock, type Harness } from './harness';

const MAIN = DEMO.accounts.main.accountId;

let h: Harness;
afterEach(async () => {
  await h?.close();
});

describe('the client never trips the gateway limit in normal use', () => {
  it('a burst of 25 reads under a 10-per-minute limit: all succeed, zero 429s, spread over minutes', async () => {
    h = await startHarness({ rateLimitPerMinute: 10 });
    const started = h.clock.t;
    const results = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        i % 2 ? h.client.listAccounts() : h.client.getProfile(MAIN),
      ),
    );
    expect(results).toHaveLength(25);
    expect(h.fake.rateLimitedCount()).toBe(0);
    expect(h.fake.requests.every((r) => r.outcome === 200)).toBe(true);
    expect(h.fake.requests).toHaveLength(25);
    // 25 requests at 10 per minute need at least two further windows.
    expect(h.clock.t - started).toBeGreaterThanOrEqual(120_000);
  });

  it('without the limiter the same fake does answer 429 (so the test above can fail)', async () => {
    h = await startHarness({ rateLimitPerMinute: 3 });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const response = await fetch(`${h.fake.url}/api/fansly/accounts`, {
        headers: { 'x-api-key': h.fake.apiKey },
      });
      statuses.push(response.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
  });

  it('budget already spent by another app on the same key: the client waits instead of hitting 429', async () => {
    h = await startHarness({ rateLimitPerMinute: 5 });
    for (let i = 0; i < 4; i += 1) {
      await fetch(`${h.fake.url}/api/fansly/accounts`, {
        headers: { 'x-api-key': h.fake.apiKey },
      });
    }
    // One left: our first call learns "Remaining: 0"; the next ones must wait for the window.
    await h.client.listAccounts();
    await h.client.listAccounts();
    await h.client.listAccounts();
    expect(h.fake.rateLimitedCount()).toBe(0);
    expect(h.clock.sleeps.length).toBeGreaterThan(0);
  });

  it('refreshing 50 accounts at 100 ms latency under the Starter limit: no 429, requests overlap', async () => {
    h = await startHarness({ seed: 'empty', latencyMs: 100, rateLimitPerMinute: 600 });
    const ids: string[] = [];
    for (let i = 0; i < 50; i += 1) {
      const user = h.fake.state.addUser({ username: `creator_${i}`, password: 'pw' });
      ids.push(h.fake.state.connect(user, `Account ${i}`, 'US').accountId);
    }
    let inFlight = 0;
    let peak = 0;
    const client = new HttpGatewayClient({
      fetch: async (input, init) => {
        inFlight += 1;
        peak = Math.max(peak, inFlight);
        try {
          return await fetch(input, init);
        } finally {
          inFlight -= 1;
        }
      },
      baseUrl: () => h.fake.url,
      apiKey: async () => h.fake.apiKey,
      timeoutMs: 10_000,
      sleep: h.clock.sleep,
      now: h.clock.now,
    });
    const sessions = await Promise.all(ids.map((id) => client.listLoginSessions(id)));
    expect(sessions.every((list) => list.length === 1 && list[0]!.current)).toBe(true);
    expect(h.fake.rateLimitedCount()).toBe(0);
    expect(h.fake.requests).toHaveLength(50);
    // Overlapping up to the default cap of 4: about 1.3 s instead of 5 s one at a time.
    expect(peak).toBe(4);
  });

  it('caps requests in flight, and sends only one until the first answer tells it the limit', async () => {
    const clock = virtualClock();
    h = await startHarness({ latencyMs: 30 });
    let inFlight = 0;
    const peaks: number[] = [];
    const countingFetch: typeof fetch = async (input, init) => {
      inFlight += 1;
      peaks.push(inFlight);
      try {
        return await fetch(input, init);
      } finally {
        inFlight -= 1;
      }
    };
    const client = new HttpGatewayClient({
      fetch: countingFetch,
      baseUrl: () => h.fake.url,
      apiKey: async () => h.fake.apiKey,
      maxConcurrent: 3,
      timeoutMs: 2000,
      sleep: clock.sleep,
      now: clock.now,
    });
    await Promise.all(Array.from({ length: 10 }, () => client.listAccounts()));
    expect(peaks[0]).toBe(1);
    expect(peaks[1]).toBe(1);
    expect(Math.max(...peaks)).toBe(3);
    expect(peaks).toHaveLength(10);
  });
});

describe('RequestLimiter on its own', () => {
  it('learns the limit from headers and holds the next request for the window', async () => {
    const clock = virtualClock(0);
    const limiter = new RequestLimiter({ maxConcurrent: 2, now: clock.now, sleep: clock.sleep });
    const headers = (limit: number, remaining: number) =>
      new Headers({
        'X-RateLimit-Limit': String(limit),
        'X-RateLimit-Remaining': String(remaining),
      });
    for (let i = 0; i < 2; i += 1) {
      const release = await limiter.acquire();
      limiter.observe(headers(2, 1 - i));
      release();
    }
    expect(clock.t).toBe(0);
    const release = await limiter.acquire();
    expect(clock.t).toBe(60_000);
    release();
  });

  it('after a 429 nobody sends before the retry-after has passed', async () => {
    const clock = virtualClock(0);
    const limiter = new RequestLimiter({ maxConcurrent: 2, now: clock.now, sleep: clock.sleep });
    const release = await limiter.acquire();
    limiter.observe(new Headers({ 'X-RateLimit-Limit': '600', 'X-RateLimit-Remaining': '0' }));
    limiter.blockFor(9);
    release();
    (await limiter.acquire())();
    expect(clock.t).toBe(9000);
  });

  it('an unlimited plan (no numbers) never waits', async () => {
    const clock = virtualClock(0);
    const limiter = new RequestLimiter({ maxConcurrent: 4, now: clock.now, sleep: clock.sleep });
    for (let i = 0; i < 50; i += 1) {
      const release = await limiter.acquire();
      limiter.observe(new Headers({ 'X-RateLimit-Limit': 'unlimited' }));
      release();
    }
    expect(clock.sleeps).toEqual([]);
  });
});
