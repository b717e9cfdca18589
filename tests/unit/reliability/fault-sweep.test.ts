/**
 * Fault sweep: every gateway route under every fault the fake gateway can inject. Whatever
 * goes wrong, Doorman gets a typed, plain-language error (never a crash, a hang or a leaked
 * key), a request that changes something is sent exactly once, and a management session is
 * never created twice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GatewayError, GATEWAY_ERROR_CODES } from '../../../src/main/gateway/errors';
import { HttpGatewayClient } from '../../../src/main/gateway/client';
import { ROUTES, type RouteName } from '../../../src/main/gateway/routes';
import type { GatewayClient } from '../../../src/main/gateway/types';
import {
  startFakeGateway,
  type FakeGateway,
  type FakeRouteKey,
  type FaultRule,
} from '../../fake-gateway/server';
import { DEMO } from '../../fake-gateway/state';
import { isOutcomeUnknown } from '../../../src/main/services/sessions/errors';

const MAIN = DEMO.accounts.main.accountId;
const MAX_ATTEMPTS = 3;

/** One valid call per route: the fault, not the input, must be what fails. */
const CALLS: Record<RouteName, (client: GatewayClient) => Promise<unknown>> = {
  connect: (c) =>
    c.connect({
      username: DEMO.accounts.second.username,
      password: DEMO.password,
      name: 'Fault sweep',
      countryCode: 'US',
    }),
  verifyConnectTwoFactor: (c) =>
    c.verifyConnectTwoFactor({
      username: DEMO.twoFactorUsername,
      password: DEMO.password,
      name: 'Fault sweep',
      countryCode: 'US',
      twoFactorToken: 'fault-sweep-token',
      twoFactorCode: '123456',
    }),
  listAccounts: (c) => c.listAccounts(),
  accountsByIds: (c) => c.getAccountsByNativeIds(['281474976710656001']),
  profile: (c) => c.getProfile(MAIN),
  disconnect: (c) => c.disconnect(MAIN),
  sendTwoFactorCode: (c) => c.sendTwoFactorCode(MAIN),
  verifyTwoFactorCode: (c) => c.verifyTwoFactorCode(MAIN, { token: 'fault-sweep', code: '123456' }),
  listLoginSessions: (c) => c.listLoginSessions(MAIN),
  closeLoginSessions: (c) => c.closeLoginSession(MAIN, '600000000000000001'),
  listManagementSessions: (c) => c.listManagementSessions(MAIN),
  createManagementSession: (c) =>
    c.createManagementSession(MAIN, { label: 'Fault sweep', permissions: ['posts'] }),
  updateManagementSession: (c) =>
    c.updateManagementSession(MAIN, '700000000000000001', { label: 'Fault sweep' }),
  revokeManagementSession: (c) => c.revokeManagementSession(MAIN, '700000000000000001'),
  listPermissions: (c) => c.listPermissions(MAIN),
};

interface FaultCase {
  name: string;
  rule: FaultRule;
  /** The code (or one of the codes) the creator may see for this route. */
  expected: (route: RouteName) => string | string[];
}

const isAssumed = (route: RouteName) => ROUTES[route].status === 'assumed';

const FAULTS: FaultCase[] = [
  { name: 'HTTP 500', rule: { kind: 'status', status: 500 }, expected: () => 'server' },
  { name: 'HTTP 503', rule: { kind: 'status', status: 503 }, expected: () => 'server' },
  {
    name: '429 with retry-after',
    rule: { kind: 'rateLimit', retryAfterSeconds: 1 },
    expected: () => 'rateLimited',
  },
  { name: 'credit quota spent', rule: { kind: 'quota' }, expected: () => 'quotaExhausted' },
  { name: 'malformed JSON', rule: { kind: 'malformed' }, expected: () => 'malformed' },
  { name: 'connection reset', rule: { kind: 'reset' }, expected: () => 'network' },
  { name: 'no answer', rule: { kind: 'hang' }, expected: () => 'timeout' },
  { name: 'HTTP 400', rule: { kind: 'status', status: 400 }, expected: () => 'badRequest' },
  { name: 'HTTP 401', rule: { kind: 'status', status: 401 }, expected: () => 'unauthorized' },
  { name: 'HTTP 403', rule: { kind: 'status', status: 403 }, expected: () => 'forbidden' },
  {
    name: '403 asking for 2FA',
    rule: { kind: 'status', status: 403, message: 'Two-factor (2FA) verification required.' },
    expected: () => 'twoFactorRequired',
  },
  {
    name: 'HTTP 404',
    rule: { kind: 'status', status: 404 },
    expected: (route) => (isAssumed(route) ? 'unsupported' : 'notFound'),
  },
  {
    name: 'HTTP 405',
    rule: { kind: 'status', status: 405 },
    // On a documented route either reading is fair; it must just not look like a crash.
    expected: (route) => (isAssumed(route) ? 'unsupported' : ['notFound', 'badRequest']),
  },
  {
    name: 'envelope that is not JSON-shaped',
    rule: { kind: 'body', status: 200, body: 'null' },
    expected: () => 'malformed',
  },
];

/** The fake names the session id `{id}`; the client's table names it `{sessionId}`. */
function fakeRouteKey(route: RouteName): FakeRouteKey {
  const spec = ROUTES[route];
  return `${spec.method} ${spec.path.replace('{sessionId}', '{id}')}` as FakeRouteKey;
}

let gateway: FakeGateway;

/** Short timeouts where an answer is never coming; generous ones where it must succeed. */
function newClient(timeoutMs = 5_000): HttpGatewayClient {
  // Backoff and retry-after are honoured on a clock that jumps ahead instead of waiting.
  let skippedMs = 0;
  return new HttpGatewayClient({
    fetch: globalThis.fetch,
    baseUrl: () => gateway.url,
    apiKey: async () => gateway.apiKey,
    timeoutMs,
    maxAttempts: MAX_ATTEMPTS,
    now: () => Date.now() + skippedMs,
    sleep: async (ms) => {
      skippedMs += ms;
      await new Promise((resolve) => setTimeout(resolve, 1));
    },
  });
}

async function failureOf(call: Promise<unknown>): Promise<unknown> {
  try {
    await call;
  } catch (error) {
    return error;
  }
  return null;
}

function mainSessionCount(): number {
  return gateway.state.userOf(MAIN)?.managementSessions.length ?? -1;
}

const ROUTE_NAMES = Object.keys(ROUTES) as RouteName[];

describe('fault sweep: every gateway route under every injected fault', () => {
  beforeAll(async () => {
    gateway = await startFakeGateway({ rateLimitPerMinute: null });
  });
  afterAll(async () => {
    await gateway.close();
  });

  it('knows a call for every route in the route table', () => {
    expect(Object.keys(CALLS).sort()).toEqual([...ROUTE_NAMES].sort());
  });

  const cases = ROUTE_NAMES.flatMap((route) =>
    FAULTS.map((fault) => [route, fault.name, fault] as const),
  );

  it.each(cases)(
    '%s, %s: a typed clear error, sent once unless a safe GET',
    async (route, _n, fault) => {
      gateway.reset();
      gateway.faults.set(fakeRouteKey(route), fault.rule);
      const sessionsBefore = mainSessionCount();

      const error = await failureOf(CALLS[route](newClient(250)));

      expect(error, 'the call should have failed').toBeInstanceOf(GatewayError);
      const gatewayError = error as GatewayError;
      expect([fault.expected(route)].flat()).toContain(gatewayError.code);
      expect(GATEWAY_ERROR_CODES).toContain(gatewayError.code);
      const shown = gatewayError.toAppError();
      expect(shown.message.length).toBeGreaterThan(10);
      for (const secret of [gateway.apiKey, gateway.url, '127.0.0.1', 'fault-sweep-token']) {
        expect(shown.message).not.toContain(secret);
      }

      const attempts = gateway.requests.filter((r) => r.route === fakeRouteKey(route)).length;
      if (ROUTES[route].method === 'GET') {
        expect(attempts).toBeGreaterThanOrEqual(1);
        expect(attempts).toBeLessThanOrEqual(MAX_ATTEMPTS);
      } else {
        // Never retried blindly: a create, close or revoke reaches the gateway once at most.
        expect(attempts).toBe(1);
      }
      expect(mainSessionCount()).toBe(sessionsBefore);
    },
  );

  it.each(ROUTE_NAMES)(
    '%s with the assumed routes removed: unsupported if assumed, else works',
    async (route) => {
      gateway.reset();
      gateway.setAssumedRoutes(false);
      const error = await failureOf(CALLS[route](newClient()));
      if (isAssumed(route)) {
        expect(error).toBeInstanceOf(GatewayError);
        expect((error as GatewayError).code).toBe('unsupported');
      } else if (error !== null) {
        // A documented route still answers; only its own business errors may remain.
        expect(error).toBeInstanceOf(GatewayError);
        expect((error as GatewayError).code).not.toBe('unsupported');
      }
      gateway.setAssumedRoutes(true);
    },
  );

  const lostAnswers: FaultCase[] = [
    { name: 'reset', rule: { kind: 'reset', afterHandling: true }, expected: () => 'network' },
    { name: 'no answer', rule: { kind: 'hang', afterHandling: true }, expected: () => 'timeout' },
    {
      name: '500',
      rule: { kind: 'status', status: 500, afterHandling: true },
      expected: () => 'server',
    },
    {
      name: 'malformed',
      rule: { kind: 'malformed', afterHandling: true },
      expected: () => 'malformed',
    },
  ];

  it.each(lostAnswers.map((f) => [f.name, f] as const))(
    'a create whose answer is lost (%s) is sent once, marked outcome-unknown, and exists once',
    async (_name, fault) => {
      gateway.reset();
      const route: RouteName = 'createManagementSession';
      gateway.faults.set(fakeRouteKey(route), fault.rule);
      const before = mainSessionCount();

      const error = await failureOf(CALLS[route](newClient(250)));

      expect(error).toBeInstanceOf(GatewayError);
      expect([fault.expected(route)].flat()).toContain((error as GatewayError).code);
      // The services' reading of "it may have happened": they then list instead of re-sending.
      expect(isOutcomeUnknown(error)).toBe(true);
      expect(gateway.count(fakeRouteKey(route))).toBe(1);
      // It did happen on the gateway, once: listing again finds exactly one.
      expect(mainSessionCount()).toBe(before + 1);
      gateway.faults.clear();
      const listed = await newClient().listManagementSessions(MAIN);
      expect(listed.filter((s) => s.label === 'Fault sweep')).toHaveLength(1);
    },
  );

  it('a short burst of 429s on a GET is waited out and succeeds without extra calls', async () => {
    gateway.reset();
    gateway.faults.set(fakeRouteKey('listAccounts'), {
      kind: 'rateLimit',
      retryAfterSeconds: 1,
      times: 1,
    });
    const accounts = await newClient().listAccounts();
    expect(accounts.length).toBeGreaterThan(0);
    expect(gateway.count(fakeRouteKey('listAccounts'))).toBe(2);
  });
});
