import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EventBus } from '../../../src/main/platform/events';
import { createMemoryLogger } from '../../../src/main/platform/log';
import { createTestSecretBox, type SecretBox } from '../../../src/main/platform/secret-box';
import { createMemoryRecorder } from '../../../src/main/services/activity-recorder';
import { VaultService } from '../../../src/main/services/vault';
import { createHandGateway } from '../accounts/hand-gateway';
import { readEveryFile } from './files';

const KEY = 'fk_live_7d3c1b9a5e2f4081cafe4321';

let dir: string;
/** The gateway address in the settings, as the vault reads it. */
let gatewayAddress: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doorman-vault-'));
  gatewayAddress = 'https://gateway.example/';
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function setup(options: { box?: SecretBox } = {}) {
  const box = options.box ?? createTestSecretBox();
  const log = createMemoryLogger();
  const activity = createMemoryRecorder();
  const events = new EventBus();
  const topics: string[] = [];
  events.subscribe((_event, payload) => topics.push(...(payload as { topics: string[] }).topics));
  // eslint-disable-next-line prefer-const -- assigned after the gateway that reads it
  let vault!: VaultService;
  const gateway = createHandGateway({ validKey: KEY, apiKey: () => vault.getKey() });
  vault = new VaultService({
    dataDir: dir,
    secretBox: box,
    gateway: gateway.client,
    events,
    activity,
    log,
    clock: () => new Date('2026-11-23T10:00:00Z'),
    gatewayBaseUrl: () => gatewayAddress,
  });
  return { vault, gateway, log, activity, topics, box };
}

function expectKeyNowhereOnDisk(key = KEY) {
  const files = readEveryFile(dir);
  expect(files.length).toBeGreaterThan(0);
  for (const { file, text } of files) {
    expect(text.includes(key), `${file} holds the key in plain text`).toBe(false);
    expect(text.includes(Buffer.from(key).toString('base64')), `${file} holds it as base64`).toBe(
      false,
    );
  }
}

describe('API key vault', () => {
  it('checks a new key, saves it encrypted, and tells the renderer only that it is set and its last four', async () => {
    const { vault, gateway, activity } = setup();
    const status = await vault.setKey({ apiKey: `  ${KEY}\n` });
    expect(status).toMatchObject({ isSet: true, lastFour: '4321', checked: true, backend: 'test' });
    expect(JSON.stringify(status)).not.toContain(KEY);
    expect(gateway.calls.map((c) => c.method)).toEqual(['verifyKey']);
    expect(await vault.getKey()).toBe(KEY);
    expectKeyNowhereOnDisk();
    const stored = JSON.parse(fs.readFileSync(path.join(dir, 'vault.json'), 'utf8'));
    expect(typeof stored.data.cipher).toBe('string');
    expect(activity.events.map((e) => e.kind)).toEqual(['keySet']);
  });

  it('reads the saved key back after a restart, still without it being on disk', async () => {
    await setup().vault.setKey({ apiKey: KEY });
    const restarted = setup();
    await restarted.vault.start();
    expect(await restarted.vault.getKey()).toBe(KEY);
    expect((await restarted.vault.status()).lastFour).toBe('4321');
    expectKeyNowhereOnDisk();
  });

  it('hands the key out only for the gateway address it was saved for', async () => {
    const { vault } = setup();
    await vault.setKey({ apiKey: KEY });
    // The address is changed (by the creator, or by a script in the window).
    gatewayAddress = 'https://attacker.example';
    expect(await vault.keyFor('https://attacker.example')).toBeNull();
    expect(await vault.getKey()).toBeNull();
    expect(await vault.status()).toMatchObject({ isSet: true, gatewayChanged: true });
    await expect(vault.checkKey()).rejects.toMatchObject({
      code: 'noApiKey',
      message: expect.stringMatching(/another gateway address/),
    });
    // Same origin, another path or a trailing slash: the same gateway.
    expect(await vault.keyFor('https://gateway.example/v2')).toBe(KEY);
    // Entered again for the new address, it goes there (and only there).
    await vault.setKey({ apiKey: KEY });
    expect(await vault.keyFor('https://attacker.example')).toBe(KEY);
    expect(await vault.keyFor('https://gateway.example')).toBeNull();
    expect((await vault.status()).gatewayChanged).toBe(false);
  });

  it('binds a key saved before keys had an address to the address in use at the next start', async () => {
    await setup().vault.setKey({ apiKey: KEY });
    const file = path.join(dir, 'vault.json');
    const stored = JSON.parse(fs.readFileSync(file, 'utf8'));
    delete stored.data.gatewayOrigin;
    fs.writeFileSync(file, JSON.stringify(stored));
    const restarted = setup();
    await restarted.vault.start();
    expect(await restarted.vault.getKey()).toBe(KEY);
    gatewayAddress = 'https://elsewhere.example';
    expect(await restarted.vault.getKey()).toBeNull();
  });

  it('refuses an empty or whitespace key with a clear message and keeps the saved one', async () => {
    const { vault } = setup();
    await vault.setKey({ apiKey: KEY });
    for (const apiKey of ['', '   ', '\n\t']) {
      await expect(vault.setKey({ apiKey })).rejects.toMatchObject({
        code: 'invalidInput',
        fields: ['apiKey'],
      });
    }
    await expect(vault.setKey({ apiKey: 'two words here' })).rejects.toMatchObject({
      code: 'invalidInput',
    });
    expect(await vault.getKey()).toBe(KEY);
  });

  it('saves nothing when the gateway rejects the key (401)', async () => {
    const { vault, activity } = setup();
    await expect(vault.setKey({ apiKey: 'fk_wrong_key_0000' })).rejects.toMatchObject({
      code: 'unauthorized',
      message: expect.stringMatching(/rejected this key/),
    });
    expect((await vault.status()).isSet).toBe(false);
    expect(readEveryFile(dir).some((f) => f.text.includes('fk_wrong_key_0000'))).toBe(false);
    expect(activity.events).toEqual([]);
  });

  it('a rejected replacement leaves the working key in place', async () => {
    const { vault } = setup();
    await vault.setKey({ apiKey: KEY });
    await expect(vault.setKey({ apiKey: 'fk_wrong_key_0000' })).rejects.toMatchObject({
      code: 'unauthorized',
    });
    expect(await vault.getKey()).toBe(KEY);
    expect((await vault.status()).lastFour).toBe('4321');
  });

  it('when the gateway is unreachable it saves the key only if asked, and marks it unchecked', async () => {
    const { vault, gateway } = setup();
    gateway.setOffline('network');
    await expect(vault.setKey({ apiKey: KEY })).rejects.toMatchObject({ code: 'network' });
    expect((await vault.status()).isSet).toBe(false);

    const status = await vault.setKey({ apiKey: KEY, saveUnchecked: true });
    expect(status).toMatchObject({ isSet: true, checked: false, lastFour: '4321' });
    expectKeyNowhereOnDisk();

    gateway.setOffline(null);
    expect((await vault.checkKey()).checked).toBe(true);
  });

  it('a timeout is treated like the gateway being unreachable', async () => {
    const { vault, gateway } = setup();
    gateway.setOffline('timeout');
    await expect(vault.setKey({ apiKey: KEY })).rejects.toMatchObject({ code: 'timeout' });
    expect((await vault.setKey({ apiKey: KEY, saveUnchecked: true })).checked).toBe(false);
  });

  it('on Linux basic_text it refuses to save until the creator agrees the key is not OS-protected', async () => {
    const { vault, gateway } = setup({
      box: createTestSecretBox({ osProtected: false, backend: 'basic_text' }),
    });
    await expect(vault.setKey({ apiKey: KEY })).rejects.toMatchObject({ code: 'consentRequired' });
    expect(gateway.calls).toEqual([]);
    expect((await vault.status()).isSet).toBe(false);

    const status = await vault.setKey({ apiKey: KEY, acceptUnprotected: true });
    expect(status).toMatchObject({ isSet: true, osProtected: false, backend: 'basic_text' });
    expectKeyNowhereOnDisk();
  });

  it('reports a changed keychain backend instead of decrypting with it, and records it once', async () => {
    await setup({ box: createTestSecretBox({ backend: 'gnome_libsecret' }) }).vault.setKey({
      apiKey: KEY,
    });

    const afterChange = setup({
      box: createTestSecretBox({ backend: 'basic_text', osProtected: false }),
    });
    await afterChange.vault.start();
    const status = await afterChange.vault.status();
    expect(status).toMatchObject({ isSet: true, backendChanged: true, backend: 'basic_text' });
    expect(await afterChange.vault.getKey()).toBeNull();
    expect(afterChange.activity.events.map((e) => e.kind)).toEqual(['keychainBackendChanged']);
    expect(afterChange.log.lines.join('\n')).toMatch(/gnome_libsecret.*basic_text/);

    const again = setup({
      box: createTestSecretBox({ backend: 'basic_text', osProtected: false }),
    });
    await again.vault.start();
    expect(again.activity.events).toEqual([]);

    // Re-entering the key under the new backend clears the flag.
    const reentered = await again.vault.setKey({ apiKey: KEY, acceptUnprotected: true });
    expect(reentered.backendChanged).toBe(false);
    expect(await again.vault.getKey()).toBe(KEY);
  });

  it('a saved key that no longer decrypts is reported unreadable, not used', async () => {
    await setup().vault.setKey({ apiKey: KEY });
    const broken: SecretBox = {
      ...createTestSecretBox(),
      decrypt: async () => {
        throw new Error('keychain locked');
      },
    };
    const { vault } = setup({ box: broken });
    expect(await vault.status()).toMatchObject({ isSet: true, unreadable: true });
    expect(await vault.getKey()).toBeNull();
  });

  it('removing the key forgets it in memory and on disk and records it', async () => {
    const { vault, activity, topics } = setup();
    await vault.setKey({ apiKey: KEY });
    const status = await vault.removeKey();
    expect(status).toMatchObject({ isSet: false, lastFour: null });
    expect(await vault.getKey()).toBeNull();
    expect(activity.events.map((e) => e.kind)).toEqual(['keySet', 'keyRemoved']);
    expect(topics).toContain('vault');
    const stored = JSON.parse(fs.readFileSync(path.join(dir, 'vault.json'), 'utf8'));
    expect(stored.data.cipher).toBeNull();
  });

  it('never writes the key to a log line, even when a failure message quotes it', async () => {
    const { vault, log, gateway } = setup();
    gateway.setOffline('network');
    await vault.setKey({ apiKey: KEY, saveUnchecked: true }).catch(() => undefined);
    log.error(`something failed with ${KEY}`);
    expect(log.lines.length).toBeGreaterThan(0);
    expect(log.lines.join('\n')).not.toContain(KEY);
  });
});
