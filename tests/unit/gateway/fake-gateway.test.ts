import { afterEach, describe, expect, it } from 'vitest';
import { DEMO, startFakeGateway, type FakeGateway } from '../../fake-gateway/server';

/** The fake itself: what other tests (services, web e2e) lean on must hold. */

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw JSON off the wire, asserted field by field
type Json = any;

let fake: FakeGateway;
afterEach(async () => {
  await fake?.close();
});

async function get(path: string, key: string | null = fake.apiKey) {
  const response = await fetch(`${fake.url}/api/fansly${path}`, {
    headers: key === null ? {} : { 'x-api-key': key },
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Json,
  };
}

describe('fake gateway', () => {
  it('listens on 127.0.0.1 on a free port and checks the key', async () => {
    fake = await startFakeGateway();
    expect(fake.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await get('/accounts', null)).status).toBe(401);
    expect((await get('/accounts', 'nope')).status).toBe(401);
    const forbidden = await get('/accounts', fake.forbiddenApiKey);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.message).not.toMatch(/2fa|two-factor/i);
    expect(fake.requests.map((r) => r.keyUsed)).toEqual(['missing', 'invalid', 'forbidden']);
  });

  it('sends the documented rate headers and the documented 429 body', async () => {
    let t = 1_000_000;
    fake = await startFakeGateway({ rateLimitPerMinute: 2, plan: 'Starter', now: () => t });
    const first = await get('/accounts');
    expect(first.headers.get('x-ratelimit-limit')).toBe('2');
    expect(first.headers.get('x-ratelimit-remaining')).toBe('1');
    expect(first.headers.get('x-ratelimit-plan')).toBe('Starter');
    t += 10_000;
    await get('/accounts');
    t += 5_000;
    const limited = await get('/accounts');
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({
      statusCode: 429,
      message: 'Rate limit exceeded. Please wait before making more requests.',
      data: null,
    });
    expect(limited.headers.get('x-ratelimit-retry-after')).toBe('45');
    t += 45_000;
    expect((await get('/accounts')).status).toBe(200);
    expect(fake.rateLimitedCount()).toBe(1);
  });

  it('the seed 002 route answers HTTP 200 with statusCode 201 and inner status_code 200', async () => {
    fake = await startFakeGateway();
    const response = await fetch(
      `${fake.url}/api/fansly/${DEMO.accounts.main.accountId}/twofa/session`,
      {
        method: 'POST',
        headers: { 'x-api-key': fake.apiKey, 'Content-Type': 'application/json' },
        body: JSON.stringify({ useEmailTwoFAFallback: true }),
      },
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as Json;
    expect(body.statusCode).toBe(201);
    expect(body.message).toBe('Success');
    expect(body.data.status_code).toBe(200);
    expect(body.data.data.success).toBe(true);
    expect(Object.keys(body.data.data.response.emailTwofa).sort()).toEqual([
      'email',
      'id',
      'token',
      'type',
    ]);
    expect(typeof body.timestamp).toBe('string');
  });

  it('faults apply the given number of times, per route', async () => {
    fake = await startFakeGateway();
    fake.faults.set('GET /accounts', { kind: 'status', status: 500, times: 2 });
    expect((await get('/accounts')).status).toBe(500);
    expect((await get(`/${DEMO.accounts.main.accountId}/me`)).status).toBe(200);
    expect((await get('/accounts')).status).toBe(500);
    expect((await get('/accounts')).status).toBe(200);
    expect(fake.count('GET /accounts')).toBe(3);
  });

  it('assumed routes off: 404 with the envelope; reset brings back seed, settings and an empty log', async () => {
    fake = await startFakeGateway();
    fake.setAssumedRoutes(false);
    const missing = await get(`/${DEMO.accounts.main.accountId}/sessions`);
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ statusCode: 404, data: null });
    fake.state.connections.clear();
    fake.reset();
    expect(fake.requests).toHaveLength(0);
    expect(fake.settings.assumedRoutes).toBe(true);
    expect((await get('/accounts')).body.data).toHaveLength(2);
  });

  it('claiming a management link activates the session once (what a manager does)', async () => {
    fake = await startFakeGateway();
    const user = fake.state.users.get(DEMO.accounts.main.username)!;
    const session = fake.state.createManagementSession(user, 'x', ['posts']);
    expect(fake.state.claimManagementSession(session.claimToken)?.status).toBe('active');
    expect(fake.state.claimManagementSession(session.claimToken)).toBeUndefined();
  });

  it('can start empty', async () => {
    fake = await startFakeGateway({ seed: 'empty' });
    expect((await get('/accounts')).body.data).toEqual([]);
  });
});
