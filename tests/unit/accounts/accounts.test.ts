import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConnectedAccount, GatewayClient } from '../../../src/main/gateway/types';
import { EventBus } from '../../../src/main/platform/events';
import { createMemoryLogger } from '../../../src/main/platform/log';
import { createTestSecretBox } from '../../../src/main/platform/secret-box';
import { createMemoryRecorder } from '../../../src/main/services/activity-recorder';
import {
  AccountsService,
  CONNECT_CHALLENGE_TTL_MS,
  connectionState,
} from '../../../src/main/services/accounts';
import { VaultService } from '../../../src/main/services/vault';
import { readEveryFile } from '../vault/files';
import { createHandGateway } from './hand-gateway';

const KEY = 'fk_live_accounts_test_key_9876';
const PASSWORD = 'correct horse battery staple';

let dir: string;
let now: Date;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doorman-accounts-'));
  now = new Date('2026-11-23T10:00:00Z');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function setup(options: { withKey?: boolean; backend?: string } = {}) {
  const log = createMemoryLogger();
  const activity = createMemoryRecorder();
  const events = new EventBus();
  const clock = () => now;
  // eslint-disable-next-line prefer-const -- assigned after the gateway that reads it
  let vault!: VaultService;
  const gateway = createHandGateway({ validKey: KEY, apiKey: () => vault.getKey() });
  vault = new VaultService({
    dataDir: dir,
    secretBox: createTestSecretBox({ backend: options.backend ?? 'test' }),
    gateway: gateway.client,
    events,
    activity,
    log,
    clock,
    gatewayBaseUrl: () => 'https://gateway.example',
  });
  const accounts = new AccountsService({
    dataDir: dir,
    gateway: gateway.client,
    vault,
    events,
    activity,
    log,
    clock,
  });
  await vault.start();
  accounts.start();
  if (options.withKey !== false) await vault.setKey({ apiKey: KEY });
  return { vault, accounts, gateway, log, activity };
}

const connectInput = {
  username: 'creator',
  password: PASSWORD,
  label: 'Main page',
  countryCode: 'de',
};

describe('accounts', () => {
  it('lists accounts from the gateway with their profile, and caches them with the time', async () => {
    const { accounts, gateway } = await setup();
    gateway.addUser('creator', PASSWORD);
    await accounts.connect(connectInput);
    const list = await accounts.refresh();
    expect(list.offline).toBe(false);
    expect(list.asOf).toBe(now.toISOString());
    expect(list.accounts).toEqual([
      {
        accountId: 'fansly_creator',
        nativeId: '900014',
        username: 'creator',
        displayName: 'creator (profile)',
        label: 'Main page',
        connectionState: 'connected',
        lastRefreshedAt: now.toISOString(),
      },
    ]);
    expect(gateway.calls.filter((c) => c.method === 'getProfile')).toHaveLength(1);
  });

  it('does not ask the gateway again while the list is fresh, and fetches a profile at most daily', async () => {
    const { accounts, gateway } = await setup();
    gateway.addUser('creator', PASSWORD);
    await accounts.connect(connectInput);
    await accounts.list();
    const calls = gateway.calls.length;
    await accounts.list();
    expect(gateway.calls.length).toBe(calls);
    now = new Date(now.getTime() + 6 * 60_000);
    await accounts.list();
    expect(gateway.calls.filter((c) => c.method === 'listAccounts')).toHaveLength(2);
    expect(gateway.calls.filter((c) => c.method === 'getProfile')).toHaveLength(1);
  });

  it('serves the last-known list marked offline, with its time, when the gateway is unreachable', async () => {
    const first = await setup();
    first.gateway.addUser('creator', PASSWORD);
    await first.accounts.connect(connectInput);
    const fresh = await first.accounts.refresh();

    // A new run, gateway down: the cached list and its as-of time come back.
    now = new Date('2026-11-23T12:30:00Z');
    const second = await setup({ withKey: false });
    second.gateway.setOffline('network');
    const list = await second.accounts.list();
    expect(list.offline).toBe(true);
    expect(list.asOf).toBe(fresh.asOf);
    expect(list.accounts.map((a) => a.username)).toEqual(['creator']);
    expect(list.error?.code).toBe('network');

    second.gateway.setOffline(null);
    second.gateway.accounts.set('fansly_creator', {
      accountId: 'fansly_creator',
      nativeId: '1',
      username: 'creator',
      displayName: 'Creator',
      label: 'Main page',
      status: 'active',
    });
    const back = await second.accounts.list();
    expect(back).toMatchObject({ offline: false, asOf: now.toISOString() });
    expect(back.error).toBeUndefined();
  });

  it('without a key it lists nothing and says a key is needed, without calling the gateway', async () => {
    const { accounts, gateway } = await setup({ withKey: false });
    const list = await accounts.list();
    expect(list).toMatchObject({ accounts: [], offline: false, error: { code: 'noApiKey' } });
    expect(gateway.calls).toEqual([]);
    await expect(accounts.connect(connectInput)).rejects.toMatchObject({ code: 'noApiKey' });
  });

  it('connects with 2FA: a wrong code keeps the challenge open, the right one connects', async () => {
    const { accounts, gateway, activity } = await setup();
    gateway.addUser('creator', PASSWORD, true);
    const started = await accounts.connect(connectInput);
    expect(started).toMatchObject({ status: 'twoFactorRequired', deliveryHint: 'c***@m***.com' });
    if (started.status !== 'twoFactorRequired') throw new Error('expected 2FA');
    expect(JSON.stringify(started)).not.toMatch(/connect-token/);
    expect(accounts.pendingConnects()).toBe(1);

    const wrong = await accounts.verifyConnect({
      challengeId: started.challengeId,
      code: '000000',
    });
    expect(wrong).toEqual({ status: 'wrongCode', triesLeft: 4 });
    expect(accounts.pendingConnects()).toBe(1);

    const right = await accounts.verifyConnect({
      challengeId: started.challengeId,
      code: '246810',
    });
    expect(right).toMatchObject({ status: 'connected', account: { username: 'creator' } });
    // The password went with the challenge.
    expect(accounts.pendingConnects()).toBe(0);
    await expect(
      accounts.verifyConnect({ challengeId: started.challengeId, code: '246810' }),
    ).rejects.toMatchObject({ code: 'notFound' });

    expect((await accounts.refresh()).accounts.map((a) => a.accountId)).toEqual(['fansly_creator']);
    expect(activity.events.map((e) => e.kind)).toContain('accountConnected');
    const verifyCall = gateway.calls.find((c) => c.method === 'verifyConnectTwoFactor');
    expect(verifyCall?.args[0]).toMatchObject({
      password: PASSWORD,
      name: 'Main page',
      countryCode: 'DE',
    });
  });

  it('closes a sign-in after too many wrong codes', async () => {
    const { accounts, gateway } = await setup();
    gateway.addUser('creator', PASSWORD, true);
    const started = await accounts.connect(connectInput);
    if (started.status !== 'twoFactorRequired') throw new Error('expected 2FA');
    let last;
    for (let i = 0; i < 5; i++) {
      last = await accounts.verifyConnect({ challengeId: started.challengeId, code: '111111' });
    }
    expect(last).toEqual({ status: 'wrongCode', triesLeft: 0 });
    expect(accounts.pendingConnects()).toBe(0);
  });

  it('forgets a pending sign-in after ten minutes', async () => {
    const { accounts, gateway } = await setup();
    gateway.addUser('creator', PASSWORD, true);
    const started = await accounts.connect(connectInput);
    if (started.status !== 'twoFactorRequired') throw new Error('expected 2FA');
    expect(Date.parse(started.expiresAt) - now.getTime()).toBe(CONNECT_CHALLENGE_TTL_MS);
    now = new Date(now.getTime() + CONNECT_CHALLENGE_TTL_MS + 1);
    expect(accounts.pendingConnects()).toBe(0);
    await expect(
      accounts.verifyConnect({ challengeId: started.challengeId, code: '246810' }),
    ).rejects.toMatchObject({ code: 'notFound' });
  });

  it('a gateway outage during the code step keeps the challenge for another try', async () => {
    const { accounts, gateway } = await setup();
    gateway.addUser('creator', PASSWORD, true);
    const started = await accounts.connect(connectInput);
    if (started.status !== 'twoFactorRequired') throw new Error('expected 2FA');
    gateway.setOffline('timeout');
    await expect(
      accounts.verifyConnect({ challengeId: started.challengeId, code: '246810' }),
    ).rejects.toMatchObject({ code: 'timeout' });
    gateway.setOffline(null);
    expect(
      (await accounts.verifyConnect({ challengeId: started.challengeId, code: '246810' })).status,
    ).toBe('connected');
  });

  it('never writes the password to a store file or a log line', async () => {
    const { accounts, gateway, log } = await setup();
    gateway.addUser('creator', PASSWORD, true);
    const started = await accounts.connect(connectInput);
    if (started.status !== 'twoFactorRequired') throw new Error('expected 2FA');
    await accounts.verifyConnect({ challengeId: started.challengeId, code: '999999' });
    // While the sign-in waits for its code, a failure that quoted the password is redacted.
    log.error(`gateway said: bad password ${PASSWORD}`);
    await expect(
      accounts.connect({ ...connectInput, password: 'wrong-password-42' }),
    ).rejects.toMatchObject({
      code: 'badRequest',
    });
    await accounts.verifyConnect({ challengeId: started.challengeId, code: '246810' });
    await accounts.refresh();
    for (const { file, text } of readEveryFile(dir)) {
      expect(text.includes(PASSWORD), file).toBe(false);
      expect(text.includes('wrong-password-42'), file).toBe(false);
    }
    expect(log.lines.length).toBeGreaterThan(0);
    expect(log.lines.join('\n')).toContain('[redacted]');
    expect(log.lines.join('\n')).not.toContain(PASSWORD);
    expect(log.lines.join('\n')).not.toContain('wrong-password-42');
  });

  it('an unexpected failure that quotes the password is logged redacted and answered plainly', async () => {
    const { accounts, gateway, log } = await setup();
    gateway.client.connect = async (input) => {
      throw new Error(`socket hang up while sending ${JSON.stringify(input)} pw=${input.password}`);
    };
    await expect(accounts.connect(connectInput)).rejects.toMatchObject({
      code: 'internal',
      message: expect.not.stringContaining(PASSWORD),
    });
    expect(log.lines.join('\n')).toContain('connecting failed unexpectedly');
    expect(log.lines.join('\n')).not.toContain(PASSWORD);
  });

  it('rejects an unknown country code with a clear message and calls nothing', async () => {
    const { accounts, gateway } = await setup();
    const before = gateway.calls.length;
    for (const countryCode of ['XX', 'Germany', '', 'D1']) {
      await expect(accounts.connect({ ...connectInput, countryCode })).rejects.toMatchObject({
        code: 'invalidInput',
        fields: ['countryCode'],
      });
    }
    expect(gateway.calls.length).toBe(before);
  });

  it('disconnects: gone from the gateway and the cache, recorded; already gone counts as done', async () => {
    const { accounts, gateway, activity } = await setup();
    gateway.addUser('creator', PASSWORD);
    await accounts.connect(connectInput);
    await accounts.disconnect('fansly_creator');
    expect(gateway.accounts.size).toBe(0);
    expect((await accounts.refresh()).accounts).toEqual([]);
    expect(activity.events.map((e) => e.kind)).toContain('accountDisconnected');
    await expect(accounts.disconnect('fansly_creator')).resolves.toBeUndefined();
  });

  it('refuses to disconnect while offline and keeps the account listed', async () => {
    const { accounts, gateway } = await setup();
    gateway.addUser('creator', PASSWORD);
    await accounts.connect(connectInput);
    gateway.setOffline('network');
    await expect(accounts.disconnect('fansly_creator')).rejects.toMatchObject({ code: 'network' });
    expect(accounts.cached().map((a) => a.accountId)).toEqual(['fansly_creator']);
  });

  it('after a keychain change the last-known list is still shown, marked offline, asking for the key', async () => {
    const first = await setup();
    first.gateway.addUser('creator', PASSWORD);
    await first.accounts.connect(connectInput);
    const fresh = await first.accounts.refresh();

    const second = await setup({ withKey: false, backend: 'kwallet5' });
    const list = await second.accounts.list();
    expect(list).toMatchObject({ offline: true, asOf: fresh.asOf, error: { code: 'noApiKey' } });
    expect(list.accounts.map((a) => a.accountId)).toEqual(['fansly_creator']);
    expect(second.gateway.calls).toEqual([]);
  });

  it('forgets the cached accounts when the key is removed (they belonged to that key)', async () => {
    const { accounts, gateway, vault } = await setup();
    gateway.addUser('creator', PASSWORD);
    await accounts.connect(connectInput);
    await vault.removeKey();
    expect(accounts.cached()).toEqual([]);
  });

  it('a list asked for with the previous key is not kept once the key is replaced', async () => {
    const account = (id: string): ConnectedAccount => ({
      accountId: id,
      nativeId: '1',
      username: id,
      displayName: id,
      label: null,
      status: 'active',
    });
    // eslint-disable-next-line prefer-const -- assigned after the gateway that reads it
    let vault!: VaultService;
    let answerOldKey!: (list: ConnectedAccount[]) => void;
    const askedWith: string[] = [];
    const gateway = {
      verifyKey: async () => undefined,
      listAccounts: async () => {
        const key = (await vault.getKey())!;
        askedWith.push(key);
        if (key === 'old-key-1234')
          return new Promise<ConnectedAccount[]>((r) => (answerOldKey = r));
        return [account('fansly_of_new_key')];
      },
    } as unknown as GatewayClient;
    const common = {
      dataDir: dir,
      events: new EventBus(),
      activity: createMemoryRecorder(),
      log: createMemoryLogger(),
      clock: () => now,
    };
    vault = new VaultService({
      ...common,
      secretBox: createTestSecretBox(),
      gateway,
      gatewayBaseUrl: () => 'https://gateway.example',
    });
    const accounts = new AccountsService({ ...common, gateway, vault });
    await vault.start();
    accounts.start();
    await vault.setKey({ apiKey: 'old-key-1234' });
    const asked = accounts.refresh();
    await vi.waitFor(() => expect(askedWith).toEqual(['old-key-1234']));
    await vault.setKey({ apiKey: 'new-key-5678' });
    answerOldKey([account('fansly_of_old_key')]);
    // The refresh under way answers for the key in use now, and so does the cache.
    expect((await asked).accounts.map((a) => a.accountId)).toEqual(['fansly_of_new_key']);
    expect(accounts.cached().map((a) => a.accountId)).toEqual(['fansly_of_new_key']);
    expect(askedWith).toEqual(['old-key-1234', 'new-key-5678']);
  });

  it('reads the gateway status into a connection state', () => {
    expect(connectionState(null)).toBe('connected');
    expect(connectionState('active')).toBe('connected');
    expect(connectionState('expired')).toBe('needsReconnect');
    expect(connectionState('weird')).toBe('unknown');
  });
});
