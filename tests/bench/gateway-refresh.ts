import { HttpGatewayClient } from '../../src/main/gateway/client';
import { startFakeGateway, type FakeGateway } from '../fake-gateway/server';
import { hrtimeMs, median, round, type BenchRow } from './lib';

const ACCOUNTS = 50;
const LATENCY_MS = 100;
const LIMIT_PER_MINUTE = 600;
const RUNS = 5;
const TARGET_RATIO = 1.2;

async function seededGateway(): Promise<FakeGateway> {
  const gateway = await startFakeGateway({
    seed: 'empty',
    latencyMs: LATENCY_MS,
    rateLimitPerMinute: LIMIT_PER_MINUTE,
  });
  for (let i = 0; i < ACCOUNTS; i++) {
    const user = gateway.state.addUser({ username: `bench_${i}`, password: 'bench-password' });
    gateway.state.connect(user, `Bench ${i}`, 'US');
    for (let s = 0; s < 3; s++)
      gateway.state.createManagementSession(user, `Agency ${s}`, ['posts']);
    gateway.state.addLoginSession(user.username);
  }
  return gateway;
}

/**
 * The least time any client could take for `requests` calls after one listing call, given
 * the gateway's latency, its per-minute sliding window (the first `limit` calls in a minute
 * are free, each further one waits for a slot) and `concurrency` calls in flight at once.
 */
export function idealMs(requests: number, concurrency: number, latencyMs: number): number {
  const latencyBound = latencyMs * (1 + Math.ceil(requests / concurrency));
  const overLimit = Math.max(0, requests + 1 - LIMIT_PER_MINUTE);
  const rateBound = (overLimit * 60_000) / LIMIT_PER_MINUTE + latencyMs;
  return Math.max(latencyBound, rateBound);
}

/**
 * A full refresh of 50 connected accounts through the one gateway client, with its default
 * settings: list the accounts, then every account's login sessions and management sessions,
 * all asked for at once (the client's limiter and concurrency cap decide the pace). Each
 * run uses a fresh fake gateway (100 ms latency, 600/min) and a fresh client.
 */
export async function measureGatewayRefresh(): Promise<BenchRow> {
  const times: number[] = [];
  const concurrencies: number[] = [];
  let rateLimited = 0;
  let maxInFlight = 0;
  const roundTrips: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const gateway = await seededGateway();
    let inFlight = 0;
    let runMaxInFlight = 0;
    const countingFetch: typeof fetch = async (input, init) => {
      inFlight += 1;
      runMaxInFlight = Math.max(runMaxInFlight, inFlight);
      const t0 = hrtimeMs();
      try {
        const response = await fetch(input, init);
        // Round trip as the client sees it: the gateway's 100 ms plus HTTP and the fake's work.
        const body = await response.text();
        roundTrips.push(hrtimeMs() - t0);
        return new Response(body, { status: response.status, headers: response.headers });
      } finally {
        inFlight -= 1;
      }
    };
    const client = new HttpGatewayClient({
      fetch: countingFetch,
      baseUrl: () => gateway.url,
      apiKey: async () => gateway.apiKey,
    });
    try {
      const started = hrtimeMs();
      const accounts = await client.listAccounts();
      if (accounts.length !== ACCOUNTS) throw new Error(`listed ${accounts.length} accounts`);
      await Promise.all(
        accounts.flatMap((account) => [
          client.listLoginSessions(account.accountId),
          client.listManagementSessions(account.accountId),
        ]),
      );
      times.push(hrtimeMs() - started);
      concurrencies.push(runMaxInFlight);
      rateLimited += gateway.requests.filter((r) => r.outcome === 429).length;
      maxInFlight = Math.max(maxInFlight, runMaxInFlight);
    } finally {
      await gateway.close();
    }
  }
  const elapsed = median(times);
  const calls = ACCOUNTS * 2;
  const concurrency = median(concurrencies);
  const roundTrip = median(roundTrips);
  // Judged against the round trip the client really met, so the fake's own overhead on
  // this machine is not blamed on the client; the nominal figure is printed beside it.
  const ideal = idealMs(calls, concurrency, roundTrip);
  const nominal = idealMs(calls, concurrency, LATENCY_MS);
  const ratio = round(elapsed / ideal, 2);
  return {
    id: 'gateway',
    name: 'refresh 50 accounts (100 ms latency, 600/min)',
    value: ratio,
    unit: '× ideal',
    target: `≤ ${TARGET_RATIO}× ideal, 0 × 429`,
    pass: ratio <= TARGET_RATIO && rateLimited === 0,
    runs: RUNS,
    note:
      `${round(elapsed)} ms for ${calls + 1} calls, ${concurrency} in flight (the client's cap); ` +
      `ideal ${round(ideal)} ms at the measured ${round(roundTrip)} ms round trip ` +
      `(${round(elapsed / nominal, 2)}× the ${round(nominal)} ms of a bare 100 ms); ` +
      `429 answers: ${rateLimited}`,
  };
}
