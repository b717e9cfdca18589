import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { HttpGatewayClient } from '../../../src/main/gateway/client';
import { GatewayError } from '../../../src/main/gateway/errors';
import { DEMO } from '../../fake-gateway/server';
import { failure, startHarness, type Harness } from './harness';

const MAIN = DEMO.accounts.main.accountId;
const CREATE = 'POST /{accountId}/management/sessions' as const;
const newSession = { label: 'Agency B', permissions: ['messages'] };

let h: Harness;
afterEach(async () => {
  await h?.close();
});

describe('GET retries what is worth retrying', () => {
  it('a 500 then success: retried once after a backoff, and the answer arrives', async () => {
    h = await startHarness();
    h.fake.faults.set('GET /accounts', { kind: 'status', status: 500, times: 1 });
    const accounts = await h.client.listAccounts();
    expect(accounts).toHaveLength(2);
    expect(h.fake.count('GET /accounts')).toBe(2);
    expect(h.clock.sleeps).toHaveLength(1);
    expect(h.clock.sleeps[0]).toBeGreaterThanOrEqual(250);
  });

  it('a gateway that keeps failing: server error after a bounded number of attempts, growing waits', async () => {
    h = await startHarness({}, { random: () => 1 });
    h.fake.faults.set('GET /accounts', { kind: 'status', status: 503 });
    const error = await failure(h.client.listAccounts());
    expect(error).toBeInstanceOf(GatewayError);
    expect(error.code).toBe('server');
    expect(error.status).toBe(503);
    expect(h.fake.count('GET /accounts')).toBe(3);
    expect(h.clock.sleeps).toEqual([500, 1000]);
  });

  it('a reset connection is a network error, retried for a GET', async () => {
    h = await startHarness();
    h.fake.faults.set('GET /{accountId}/sessions', { kind: 'reset', times: 2 });
    const sessions = await h.client.listLoginSessions(MAIN);
    expect(sessions.length).toBeGreaterThan(0);
    expect(h.fake.count('GET /{accountId}/sessions')).toBe(3);

    h.fake.faults.set('GET /{accountId}/sessions', { kind: 'reset' });
    const error = await failure(h.client.listLoginSessions(MAIN));
    expect(error.code).toBe('network');
    expect(error.status).toBeNull();
  });

  it('no answer at all is a timeout', async () => {
    h = await startHarness({}, { timeoutMs: 150, maxAttempts: 2 });
    h.fake.faults.set('GET /{accountId}/me', { kind: 'hang' });
    const started = Date.now();
    const error = await failure(h.client.getProfile(MAIN));
    expect(error.code).toBe('timeout');
    expect(h.fake.count('GET /{accountId}/me')).toBe(2);
    // Far below the 15 s default: the configured 150 ms timeout is what ended each attempt.
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('latency under the timeout is just slow, not an error', async () => {
    h = await startHarness({}, { timeoutMs: 1000 });
    h.fake.faults.set('GET /accounts', { kind: 'latency', ms: 120, times: 1 });
    expect(await h.client.listAccounts()).toHaveLength(2);
    expect(h.fake.count('GET /accounts')).toBe(1);
  });

  it('global latency applies to every route', async () => {
    h = await startHarness({ latencyMs: 60 }, { timeoutMs: 1000 });
    const started = Date.now();
    await h.client.listAccounts();
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
  });

  it('malformed JSON is malformed and not retried (the same bytes would come back)', async () => {
    h = await startHarness();
    h.fake.faults.set('GET /accounts', { kind: 'malformed', times: 1 });
    const error = await failure(h.client.listAccounts());
    expect(error.code).toBe('malformed');
    expect(h.fake.count('GET /accounts')).toBe(1);
  });
});

describe('changes are never sent twice', () => {
  it('a create under a 500 is not retried: the fake saw exactly one create and nothing was made', async () => {
    h = await startHarness();
    h.fake.faults.set(CREATE, { kind: 'status', status: 500 });
    const error = await failure(h.client.createManagementSession(MAIN, newSession));
    expect(error.code).toBe('server');
    expect(error.outcomeUnknown).toBe(true);
    expect(h.fake.count(CREATE)).toBe(1);
    expect(h.clock.sleeps).toEqual([]);
    expect(await h.client.listManagementSessions(MAIN)).toHaveLength(2);
  });

  it('a create whose answer is lost: network error marked outcomeUnknown, sent once, found by listing', async () => {
    h = await startHarness();
    h.fake.faults.set(CREATE, { kind: 'reset', afterHandling: true, times: 1 });
    const error = await failure(h.client.createManagementSession(MAIN, newSession));
    expect(error.code).toBe('network');
    expect(error.outcomeUnknown).toBe(true);
    expect(h.fake.count(CREATE)).toBe(1);
    const labels = (await h.client.listManagementSessions(MAIN)).map((s) => s.label);
    expect(labels).toContain('Agency B');
  });

  it('a create that hangs times out once, and is not repeated', async () => {
    h = await startHarness({}, { timeoutMs: 150 });
    h.fake.faults.set(CREATE, { kind: 'hang' });
    const error = await failure(h.client.createManagementSession(MAIN, newSession));
    expect(error.code).toBe('timeout');
    expect(error.outcomeUnknown).toBe(true);
    expect(h.fake.count(CREATE)).toBe(1);
  });

  it('a revoke under a 429 is not retried', async () => {
    h = await startHarness();
    const route = 'DELETE /{accountId}/management/sessions/{id}' as const;
    h.fake.faults.set(route, { kind: 'rateLimit', retryAfterSeconds: 3 });
    const error = await failure(h.client.revokeManagementSession(MAIN, '700000000000000001'));
    expect(error.code).toBe('rateLimited');
    expect(error.retryAfterSeconds).toBe(3);
    expect(h.fake.count(route)).toBe(1);
  });

  it('a create answered 2xx but unreadable is malformed with an unknown outcome', async () => {
    h = await startHarness();
    h.fake.faults.set(CREATE, { kind: 'malformed', afterHandling: true, times: 1 });
    const error = await failure(h.client.createManagementSession(MAIN, newSession));
    expect(error.code).toBe('malformed');
    expect(error.outcomeUnknown).toBe(true);
    expect(h.fake.count(CREATE)).toBe(1);
  });

  it('a change that could not connect was never sent: not an unknown outcome', async () => {
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as net.AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    h = await startHarness({}, { baseUrl: () => `http://127.0.0.1:${port}` });
    const refused = await failure(h.client.createManagementSession(MAIN, newSession));
    expect(refused.code).toBe('network');
    expect(refused.outcomeUnknown).toBe(false);
    await h.close();
    // Electron's net.fetch says so in its message.
    h = await startHarness(
      {},
      {
        fetch: async () => {
          throw new TypeError('net::ERR_INTERNET_DISCONNECTED');
        },
      },
    );
    const disconnected = await failure(h.client.revokeManagementSession(MAIN, '7000000001'));
    expect(disconnected.outcomeUnknown).toBe(false);
    // A connection cut after the request went out stays unknown (see the lost create above).
  });

  it('a failed 4xx answer is not an unknown outcome', async () => {
    h = await startHarness();
    const error = await failure(
      h.client.createManagementSession(MAIN, { label: '', permissions: [] }),
    );
    expect(error.code).toBe('badRequest');
    expect(error.outcomeUnknown).toBe(false);
  });
});

describe('rate limits and credits', () => {
  it('a 429 with retry-after: the GET waits exactly that long, then succeeds', async () => {
    h = await startHarness();
    h.fake.faults.set('GET /accounts', { kind: 'rateLimit', retryAfterSeconds: 7, times: 1 });
    expect(await h.client.listAccounts()).toHaveLength(2);
    expect(h.clock.sleeps).toEqual([7000]);
    expect(h.fake.count('GET /accounts')).toBe(2);
  });

  it('a retry-after too long to wait inside one call comes back as rateLimited with the seconds', async () => {
    h = await startHarness();
    h.fake.faults.set('GET /accounts', { kind: 'rateLimit', retryAfterSeconds: 120 });
    const error = await failure(h.client.listAccounts());
    expect(error.code).toBe('rateLimited');
    expect(error.retryAfterSeconds).toBe(120);
    expect(error.message).toContain('120 seconds');
    expect(h.fake.count('GET /accounts')).toBe(1);
  });

  it('a spent credit quota is quotaExhausted and is not retried', async () => {
    h = await startHarness({ credits: 2 });
    await h.client.listAccounts();
    await h.client.getProfile(MAIN);
    const error = await failure(h.client.listAccounts());
    expect(error.code).toBe('quotaExhausted');
    expect(error.retryAfterSeconds).toBeUndefined();
    expect(h.fake.count('GET /accounts')).toBe(2);
  });

  it('the injected quota fault reads the same way', async () => {
    h = await startHarness();
    h.fake.faults.set('GET /{accountId}/me', { kind: 'quota' });
    expect((await failure(h.client.getProfile(MAIN))).code).toBe('quotaExhausted');
  });
});

describe('routes the gateway does not offer', () => {
  it('with the assumed routes off, each assumed call is unsupported; documented ones still work', async () => {
    h = await startHarness({ assumedRoutes: false });
    const calls: [string, () => Promise<unknown>][] = [
      ['listLoginSessions', () => h.client.listLoginSessions(MAIN)],
      ['closeLoginSession', () => h.client.closeLoginSession(MAIN, '600000000000000001')],
      ['closeOtherLoginSessions', () => h.client.closeOtherLoginSessions(MAIN)],
      ['listManagementSessions', () => h.client.listManagementSessions(MAIN)],
      ['createManagementSession', () => h.client.createManagementSession(MAIN, newSession)],
      [
        'updateManagementSession',
        () => h.client.updateManagementSession(MAIN, '1', { label: 'x' }),
      ],
      ['revokeManagementSession', () => h.client.revokeManagementSession(MAIN, '1')],
      ['listPermissions', () => h.client.listPermissions(MAIN)],
    ];
    for (const [name, call] of calls) {
      const error = await failure(call());
      expect({ name, code: error.code }).toEqual({ name, code: 'unsupported' });
    }
    // Not retried either: a missing route stays missing.
    expect(h.fake.count('GET /{accountId}/sessions')).toBe(0);
    expect(h.fake.requests).toHaveLength(calls.length);
    expect(await h.client.listAccounts()).toHaveLength(2);
    expect((await h.client.sendTwoFactorCode(MAIN)).type).toBe(2);
  });

  it('the switch can be flipped at run time', async () => {
    h = await startHarness();
    expect(await h.client.listPermissions(MAIN)).not.toHaveLength(0);
    h.fake.setAssumedRoutes(false);
    expect((await failure(h.client.listPermissions(MAIN))).code).toBe('unsupported');
  });

  it('a 405 on an assumed route is unsupported too; on a documented one notFound', async () => {
    h = await startHarness();
    h.fake.faults.set('GET /{accountId}/management/permissions', { kind: 'status', status: 405 });
    expect((await failure(h.client.listPermissions(MAIN))).code).toBe('unsupported');
    h.fake.faults.set('GET /accounts/by-ids', { kind: 'status', status: 405 });
    expect((await failure(h.client.getAccountsByNativeIds(['1']))).code).toBe('notFound');
  });
});

describe('odd answers', () => {
  it('a proxy error page (HTML 502) is a server error, not malformed', async () => {
    h = await startHarness({}, { maxAttempts: 1 });
    h.fake.faults.set('GET /accounts', {
      kind: 'body',
      status: 502,
      body: '<html><body>Bad gateway</body></html>',
      headers: { 'Content-Type': 'text/html' },
    });
    expect((await failure(h.client.listAccounts())).code).toBe('server');
  });

  it('HTTP 200 whose inner answer failed with a 2FA message is twoFactorRequired', async () => {
    h = await startHarness();
    h.fake.faults.set('PATCH /{accountId}/management/sessions/{id}', {
      kind: 'body',
      status: 200,
      body: {
        statusCode: 200,
        message: 'Success',
        data: {
          status_code: 403,
          data: { success: false, error: { details: 'Two-Factor authentication required' } },
        },
      },
    });
    const error = await failure(
      h.client.updateManagementSession(MAIN, '700000000000000001', { label: 'x' }),
    );
    expect(error.code).toBe('twoFactorRequired');
  });

  it('an account list with one unreadable item is malformed as a whole, not silently shortened', async () => {
    h = await startHarness();
    h.fake.faults.set('GET /{accountId}/sessions', {
      kind: 'body',
      status: 200,
      body: {
        statusCode: 200,
        message: 'Success',
        data: { status_code: 200, data: { success: true, response: [{ id: '1' }, { ip: 'x' }] } },
      },
    });
    expect((await failure(h.client.listLoginSessions(MAIN))).code).toBe('malformed');
  });

  it('numbers for ids and seconds for times are accepted', async () => {
    h = await startHarness();
    h.fake.faults.set('GET /{accountId}/management/sessions', {
      kind: 'body',
      status: 200,
      body: {
        statusCode: 200,
        message: 'Success',
        data: {
          status_code: 200,
          data: {
            success: true,
            response: [
              { id: 42, name: 'n', permissions: [1, 'posts'], createdAt: 1_700_000_000, status: 1 },
            ],
          },
        },
      },
    });
    expect(await h.client.listManagementSessions(MAIN)).toEqual([
      {
        id: '42',
        label: 'n',
        permissions: ['1', 'posts'],
        createdAt: new Date(1_700_000_000_000).toISOString(),
        lastUsedAt: null,
        status: '1',
      },
    ]);
  });
});

describe('secrets', () => {
  it('the API key, codes and links never appear in an error message or a log line', async () => {
    h = await startHarness();
    const key = h.fake.apiKey;
    // Only the hanging call gets a short timeout, so a busy machine cannot fail the others.
    const impatient = new HttpGatewayClient({
      fetch: globalThis.fetch,
      baseUrl: () => h.fake.url,
      apiKey: async () => key,
      log: h.log,
      timeoutMs: 100,
      maxAttempts: 2,
      sleep: h.clock.sleep,
      now: h.clock.now,
    });
    const errors: Error[] = [];
    const collect = async (promise: Promise<unknown>) => {
      try {
        await promise;
      } catch (error) {
        errors.push(error as Error);
      }
    };
    // A gateway that echoes the key back in its message (some do, in "invalid key" errors).
    h.fake.faults.set('GET /accounts', {
      kind: 'body',
      status: 400,
      body: { statusCode: 400, message: `key ${key} is not valid here`, data: null },
      times: 1,
    });
    await collect(h.client.listAccounts());
    h.fake.faults.set('GET /{accountId}/me', { kind: 'hang', times: 2 });
    await collect(impatient.getProfile(MAIN));
    h.fake.faults.set('GET /{accountId}/sessions', { kind: 'reset' });
    await collect(h.client.listLoginSessions(MAIN));
    h.fake.faults.set('GET /{accountId}/management/sessions', { kind: 'malformed' });
    await collect(h.client.listManagementSessions(MAIN));
    await collect(h.client.verifyKey('wrong-key-abcdef'));
    const created = await h.client.createManagementSession(MAIN, newSession);
    h.log.info('created session', { link: created.link });
    h.log.info(`copied ${created.link}`);
    const sent = await h.client.sendTwoFactorCode(MAIN);
    h.log.info(`token ${sent.token}`);

    expect(errors.map((e) => (e as GatewayError).code)).toEqual([
      'badRequest',
      'timeout',
      'network',
      'malformed',
      'unauthorized',
    ]);
    const token = created.link.split('/').pop()!;
    const everything = [
      ...h.log.lines,
      ...errors.map((e) => `${e.message} ${JSON.stringify(e)} ${String(e.cause ?? '')}`),
      ...errors.map((e) => (e as GatewayError).gatewayMessage ?? ''),
    ].join('\n');
    expect(h.log.lines.length).toBeGreaterThan(5);
    for (const secret of [key, token, sent.token, 'wrong-key-abcdef']) {
      expect(everything).not.toContain(secret);
    }
    expect((errors[0] as GatewayError).gatewayMessage).toContain('[redacted]');
  });
});
