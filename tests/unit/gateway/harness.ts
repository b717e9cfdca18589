import { createMemoryLogger } from '../../../src/main/platform/log';
import { HttpGatewayClient, type HttpGatewayClientOptions } from '../../../src/main/gateway/client';
import {
  startFakeGateway,
  type FakeGateway,
  type FakeGatewayOptions,
} from '../../fake-gateway/server';

/**
 * A virtual clock shared by the client (backoff, limiter) and the fake (rate window), so
 * tests that "wait a minute" take milliseconds. HTTP timeouts stay real (and short).
 */
export function virtualClock(start = Date.UTC(2026, 10, 23, 12, 0, 0)) {
  const clock = {
    t: start,
    sleeps: [] as number[],
    now: () => clock.t,
    sleep: async (ms: number) => {
      clock.sleeps.push(ms);
      clock.t += ms;
      // Let other requests run, as a real wait would.
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
  return clock;
}

export interface Harness {
  fake: FakeGateway;
  client: HttpGatewayClient;
  clock: ReturnType<typeof virtualClock>;
  log: ReturnType<typeof createMemoryLogger>;
  /** Everything thrown in the test, for the "no secret anywhere" checks. */
  close(): Promise<void>;
}

export async function startHarness(
  fakeOptions: FakeGatewayOptions = {},
  clientOptions: Partial<HttpGatewayClientOptions> = {},
): Promise<Harness> {
  const clock = virtualClock();
  const fake = await startFakeGateway({ now: clock.now, fixedTwoFactorCode: null, ...fakeOptions });
  const log = createMemoryLogger();
  const client = new HttpGatewayClient({
    fetch: globalThis.fetch,
    baseUrl: () => fake.url,
    apiKey: async () => fake.apiKey,
    log,
    // Generous: the machine may be busy. Tests of hangs pass their own short timeout.
    timeoutMs: 3000,
    sleep: clock.sleep,
    now: clock.now,
    random: () => 0.5,
    ...clientOptions,
  });
  return { fake, client, clock, log, close: () => fake.close() };
}

/** Runs a promise that must fail and returns what it threw. */
export async function failure(promise: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    return error as Error & Record<string, unknown>;
  }
  throw new Error('expected the call to fail, but it succeeded');
}
