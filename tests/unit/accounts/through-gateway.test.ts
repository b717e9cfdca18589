import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/main/core';
import { createTestCore } from '../../test-core';
import { createMemoryLogger } from '../../../src/main/platform/log';
import { DEMO, startFakeGateway, type FakeGateway } from '../../fake-gateway/server';
import { readEveryFile } from '../vault/files';

/**
 * The whole path a creator takes, through the real handler table, the real HTTP client and
 * the fake gateway on 127.0.0.1: key → connect with 2FA → listed → gateway down → offline.
 */
let gateway: FakeGateway;
let dir: string;
let core: Core;
let log: ReturnType<typeof createMemoryLogger>;
let answers: string[];

beforeAll(async () => {
  gateway = await startFakeGateway({ seed: 'demo', fixedTwoFactorCode: '482913' });
});
afterAll(async () => {
  await gateway.close();
});

beforeEach(async () => {
  gateway.reset();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doorman-accounts-e2e-'));
  log = createMemoryLogger();
  answers = [];
  core = createTestCore(dir, { fetch, log });
  core.events.subscribe((event, payload) => answers.push(JSON.stringify({ event, payload })));
  await core.start();
  await core.settings.set({ gatewayBaseUrl: gateway.url });
  return async () => {
    await core.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
});

async function call(channel: string, input?: unknown) {
  const result = await core.dispatch(channel, input);
  answers.push(JSON.stringify(result));
  // Answers are checked field by field below; their exact types are the contract's business.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return result as { ok: boolean; data?: any; error?: { code: string } };
}

describe('accounts through the real client and the fake gateway', () => {
  it('key → connect an account that needs 2FA (wrong code, then right) → listed → offline with its time', async () => {
    expect((await call('vault:setKey', { apiKey: 'not-a-real-key-123' })).error?.code).toBe(
      'unauthorized',
    );
    const status = await call('vault:setKey', { apiKey: gateway.apiKey });
    expect(status.data).toMatchObject({
      isSet: true,
      checked: true,
      lastFour: gateway.apiKey.slice(-4),
    });

    const started = await call('accounts:connect', {
      username: DEMO.twoFactorUsername,
      password: DEMO.password,
      label: 'Locked one',
      countryCode: 'pt',
    });
    expect(started.data).toMatchObject({
      status: 'twoFactorRequired',
      deliveryHint: 'l*********r@g****.com',
    });
    const challengeId = started.data.challengeId as string;

    const wrong = await call('accounts:verifyConnect', { challengeId, code: '000000' });
    expect(wrong.data).toEqual({ status: 'wrongCode', triesLeft: 4 });
    const right = await call('accounts:verifyConnect', { challengeId, code: '482 913' });
    expect(right.data).toMatchObject({
      status: 'connected',
      account: { username: DEMO.twoFactorUsername },
    });

    const listed = await call('accounts:refresh');
    expect(listed.data.offline).toBe(false);
    expect(listed.data.accounts.map((a: { username: string }) => a.username).sort()).toEqual(
      [DEMO.accounts.main.username, DEMO.accounts.second.username, DEMO.twoFactorUsername].sort(),
    );
    const main = listed.data.accounts.find(
      (a: { accountId: string }) => a.accountId === DEMO.accounts.main.accountId,
    );
    expect(main).toMatchObject({ displayName: 'Demo Creator', nativeId: '281474976710656001' });

    gateway.faults.set('GET /accounts', { kind: 'reset' });
    const offline = await call('accounts:refresh');
    expect(offline.data).toMatchObject({ offline: true, asOf: listed.data.asOf });
    expect(offline.data.accounts).toHaveLength(3);

    // The key and the password never crossed the bridge, reached a file or a log line.
    const traffic = answers.join('\n');
    expect(traffic).not.toContain(gateway.apiKey);
    expect(traffic).not.toContain(DEMO.password);
    for (const { file, text } of readEveryFile(dir)) {
      expect(text.includes(gateway.apiKey), file).toBe(false);
      expect(text.includes(DEMO.password), file).toBe(false);
    }
    expect(log.lines.join('\n')).not.toContain(gateway.apiKey);
    expect(log.lines.join('\n')).not.toContain(DEMO.password);
  });

  it('the 2FA code step sends exactly as seed 002 and its verified proof is consumed once', async () => {
    await call('vault:setKey', { apiKey: gateway.apiKey });
    const accountId = DEMO.accounts.main.accountId;
    const sent = await call('twofa:send', { accountId });
    expect(sent.data.maskedEmail).toBe('d*********r@g****.com');
    const request = gateway.requests.find((r) => r.route === 'POST /{accountId}/twofa/session');
    expect(request?.body).toEqual({ useEmailTwoFAFallback: true });

    const wrong = await call('twofa:verify', {
      accountId,
      challengeId: sent.data.challengeId,
      code: '1111',
    });
    expect(wrong.data).toEqual({ status: 'wrongCode', triesLeft: 4 });
    const ok = await call('twofa:verify', {
      accountId,
      challengeId: sent.data.challengeId,
      code: gateway.lastCode(),
    });
    expect(ok.data).toEqual({ status: 'verified' });
    const proof = core.twoFactor.consumeVerified(accountId, sent.data.challengeId);
    expect(proof.code).toBe(gateway.lastCode());
    expect(() => core.twoFactor.consumeVerified(accountId, sent.data.challengeId)).toThrow();
    expect(answers.join('\n')).not.toContain(proof.token);
  });

  it('an unreachable gateway lets the key be saved unchecked only when asked', async () => {
    gateway.faults.set('GET /accounts', { kind: 'reset' });
    const refused = await call('vault:setKey', { apiKey: gateway.apiKey });
    expect(refused.error?.code).toBe('network');
    expect((await call('vault:status')).data.isSet).toBe(false);
    const saved = await call('vault:setKey', { apiKey: gateway.apiKey, saveUnchecked: true });
    expect(saved.data).toMatchObject({ isSet: true, checked: false });
    gateway.faults.clear();
    expect((await call('vault:checkKey')).data.checked).toBe(true);
  });

  it('a key saved for one gateway address is never sent to another', async () => {
    await call('vault:setKey', { apiKey: gateway.apiKey });
    const other = await startFakeGateway({});
    try {
      await core.settings.set({ gatewayBaseUrl: other.url });
      expect((await call('vault:status')).data).toMatchObject({
        isSet: true,
        gatewayChanged: true,
      });
      expect((await call('vault:checkKey')).error?.code).toBe('noApiKey');
      expect((await call('accounts:refresh')).data.error?.code).toBe('noApiKey');
      expect(other.requests).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it('refuses an unknown country before anything reaches the gateway', async () => {
    await call('vault:setKey', { apiKey: gateway.apiKey });
    const before = gateway.requests.length;
    const result = await call('accounts:connect', {
      username: 'someone',
      password: 'pw-123456',
      label: '',
      countryCode: 'ZZ',
    });
    expect(result.error).toMatchObject({ code: 'invalidInput', fields: ['countryCode'] });
    expect(gateway.requests.length).toBe(before);
  });
});
