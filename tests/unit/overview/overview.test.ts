import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/main/core';
import { createTestCore } from '../../test-core';
import type { Overview } from '../../../src/shared/contract/overview';
import { DEMO } from '../../fake-gateway/state';
import { startFakeGateway, type FakeGateway } from '../../fake-gateway/server';

/** The start screen's one answer, through the dispatcher, on real stores and the fake gateway. */
const MAIN = DEMO.accounts.main.accountId;
const SECOND = DEMO.accounts.second.accountId;
let stops: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const stop of stops.reverse()) await stop();
  stops = [];
});

async function rig(options: { key?: boolean; refreshed?: boolean } = {}) {
  const gateway: FakeGateway = await startFakeGateway({ assumedRoutes: true });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'doorman-overview-'));
  const core: Core = createTestCore(dataDir);
  stops.push(async () => {
    await core.stop();
    await gateway.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  await core.settings.set({ gatewayBaseUrl: gateway.url });
  if (options.key !== false) await core.vault.setKey({ apiKey: gateway.apiKey });
  if (options.refreshed !== false && options.key !== false) {
    await core.accounts.refresh();
    for (const id of [MAIN, SECOND]) {
      await core.sessions.management.refresh(id, { force: true });
      await core.sessions.logins.refresh(id, { force: true });
    }
  }
  const overview = async (accountId: string | null): Promise<Overview> => {
    const result = await core.dispatch('overview:get', { accountId });
    if (!result.ok) throw new Error(`overview:get answered ${result.error.code}`);
    return result.data as Overview;
  };
  return { gateway, core, overview };
}

describe('overview:get', () => {
  it('says there is no key and no account on a fresh install', async () => {
    const t = await rig({ key: false });
    const overview = await t.overview(null);
    expect(overview).toMatchObject({
      keySet: false,
      accounts: [],
      accountId: null,
      management: null,
      logins: null,
      security: null,
      managers: [],
      lockdown: null,
    });
  });

  it('shows the first account when none (or a gone one) is asked for, the asked one otherwise', async () => {
    const t = await rig();
    expect((await t.overview(null)).accountId).toBe(MAIN);
    expect((await t.overview('fansly_not_connected')).accountId).toBe(MAIN);
    expect((await t.overview(SECOND)).accountId).toBe(SECOND);
    expect((await t.overview(SECOND)).accounts.map((a) => a.accountId)).toEqual([MAIN, SECOND]);
  });

  it('lists who can get in (active sessions only, newest first) with their power, and counts the rest', async () => {
    const t = await rig();
    const before = await t.overview(MAIN);
    expect(before.management?.active.map((s) => s.label)).toEqual([
      'Assistant: scheduling',
      'Agency: chat team',
    ]);
    expect(before.management?.active[1]?.permissions).toEqual([
      'messages',
      'massMessages',
      'mediaVault',
    ]);
    expect(before.management?.closedCount).toBe(0);

    const revoked = await t.core.dispatch('sessions:revoke', {
      accountId: MAIN,
      sessionId: '700000000000000001',
    });
    expect(revoked.ok).toBe(true);
    const after = await t.overview(MAIN);
    expect(after.management?.active.map((s) => s.id)).toEqual(['700000000000000002']);
    expect(after.management?.closedCount).toBe(1);
    // The answer carries no history and nothing link-like.
    expect(Object.keys(after.management!.active[0]!).sort()).toEqual(
      [
        'createdAt',
        'createdInDoorman',
        'id',
        'label',
        'lastUsedAt',
        'managerId',
        'permissions',
        'reviewBy',
        'source',
      ].sort(),
    );
  });

  it('counts open and unrecognised login sessions, and reports the checklist state of that account', async () => {
    const t = await rig();
    const overview = await t.overview(MAIN);
    // Two from the seed, plus the gateway's own session, which is never "unrecognised".
    expect(overview.logins).toMatchObject({ open: 3, unrecognised: 2, mode: 'gateway' });
    // Unrecognised logins and sessions not created in Doorman put the account at risk.
    expect(overview.security?.overall).toBe('atRisk');
    expect(overview.security!.needsAttention).toBeGreaterThan(0);
    expect(overview.security!.total).toBeGreaterThanOrEqual(overview.security!.needsAttention);

    const recognised = await t.core.dispatch('logins:recognise', {
      accountId: MAIN,
      sessionId: '600000000000000001',
    });
    expect(recognised.ok).toBe(true);
    expect((await t.overview(MAIN)).logins).toMatchObject({ open: 3, unrecognised: 1 });
  });

  it('names only the managers linked to listed sessions', async () => {
    const t = await rig();
    const anna = await t.core.managers.create({ name: 'Anna (Lumen agency)' });
    await t.core.managers.create({ name: 'Unlinked Ben' });
    const linked = await t.core.dispatch('sessions:updateDetails', {
      accountId: MAIN,
      sessionId: '700000000000000001',
      managerId: anna.id,
    });
    expect(linked.ok).toBe(true);
    const overview = await t.overview(MAIN);
    expect(overview.managers).toEqual([{ id: anna.id, name: 'Anna (Lumen agency)' }]);
    expect(overview.management?.active.find((s) => s.id === '700000000000000001')?.managerId).toBe(
      anna.id,
    );
  });

  it('answers from what Doorman knows without asking the gateway', async () => {
    const t = await rig();
    const before = t.gateway.requests.length;
    await t.overview(MAIN);
    await t.overview(SECOND);
    expect(t.gateway.requests.length).toBe(before);
  });

  it('refuses a malformed request with a typed error', async () => {
    const t = await rig({ refreshed: false });
    for (const bad of [undefined, {}, { accountId: 42 }, { accountId: '' }, 'x']) {
      const result = await t.core.dispatch('overview:get', bad);
      expect(result).toMatchObject({ ok: false, error: { code: 'invalidInput' } });
    }
  });

  it("the tray's Revoke… items come in the same order as the list of who can get in", async () => {
    const t = await rig();
    const overview = await t.overview(MAIN);
    await t.core.trayState.update();
    const sections = t.core.trayState.current()?.sections ?? [];
    const account = sections[0]?.find(
      (item) => item.kind === 'submenu' && item.label.startsWith(`${overview.accounts[0]!.label}`),
    );
    const revokes =
      account?.kind === 'submenu'
        ? account.items.flatMap((i) => (i.kind === 'action' ? [i.label] : []))
        : [];
    expect(revokes).toEqual(overview.management!.active.map((s) => `Revoke “${s.label}”…`));
  });
});
