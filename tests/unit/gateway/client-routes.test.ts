import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GatewayError } from '../../../src/main/gateway/errors';
import { DEMO } from '../../fake-gateway/server';
import { failure, startHarness, type Harness } from './harness';

const MAIN = DEMO.accounts.main.accountId;
const SECOND = DEMO.accounts.second.accountId;

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

describe('accounts', () => {
  it('lists the connected accounts with both ids kept apart', async () => {
    const accounts = await h.client.listAccounts();
    expect(accounts.map((a) => a.accountId).sort()).toEqual([MAIN, SECOND].sort());
    const main = accounts.find((a) => a.accountId === MAIN)!;
    expect(main).toEqual({
      accountId: MAIN,
      nativeId: '281474976710656001',
      username: 'demo_creator',
      displayName: 'Demo Creator',
      label: 'Main account',
      status: 'active',
    });
  });

  it('checks a key with one cheap call, and a rejected key is unauthorized', async () => {
    await h.client.verifyKey(h.fake.apiKey);
    await h.client.verifyKey();
    expect(h.fake.count('GET /accounts')).toBe(2);
    const error = await failure(h.client.verifyKey('not-the-right-key'));
    expect(error).toBeInstanceOf(GatewayError);
    expect(error.code).toBe('unauthorized');
    expect(error.status).toBe(401);
  });

  it('a key without permission is forbidden, not unauthorized', async () => {
    const error = await failure(h.client.verifyKey(h.fake.forbiddenApiKey));
    expect(error.code).toBe('forbidden');
  });

  it('reads a profile from the nested envelope', async () => {
    const profile = await h.client.getProfile(MAIN);
    expect(profile).toEqual({
      id: '281474976710656001',
      username: 'demo_creator',
      displayName: 'Demo Creator',
      avatarUrl: 'https://cdn.example.invalid/avatars/demo.png',
    });
  });

  it('an unknown account id on a documented route is notFound', async () => {
    const error = await failure(h.client.getProfile('fansly_nope'));
    expect(error.code).toBe('notFound');
  });

  it('looks accounts up by native ids, de-duplicated, and sends nothing for an empty list', async () => {
    const found = await h.client.getAccountsByNativeIds([
      '281474976710656002',
      '281474976710656002',
      '281474976710656003',
    ]);
    expect(found.map((p) => p.username)).toEqual(['second_creator', 'locked_creator']);
    const request = h.fake.requests.find((r) => r.route === 'GET /accounts/by-ids')!;
    expect(decodeURIComponent(request.query)).toBe('?ids=281474976710656002,281474976710656003');

    expect(await h.client.getAccountsByNativeIds([])).toEqual([]);
    expect(h.fake.count('GET /accounts/by-ids')).toBe(1);
    await expect(h.client.getAccountsByNativeIds([MAIN])).rejects.toMatchObject({
      code: 'invalidInput',
    });
    expect(h.fake.count('GET /accounts/by-ids')).toBe(1);
  });

  it('connects an account that needs no 2FA', async () => {
    const result = await h.client.connect({
      username: 'fresh_creator',
      password: 'pw-123456',
      name: 'Fresh',
      countryCode: 'de',
    });
    expect(result.kind).toBe('connected');
    if (result.kind !== 'connected') return;
    expect(result.account.accountId).toMatch(/^fansly_/);
    expect(result.account.username).toBe('fresh_creator');
    expect(result.account.label).toBe('Fresh');
    const sent = h.fake.requests.find((r) => r.route === 'POST /connect')!.body;
    expect(sent).toMatchObject({ countryCode: 'DE' });
    expect((await h.client.listAccounts()).length).toBe(3);
  });

  it('connects an account that needs 2FA: challenge, wrong code keeps it open, right code connects', async () => {
    const input = {
      username: DEMO.twoFactorUsername,
      password: DEMO.password,
      name: 'Locked',
      countryCode: 'US',
    };
    const result = await h.client.connect(input);
    expect(result).toMatchObject({
      kind: 'twoFactorRequired',
      deliveryHint: 'l*********r@g****.com',
    });
    if (result.kind !== 'twoFactorRequired') return;
    expect(result.twoFactorToken.length).toBeGreaterThan(8);

    const wrong = await failure(
      h.client.verifyConnectTwoFactor({
        ...input,
        twoFactorToken: result.twoFactorToken,
        twoFactorCode: h.fake.lastCode() === '000000' ? '111111' : '000000',
      }),
    );
    expect(wrong.code).toBe('badRequest');

    const account = await h.client.verifyConnectTwoFactor({
      ...input,
      twoFactorToken: result.twoFactorToken,
      twoFactorCode: h.fake.lastCode()!,
    });
    expect(account.username).toBe(DEMO.twoFactorUsername);
    expect((await h.client.listAccounts()).map((a) => a.accountId)).toContain(account.accountId);
  });

  it('a wrong password is a bad request, and nothing is connected', async () => {
    const error = await failure(
      h.client.connect({
        username: DEMO.accounts.main.username,
        password: 'wrong',
        name: 'x',
        countryCode: 'PT',
      }),
    );
    expect(error.code).toBe('badRequest');
  });

  it('disconnects, after which the account is gone', async () => {
    await h.client.disconnect(SECOND);
    expect((await h.client.listAccounts()).map((a) => a.accountId)).toEqual([MAIN]);
    const again = await failure(h.client.disconnect(SECOND));
    expect(again.code).toBe('notFound');
  });
});

describe('2FA codes (seed 002)', () => {
  it('sends a code with useEmailTwoFAFallback and reads the masked e-mail', async () => {
    const sent = await h.client.sendTwoFactorCode(MAIN);
    expect(sent.maskedEmail).toBe('d*********r@g****.com');
    expect(sent.type).toBe(2);
    expect(sent.token).toBe(h.fake.state.sentCodes.at(-1)!.token);
    expect(h.fake.requests.at(-1)!.body).toEqual({ useEmailTwoFAFallback: true });
  });

  it('verifies the code; a wrong code (HTTP 200, inner success false) fails and can be retried', async () => {
    const sent = await h.client.sendTwoFactorCode(MAIN);
    const code = h.fake.lastCode()!;
    const wrong = await failure(
      h.client.verifyTwoFactorCode(MAIN, {
        token: sent.token,
        code: code === '000000' ? '111111' : '000000',
      }),
    );
    expect(wrong.code).toBe('badRequest');
    await h.client.verifyTwoFactorCode(MAIN, { token: sent.token, code });
    expect(h.fake.requests.at(-1)!.body).toEqual({ token: sent.token, code, mode: 1 });
    expect(h.fake.state.stepUps.at(-1)!.verified).toBe(true);
  });
});

describe('login sessions', () => {
  it('lists them with place, time in ms and the current flag', async () => {
    const sessions = await h.client.listLoginSessions(MAIN);
    expect(sessions).toHaveLength(3);
    const lagos = sessions.find((s) => s.id === '600000000000000002')!;
    expect(lagos).toEqual({
      id: '600000000000000002',
      ip: '198.51.100.201',
      city: 'Lagos',
      stateCode: 'LA',
      countryCode: 'NG',
      lastUsedAt: h.clock.t - 20 * 60_000,
      status: 'active',
      deviceId: null,
      device: 'Mozilla/5.0 (Linux; Android 10) Chrome/120.0 Mobile',
      current: false,
    });
    expect(sessions.filter((s) => s.current)).toHaveLength(1);
  });

  it('closes one session, then all except the current one', async () => {
    await h.client.closeLoginSession(MAIN, '600000000000000002');
    expect((await h.client.listLoginSessions(MAIN)).map((s) => s.id)).not.toContain(
      '600000000000000002',
    );
    await h.client.closeOtherLoginSessions(MAIN);
    const left = await h.client.listLoginSessions(MAIN);
    expect(left).toHaveLength(1);
    expect(left[0]!.current).toBe(true);
  });

  it('closing a session the gateway no longer has is unsupported-safe: never looks done', async () => {
    // 404 on an assumed route reads as "not offered": the caller re-lists to learn more.
    const error = await failure(h.client.closeLoginSession(MAIN, 'gone'));
    expect(error.code).toBe('unsupported');
  });
});

describe('management sessions', () => {
  it('lists them with ISO times converted from epoch ms', async () => {
    const sessions = await h.client.listManagementSessions(MAIN);
    expect(sessions.map((s) => s.label)).toEqual(['Agency: chat team', 'Assistant: scheduling']);
    const chat = sessions[0]!;
    expect(chat.permissions).toEqual(['messages', 'massMessages', 'mediaVault']);
    expect(chat.createdAt).toBe(new Date(h.clock.t - 30 * 24 * 3_600_000).toISOString());
    expect(sessions[1]!.lastUsedAt).toBeNull();
    expect(JSON.stringify(sessions)).not.toContain('claim');
  });

  it('creates one with a one-time claim link, registered as a secret', async () => {
    const created = await h.client.createManagementSession(MAIN, {
      label: 'New agency',
      permissions: ['posts', 'messages'],
    });
    expect(created.link).toMatch(/^https:\/\/fansly\.com\/managementsession\/claim\/[0-9a-f]+$/);
    expect(created).toMatchObject({
      label: 'New agency',
      permissions: ['posts', 'messages'],
      status: 'pending',
    });
    expect(h.fake.count('POST /{accountId}/management/sessions')).toBe(1);
    const { redact } = await import('../../../src/main/platform/log');
    expect(redact(`copied ${created.link.split('/').pop()}`)).not.toContain(
      created.link.split('/').pop(),
    );
    expect((await h.client.listManagementSessions(MAIN)).map((s) => s.id)).toContain(created.id);
  });

  it('an invalid create is a bad request', async () => {
    const error = await failure(
      h.client.createManagementSession(MAIN, { label: '', permissions: ['posts'] }),
    );
    expect(error.code).toBe('badRequest');
  });

  it('editing asks for 2FA, then succeeds with a verified proof, which works once', async () => {
    const id = '700000000000000001';
    const first = await failure(h.client.updateManagementSession(MAIN, id, { label: 'Renamed' }));
    expect(first.code).toBe('twoFactorRequired');
    expect(first.status).toBe(403);

    const sent = await h.client.sendTwoFactorCode(MAIN);
    const proof = { token: sent.token, code: h.fake.lastCode()! };
    // An unverified proof is not enough.
    const unverified = await failure(
      h.client.updateManagementSession(MAIN, id, { label: 'Renamed' }, proof),
    );
    expect(unverified.code).toBe('twoFactorRequired');

    await h.client.verifyTwoFactorCode(MAIN, proof);
    const updated = await h.client.updateManagementSession(
      MAIN,
      id,
      { label: 'Renamed', permissions: ['messages'] },
      proof,
    );
    expect(updated).toMatchObject({ id, label: 'Renamed', permissions: ['messages'] });
    expect(h.fake.requests.at(-1)!.body).toEqual({
      label: 'Renamed',
      permissions: ['messages'],
      twofa: proof,
    });

    const reused = await failure(
      h.client.updateManagementSession(MAIN, id, { label: 'Again' }, proof),
    );
    expect(reused.code).toBe('twoFactorRequired');
  });

  it('revokes one at once', async () => {
    await h.client.revokeManagementSession(MAIN, '700000000000000002');
    expect((await h.client.listManagementSessions(MAIN)).map((s) => s.id)).toEqual([
      '700000000000000001',
    ]);
  });

  it('lists the access-level options', async () => {
    const permissions = await h.client.listPermissions(MAIN);
    expect(permissions.length).toBeGreaterThan(10);
    expect(permissions[0]).toEqual({ id: 'posts', label: 'Posts and the homepage' });
  });
});

describe('before any request', () => {
  it('no key: noApiKey, and the gateway is never called', async () => {
    const { HttpGatewayClient } = await import('../../../src/main/gateway/client');
    const client = new HttpGatewayClient({
      fetch: globalThis.fetch,
      baseUrl: () => h.fake.url,
      apiKey: async () => '   ',
    });
    await expect(client.listAccounts()).rejects.toMatchObject({ code: 'noApiKey' });
    expect(h.fake.requests).toHaveLength(0);
  });

  it('a plain-http base URL that is not loopback is refused without a call', async () => {
    const { HttpGatewayClient } = await import('../../../src/main/gateway/client');
    let called = 0;
    const client = new HttpGatewayClient({
      fetch: (async () => {
        called += 1;
        return new Response('{}');
      }) as typeof fetch,
      baseUrl: () => 'http://gateway.example.com',
      apiKey: async () => 'key-123456',
    });
    await expect(client.listAccounts()).rejects.toMatchObject({ code: 'invalidInput' });
    expect(called).toBe(0);
  });

  it('ids are URL-encoded into paths, so one cannot reach another route', async () => {
    const error = await failure(h.client.getProfile('../accounts'));
    expect(error.code).toBe('notFound');
    expect(h.fake.requests.at(-1)!.path).toBe('/..%2Faccounts/me');
  });
});
