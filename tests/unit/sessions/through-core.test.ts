import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Core } from '../../../src/main/core';
import { createTestCore } from '../../test-core';
import { createMemoryClipboard } from '../../../src/main/platform/clipboard';
import { createMemoryLogger } from '../../../src/main/platform/log';
import { DEMO } from '../../fake-gateway/state';
import { startFakeGateway, type FakeGateway } from '../../fake-gateway/server';

/**
 * The whole path a creator's click takes: dispatcher (schema check) → sessions service →
 * HTTP gateway client → fake gateway on 127.0.0.1, with the real stores on a temp dir.
 */
const ACCOUNT = DEMO.accounts.main.accountId;
let stops: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const stop of stops.reverse()) await stop();
  stops = [];
});

async function rig(options: { assumedRoutes?: boolean } = {}) {
  const gateway: FakeGateway = await startFakeGateway({
    fixedTwoFactorCode: '424242',
    assumedRoutes: options.assumedRoutes ?? true,
  });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'doorman-sessions-core-'));
  const log = createMemoryLogger();
  const clipboard = createMemoryClipboard();
  const core: Core = createTestCore(dataDir, { log, clipboard });
  stops.push(async () => {
    await core.stop();
    await gateway.close();
  });
  await core.settings.set({ gatewayBaseUrl: gateway.url });
  await core.vault.setKey({ apiKey: gateway.apiKey });
  const call = async (channel: string, input: unknown) => core.dispatch(channel, input);
  const filesText = () =>
    fs
      .readdirSync(dataDir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => fs.readFileSync(path.join(e.parentPath, e.name), 'utf8'))
      .join('\n');
  return { gateway, core, call, log, clipboard, filesText };
}

function input(extra: Record<string, unknown> = {}) {
  return {
    accountId: ACCOUNT,
    requestId: `req-${Math.random().toString(36).slice(2)}`,
    label: 'Agency Lumen',
    permissions: ['posts', 'mediaVault'],
    disclaimerAccepted: true,
    ...extra,
  };
}

describe('sessions through the core and the real gateway client', () => {
  it('creates once, copies the link through main, and keeps it out of files and logs', async () => {
    const t = await rig();
    const req = input();
    const [a, b] = await Promise.all([
      t.call('sessions:create', req),
      t.call('sessions:create', req),
    ]);
    expect(a.ok && b.ok).toBe(true);
    expect(t.gateway.count('POST /{accountId}/management/sessions')).toBe(1);
    const created = (a as { ok: true; data: { link: string; copyToken: string } }).data;
    expect(created.link).toMatch(/managementsession\/claim\//);
    const copied = await t.call('sessions:copyLink', { copyToken: created.copyToken });
    expect(copied).toEqual({ ok: true, data: { clearsAfterSeconds: 60 } });
    expect(t.clipboard.text).toBe(created.link);
    expect(t.filesText()).not.toContain(created.link);
    expect(t.log.lines.join('\n')).not.toContain(created.link);
  });

  it('refuses a create without the disclaimer, naming the field', async () => {
    const t = await rig();
    const answer = await t.call('sessions:create', input({ disclaimerAccepted: false }));
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'invalidInput', fields: ['disclaimerAccepted'] },
    });
    expect(t.gateway.count('POST /{accountId}/management/sessions')).toBe(0);
  });

  it('a create whose answer is lost is found by listing, never sent twice', async () => {
    const t = await rig();
    t.gateway.faults.set('POST /{accountId}/management/sessions', {
      kind: 'reset',
      afterHandling: true,
      times: 1,
    });
    const answer = await t.call('sessions:create', input({ label: 'Lost answer' }));
    expect(answer).toMatchObject({
      ok: true,
      data: { link: null, session: { label: 'Lost answer', linkLost: true } },
    });
    expect(t.gateway.count('POST /{accountId}/management/sessions')).toBe(1);
  });

  it('a repeat of a lost create that a refresh has since found gets that session, not a fresh create', async () => {
    const t = await rig();
    // The POST reaches the gateway but its answer is lost, and so is the listing after it.
    t.gateway.faults.set('POST /{accountId}/management/sessions', {
      kind: 'reset',
      afterHandling: true,
      times: 1,
    });
    t.gateway.faults.set('GET /{accountId}/management/sessions', { kind: 'reset', times: 3 });
    const req = input({ label: 'Lost twice' });
    expect(await t.call('sessions:create', req)).toMatchObject({
      ok: false,
      error: { code: 'offline' },
    });
    // The monitor's refresh lists it and records it as created in Doorman, link lost.
    const refreshed = await t.call('sessions:refresh', { accountId: ACCOUNT });
    const listed = (
      refreshed as { ok: true; data: { sessions: { label: string; linkLost: boolean }[] } }
    ).data.sessions;
    expect(listed.filter((s) => s.label === 'Lost twice')).toMatchObject([{ linkLost: true }]);
    // The window asks again with the same requestId.
    expect(await t.call('sessions:create', req)).toMatchObject({
      ok: true,
      data: { link: null, session: { label: 'Lost twice', linkLost: true } },
    });
    expect(t.gateway.count('POST /{accountId}/management/sessions')).toBe(1);
  });

  it('creates with the 2FA step-up: the retry carries the verified proof', async () => {
    const t = await rig();
    t.gateway.faults.set('POST /{accountId}/management/sessions', {
      kind: 'status',
      status: 403,
      message: 'Two-factor verification required (2FA)',
      times: 1,
    });
    expect(await t.call('sessions:create', input())).toMatchObject({
      ok: false,
      error: { code: 'twoFactorRequired' },
    });
    const sent = await t.call('twofa:send', { accountId: ACCOUNT });
    const challengeId = (sent as { ok: true; data: { challengeId: string } }).data.challengeId;
    await t.call('twofa:verify', { accountId: ACCOUNT, challengeId, code: '424242' });
    const created = await t.call('sessions:create', input({ twoFactorChallengeId: challengeId }));
    expect(created.ok).toBe(true);
    const posts = t.gateway.requests.filter(
      (r) => r.route === 'POST /{accountId}/management/sessions',
    );
    expect(posts).toHaveLength(2);
    expect(posts[0]!.body).not.toHaveProperty('twofa');
    expect(posts[1]!.body).toMatchObject({ twofa: { code: '424242' } });
    // A proof is good for one action only.
    expect(
      await t.call('sessions:create', input({ twoFactorChallengeId: challengeId })),
    ).toMatchObject({ ok: false });
  });

  it('a revoke keeps the details saved while the gateway was answering it', async () => {
    const t = await rig();
    const list = await t.call('sessions:refresh', { accountId: ACCOUNT });
    const session = (
      list as { ok: true; data: { sessions: { id: string; status: string }[] } }
    ).data.sessions.find((s) => s.status === 'active')!;
    t.gateway.faults.set('DELETE /{accountId}/management/sessions/{id}', {
      kind: 'latency',
      ms: 300,
      times: 1,
    });
    const revoking = t.call('sessions:revoke', { accountId: ACCOUNT, sessionId: session.id });
    await vi.waitFor(() =>
      expect(t.gateway.count('DELETE /{accountId}/management/sessions/{id}')).toBe(1),
    );
    expect(
      await t.call('sessions:updateDetails', {
        accountId: ACCOUNT,
        sessionId: session.id,
        sentTo: 'Telegram to Anna',
      }),
    ).toMatchObject({ ok: true });
    // A second click on Revoke meanwhile records the revocation once.
    const again = t.call('sessions:revoke', { accountId: ACCOUNT, sessionId: session.id });
    expect(await revoking).toMatchObject({ ok: true, data: { status: 'revoked' } });
    expect(await again).toMatchObject({ ok: true, data: { status: 'revoked' } });
    const after = t.core.sessions.management
      .list(ACCOUNT)
      .sessions.find((s) => s.id === session.id)!;
    expect(after).toMatchObject({ status: 'revoked', sentTo: 'Telegram to Anna' });
    const kinds = after.history.map((h) => h.kind);
    expect(kinds).toContain('detailsChanged');
    expect(kinds.filter((k) => k === 'revoked')).toHaveLength(1);
  });

  it('closing a login keeps "recognised" marked while the gateway was answering', async () => {
    const t = await rig();
    const list = await t.call('logins:refresh', { accountId: ACCOUNT });
    const login = (
      list as { ok: true; data: { sessions: { id: string; current: boolean }[] } }
    ).data.sessions.find((s) => !s.current)!;
    t.gateway.faults.set('POST /{accountId}/sessions/close', {
      kind: 'latency',
      ms: 300,
      times: 1,
    });
    const closing = t.call('logins:close', { accountId: ACCOUNT, sessionId: login.id });
    await vi.waitFor(() => expect(t.gateway.count('POST /{accountId}/sessions/close')).toBe(1));
    expect(
      await t.call('logins:recognise', { accountId: ACCOUNT, sessionId: login.id }),
    ).toMatchObject({ ok: true });
    expect(await closing).toMatchObject({ ok: true, data: { status: 'closed' } });
    const after = t.core.sessions.logins.list(ACCOUNT).sessions.find((s) => s.id === login.id)!;
    expect(after.status).toBe('closed');
    expect(after.recognisedAt).not.toBeNull();
  });

  it('a revoke whose answer is lost says Doorman cannot tell; one never sent says offline', async () => {
    const t = await rig();
    const list = await t.call('sessions:refresh', { accountId: ACCOUNT });
    const [first, second] = (
      list as { ok: true; data: { sessions: { id: string; status: string }[] } }
    ).data.sessions.filter((s) => s.status === 'active');
    t.gateway.faults.set('DELETE /{accountId}/management/sessions/{id}', {
      kind: 'reset',
      afterHandling: true,
      times: 1,
    });
    expect(
      await t.call('sessions:revoke', { accountId: ACCOUNT, sessionId: first!.id }),
    ).toMatchObject({ ok: false, error: { code: 'timeout' } });
    await t.gateway.close();
    expect(
      await t.call('sessions:revoke', { accountId: ACCOUNT, sessionId: second!.id }),
    ).toMatchObject({ ok: false, error: { code: 'offline' } });
  });

  it('edits with the 2FA step-up: refused, code verified, retried once', async () => {
    const t = await rig();
    const list = await t.call('sessions:refresh', { accountId: ACCOUNT });
    const first = (list as { ok: true; data: { sessions: { id: string }[] } }).data.sessions[0]!;
    const refused = await t.call('sessions:edit', {
      accountId: ACCOUNT,
      sessionId: first.id,
      label: 'Renamed',
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'twoFactorRequired' } });
    const sent = await t.call('twofa:send', { accountId: ACCOUNT });
    const challengeId = (sent as { ok: true; data: { challengeId: string } }).data.challengeId;
    expect(
      await t.call('twofa:verify', { accountId: ACCOUNT, challengeId, code: '424242' }),
    ).toEqual({ ok: true, data: { status: 'verified' } });
    const edited = await t.call('sessions:edit', {
      accountId: ACCOUNT,
      sessionId: first.id,
      label: 'Renamed',
      twoFactorChallengeId: challengeId,
    });
    expect(edited).toMatchObject({ ok: true, data: { label: 'Renamed' } });
  });

  it('revoking a session the gateway already removed counts as done', async () => {
    const t = await rig();
    const created = await t.call('sessions:create', input());
    const id = (created as { ok: true; data: { session: { id: string } } }).data.session.id;
    for (const user of t.gateway.state.users.values()) {
      user.managementSessions = user.managementSessions.filter((s) => s.id !== id);
    }
    const revoked = await t.call('sessions:revoke', { accountId: ACCOUNT, sessionId: id });
    expect(revoked).toMatchObject({ ok: true, data: { status: 'revoked' } });
  });

  it('without the assumed routes both lists switch to manual tracking', async () => {
    const t = await rig({ assumedRoutes: false });
    expect(await t.call('sessions:refresh', { accountId: ACCOUNT })).toMatchObject({
      ok: true,
      data: { mode: 'manual' },
    });
    expect(await t.call('logins:refresh', { accountId: ACCOUNT })).toMatchObject({
      ok: true,
      data: { mode: 'manual' },
    });
    expect(await t.call('sessions:create', input())).toMatchObject({
      ok: false,
      error: { code: 'unsupported' },
    });
  });

  it('an overdue review of a session recorded by hand tells the checklist it was recorded by hand', async () => {
    const t = await rig({ assumedRoutes: false });
    await t.core.accounts.refresh();
    await t.call('sessions:refresh', { accountId: ACCOUNT });
    const recorded = await t.call('sessions:recordManual', {
      accountId: ACCOUNT,
      label: 'Old agency',
      permissions: ['posts'],
      createdOn: '2020-01-01',
      reviewBy: '2020-02-01',
    });
    expect(recorded.ok).toBe(true);
    const state = await t.call('checklist:get', undefined);
    const items = (
      state as {
        ok: true;
        data: { accounts: { accountId: string; items: { id: string; subjects: unknown[] }[] }[] };
      }
    ).data.accounts.find((a) => a.accountId === ACCOUNT)!.items;
    expect(items.find((i) => i.id === 'reviewOverdue')?.subjects).toEqual([
      expect.objectContaining({ label: 'Old agency', recordedByHand: true }),
    ]);
  });

  it('manual login records feed the checklist: recognised is fine, not recognised is at risk', async () => {
    const t = await rig({ assumedRoutes: false });
    expect(await t.call('accounts:refresh', undefined)).toMatchObject({ ok: true });
    await t.call('logins:refresh', { accountId: ACCOUNT });
    const unknownLogins = async () => {
      const result = (await t.call('checklist:get', undefined)) as {
        ok: true;
        data: { accounts: { accountId: string; items: { id: string; status: string }[] }[] };
      };
      const account = result.data.accounts.find((a) => a.accountId === ACCOUNT);
      return account?.items.find((i) => i.id === 'unknownLogins')?.status;
    };
    expect(await unknownLogins()).toBe('unknown');

    expect(
      await t.call('logins:recordManual', {
        accountId: ACCOUNT,
        device: 'My laptop',
        recognised: true,
      }),
    ).toMatchObject({ ok: true, data: { source: 'manual', status: 'open' } });
    expect(await unknownLogins()).toBe('done');

    const stranger = (await t.call('logins:recordManual', {
      accountId: ACCOUNT,
      device: 'Unknown Android',
      city: 'Lagos',
    })) as { ok: true; data: { id: string } };
    expect(await unknownLogins()).toBe('needsAttention');

    expect(
      await t.call('logins:markClosed', { accountId: ACCOUNT, sessionId: stranger.data.id }),
    ).toMatchObject({ ok: true, data: { status: 'closed' } });
    expect(await unknownLogins()).toBe('done');
    expect(await t.call('logins:recordManual', { accountId: ACCOUNT, device: '' })).toMatchObject({
      ok: false,
      error: { code: 'invalidInput' },
    });
  });
});
