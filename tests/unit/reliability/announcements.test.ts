/**
 * Main announces every topic whose data a change touched, so no screen (nor the tray) keeps
 * showing what is no longer true until a restart. Through the real core and fake gateway.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import type { StateTopic } from '../../../src/shared/contract';
import { createTestCore } from '../../test-core';
import { DEMO } from '../../fake-gateway/state';
import { startFakeGateway, type FakeGateway } from '../../fake-gateway/server';
import type { Core } from '../../../src/main/core';

let stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.reverse()) await stop();
  stops = [];
});

async function setup(): Promise<{
  core: Core;
  gateway: FakeGateway;
  dataDir: string;
  topics: StateTopic[];
}> {
  const gateway = await startFakeGateway({});
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'doorman-announce-'));
  const core = createTestCore(dataDir);
  let closed = false;
  stops.push(async () => {
    await core.stop();
    if (!closed) await gateway.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  const origClose = gateway.close;
  gateway.close = async () => {
    closed = true;
    await origClose();
  };
  await core.settings.set({ gatewayBaseUrl: gateway.url });
  await core.vault.setKey({ apiKey: gateway.apiKey });
  await core.accounts.refresh();
  const topics: StateTopic[] = [];
  core.events.subscribe((event, payload) => {
    if (event === 'stateChanged') topics.push(...(payload as { topics: StateTopic[] }).topics);
  });
  return { core, gateway, dataDir, topics };
}

it('changing the gateway address changes the vault status and announces "vault"', async () => {
  const { core, topics } = await setup();
  expect((await core.vault.status()).gatewayChanged).toBe(false);
  await core.settings.set({ gatewayBaseUrl: 'https://proxy.example.com' });
  // The key is now "for another gateway address": the key panel (it listens to 'vault') says so.
  expect((await core.vault.status()).gatewayChanged).toBe(true);
  expect(topics).toContain('vault');
});

it('an accounts refresh that changes the cached list announces "accounts" (tray, header, overview)', async () => {
  const { core, gateway, topics } = await setup();
  core.trayState.start();
  await core.trayState.update();
  expect(JSON.stringify(core.trayState.current())).toContain('Second account');
  expect(core.accounts.cached()).toHaveLength(2);
  // An account disconnected elsewhere (gateway dashboard): the next list no longer has it.
  gateway.state.connections.delete(DEMO.accounts.second.accountId);
  await core.accounts.refresh();
  expect(core.accounts.cached()).toHaveLength(1);
  await core.trayState.update();
  // The tray (which recomputes on 'accounts') no longer offers the account that is gone.
  expect(JSON.stringify(core.trayState.current())).not.toContain('Second account');
  expect(topics).toContain('accounts');
});

it('a background refresh that finds the gateway unreachable announces the lists it marked offline', async () => {
  const { core, gateway, topics } = await setup();
  const id = DEMO.accounts.main.accountId;
  await core.sessions.refresh(id);
  expect(core.sessions.management.list(id).offline).toBe(false);
  await gateway.close();
  topics.length = 0;
  await core.monitor.refreshNow();
  // The stored lists changed (offline: true; Overview and both panels show a warning for it)…
  expect(core.sessions.management.list(id).offline).toBe(true);
  expect(core.sessions.logins.list(id).offline).toBe(true);
  // …and the Overview and both panels, which do not listen to 'monitor', are told.
  expect(topics).toContain('sessions');
  expect(topics).toContain('loginSessions');
});

it('a damaged activity month opened on demand is announced as "storage"', async () => {
  const { core, dataDir, topics } = await setup();
  const file = path.join(dataDir, 'activity', 'activity-2020-01.json');
  fs.writeFileSync(file, '{ not json');
  core.activity.list({ limit: 1000 });
  // The store was set aside and a notice was recorded for the StorageNotices banner…
  expect(fs.readdirSync(path.join(dataDir, 'activity')).some((n) => n.includes('corrupt'))).toBe(
    true,
  );
  // …and 'storage', the topic the banner listens to, is announced.
  expect(topics).toContain('storage');
});
