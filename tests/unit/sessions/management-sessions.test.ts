import { describe, expect, it } from 'vitest';
import { ACCOUNT, createInput, setup } from './harness';
import { MANUAL_SESSION_ID_PREFIX } from '../../../src/shared/contract/sessions';

describe('creating a management session', () => {
  it('returns the one-time link once, records the session and keeps no copy of the link on disk', async () => {
    const t = setup();
    const result = await t.service.management.create(createInput({ label: 'Photo editor' }));
    expect(result.link).toMatch(/^https:\/\/fansly\.com\/managementsession\/claim\//);
    expect(result.copyToken).toBeTruthy();
    expect(result.session).toMatchObject({
      label: 'Photo editor',
      status: 'active',
      createdInDoorman: true,
      source: 'gateway',
      reviewBy: '2026-12-23',
    });
    expect(t.service.management.list(ACCOUNT).sessions.map((s) => s.id)).toEqual([
      result.session.id,
    ]);
    expect(t.allFilesText()).not.toContain(result.link!);
    expect(t.allFilesText()).not.toContain('secret-claim-token');
    expect(JSON.stringify(t.activity.events)).not.toContain('secret-claim-token');
    expect(t.activity.events.map((e) => e.kind)).toEqual(['sessionCreated']);
  });

  it('a double click (same request id, concurrently) creates one session and both get the same answer', async () => {
    const t = setup();
    const input = createInput();
    const [a, b] = await Promise.all([
      t.service.management.create(input),
      t.service.management.create(input),
    ]);
    expect(t.gateway.count('createManagementSession')).toBe(1);
    expect(a.session.id).toBe(b.session.id);
    expect(t.gateway.management).toHaveLength(1);
  });

  it('a repeat after the first finished gets the record, not a second session and not the link again', async () => {
    const t = setup();
    const input = createInput();
    const first = await t.service.management.create(input);
    const again = await t.service.management.create(input);
    expect(t.gateway.count('createManagementSession')).toBe(1);
    expect(again).toMatchObject({ repeated: true, link: null, copyToken: null });
    expect(again.session.id).toBe(first.session.id);
  });

  it('a create that timed out after the gateway made it is found by listing, never POSTed twice', async () => {
    const t = setup();
    t.gateway.failNext('createManagementSession', 'timeout', true);
    const input = createInput({ label: 'Chatter team' });
    const result = await t.service.management.create(input);
    expect(t.gateway.count('createManagementSession')).toBe(1);
    expect(result.link).toBeNull();
    expect(result.session).toMatchObject({
      label: 'Chatter team',
      linkLost: true,
      createdInDoorman: true,
    });
    // Retrying the same request still does not POST.
    const again = await t.service.management.create(input);
    expect(t.gateway.count('createManagementSession')).toBe(1);
    expect(again.session.id).toBe(result.session.id);
    expect(t.gateway.management).toHaveLength(1);
  });

  it('a create that timed out before reaching the gateway says nothing was created, and a retry of it lists instead of POSTing', async () => {
    const t = setup();
    t.gateway.failNext('createManagementSession', 'timeout');
    const input = createInput();
    await expect(t.service.management.create(input)).rejects.toMatchObject({ code: 'notCreated' });
    await expect(t.service.management.create(input)).rejects.toMatchObject({ code: 'notCreated' });
    expect(t.gateway.count('createManagementSession')).toBe(1);
    expect(t.gateway.count('listManagementSessions')).toBe(2);
    expect(t.service.management.list(ACCOUNT).sessions).toHaveLength(0);
  });

  it('an answer lost while offline is matched to the pending create on the next refresh, not flagged foreign', async () => {
    const t = setup();
    t.gateway.failNext('createManagementSession', 'network', true);
    t.gateway.failNext('listManagementSessions', 'network');
    await expect(
      t.service.management.create(createInput({ label: 'Agency B' })),
    ).rejects.toMatchObject({
      code: 'offline',
    });
    const list = await t.service.management.refresh(ACCOUNT);
    expect(list.sessions).toHaveLength(1);
    expect(list.sessions[0]).toMatchObject({
      label: 'Agency B',
      createdInDoorman: true,
      linkLost: true,
    });
    expect(t.activity.events.map((e) => e.kind)).not.toContain('sessionNotFromDoorman');
  });

  it('refuses bad input with clear typed errors and changes nothing', async () => {
    const t = setup();
    await expect(t.service.management.create(createInput({ label: '   ' }))).rejects.toMatchObject({
      code: 'invalidInput',
      fields: ['label'],
      message: 'The session needs a name.',
    });
    await expect(
      t.service.management.create(createInput({ label: 'x'.repeat(81) })),
    ).rejects.toMatchObject({ code: 'invalidInput', fields: ['label'] });
    await expect(
      t.service.management.create(createInput({ disclaimerAccepted: false })),
    ).rejects.toMatchObject({ code: 'invalidInput', fields: ['disclaimerAccepted'] });
    await expect(
      t.service.management.create(createInput({ permissions: ['posts', 'deleteAccount'] })),
    ).rejects.toMatchObject({ code: 'invalidInput', fields: ['permissions'] });
    expect(t.gateway.count('createManagementSession')).toBe(0);
    expect(t.service.management.list(ACCOUNT).sessions).toHaveLength(0);
  });

  it('when Fansly asks for 2FA on create, nothing is recorded; one retry with a verified challenge creates it', async () => {
    const t = setup();
    t.gateway.failNext('createManagementSession', 'twoFactorRequired');
    const input = createInput();
    await expect(t.service.management.create(input)).rejects.toMatchObject({
      code: 'twoFactorRequired',
    });
    expect(t.service.management.list(ACCOUNT).sessions).toHaveLength(0);
    await expect(
      t.service.management.create({ ...input, twoFactorChallengeId: 'not-verified' }),
    ).rejects.toMatchObject({ code: 'twoFactorRequired' });
    const created = await t.service.management.create({
      ...input,
      twoFactorChallengeId: 'challenge-ok',
    });
    expect(created.link).toBeTruthy();
    expect(t.gateway.count('createManagementSession')).toBe(2);
    expect(t.gateway.management).toHaveLength(1);
  });

  it('a duplicate name is a warning, not a block', async () => {
    const t = setup();
    await t.service.management.create(createInput({ label: 'Agency A' }));
    const second = await t.service.management.create(createInput({ label: 'agency a ' }));
    expect(second.warnings).toEqual(['duplicateLabel']);
    expect(t.gateway.management).toHaveLength(2);
  });

  it('uses the gateway permission list when it offers one (its ids are then the valid ones)', async () => {
    const t = setup();
    t.gateway.permissions = [
      { id: 'wallet', label: 'Wallet balance' },
      { id: 'statistics', label: 'Earnings and profile statistics' },
    ];
    const catalogue = await t.service.management.catalogue(ACCOUNT);
    expect(catalogue.source).toBe('gateway');
    expect(catalogue.permissions.map((p) => p.builtInId)).toEqual([
      'walletBalance',
      'earningsStatistics',
    ]);
    await expect(
      t.service.management.create(createInput({ permissions: ['posts'] })),
    ).rejects.toMatchObject({ code: 'invalidInput' });
    const ok = await t.service.management.create(createInput({ permissions: ['statistics'] }));
    expect(ok.session.permissions).toEqual(['statistics']);
  });

  it('offline: the create is refused as offline and nothing is recorded as created', async () => {
    const t = setup();
    t.gateway.failNext('createManagementSession', 'network');
    t.gateway.failNext('listManagementSessions', 'network');
    await expect(t.service.management.create(createInput())).rejects.toMatchObject({
      code: 'offline',
    });
    expect(t.service.management.list(ACCOUNT).sessions).toHaveLength(0);
  });
});

describe('copying the link', () => {
  it('copies through main and clears the clipboard after 60 s only if it still holds the link', async () => {
    const t = setup();
    const { link, copyToken } = await t.service.management.create(createInput());
    await t.service.links.copy(copyToken!);
    expect(t.clipboard.text).toBe(link);
    t.timers.advance(59_000);
    expect(t.clipboard.text).toBe(link);
    t.timers.advance(1_000);
    await new Promise((r) => setTimeout(r, 0));
    expect(t.clipboard.text).toBe('');

    await t.service.links.copy(copyToken!);
    await t.clipboard.writeText('something the creator copied since');
    t.timers.advance(60_000);
    await new Promise((r) => setTimeout(r, 0));
    expect(t.clipboard.text).toBe('something the creator copied since');
  });

  it('forgets the link when told, and after a few minutes anyway', async () => {
    const t = setup();
    const first = await t.service.management.create(createInput());
    t.service.links.forget(first.copyToken!);
    await expect(t.service.links.copy(first.copyToken!)).rejects.toMatchObject({
      code: 'notFound',
    });
    const second = await t.service.management.create(createInput());
    t.timers.advance(5 * 60_000);
    await expect(t.service.links.copy(second.copyToken!)).rejects.toMatchObject({
      code: 'notFound',
    });
  });
});

describe('editing', () => {
  it('asks for 2FA, then succeeds once with a verified challenge turned into proof', async () => {
    const t = setup();
    const { session } = await t.service.management.create(createInput());
    t.gateway.requireTwoFactorForEdit = true;
    await expect(
      t.service.management.edit({
        accountId: ACCOUNT,
        sessionId: session.id,
        label: 'Agency A (photos)',
      }),
    ).rejects.toMatchObject({ code: 'twoFactorRequired' });
    expect(t.service.management.list(ACCOUNT).sessions[0]!.label).toBe('Agency A');
    const edited = await t.service.management.edit({
      accountId: ACCOUNT,
      sessionId: session.id,
      label: 'Agency A (photos)',
      twoFactorChallengeId: 'challenge-ok',
    });
    expect(edited.label).toBe('Agency A (photos)');
    expect(edited.history.map((h) => h.kind)).toEqual(['created', 'edited']);
    expect(t.activity.events.at(-1)).toMatchObject({
      kind: 'sessionEdited',
      params: { variant: 'renamed', session: 'Agency A (photos)', previous: 'Agency A' },
    });
    expect(t.gateway.management[0]!.label).toBe('Agency A (photos)');
    // The challenge was consumed: it cannot authorise a second change.
    await expect(
      t.service.management.edit({
        accountId: ACCOUNT,
        sessionId: session.id,
        label: 'Other',
        twoFactorChallengeId: 'challenge-ok',
      }),
    ).rejects.toMatchObject({ code: 'twoFactorRequired' });
  });

  it("records what changed as facts the UI words in the creator's language", async () => {
    const t = setup();
    const { session } = await t.service.management.create(createInput());
    const edited = await t.service.management.edit({
      accountId: ACCOUNT,
      sessionId: session.id,
      label: 'Agency B',
      permissions: ['posts'],
    });
    expect(edited.history.at(-1)!.changes).toEqual({
      renamed: { from: 'Agency A', to: 'Agency B' },
      permissions: ['posts'],
    });
    const detailed = t.service.management.updateDetails({
      accountId: ACCOUNT,
      sessionId: session.id,
      reviewBy: '2027-01-15',
      sentTo: 'Telegram to Anna',
    });
    expect(detailed.history.at(-1)!.changes).toEqual({ reviewBy: '2027-01-15', sentTo: true });
    const cleared = t.service.management.updateDetails({
      accountId: ACCOUNT,
      sessionId: session.id,
      reviewBy: null,
    });
    expect(cleared.history.at(-1)!.changes).toEqual({ reviewBy: null });
  });

  it('offline: an edit is refused and the record is unchanged', async () => {
    const t = setup();
    const { session } = await t.service.management.create(createInput());
    t.gateway.failNext('updateManagementSession', 'timeout');
    await expect(
      t.service.management.edit({
        accountId: ACCOUNT,
        sessionId: session.id,
        permissions: ['posts'],
      }),
    ).rejects.toMatchObject({ code: 'offline' });
    expect(t.service.management.list(ACCOUNT).sessions[0]!.permissions).toEqual([
      'posts',
      'mediaVault',
    ]);
  });
});

describe('revoking', () => {
  it('revokes on the gateway and keeps the record as revoked with its history', async () => {
    const t = setup();
    const { session } = await t.service.management.create(createInput());
    t.service.management.updateDetails({
      accountId: ACCOUNT,
      sessionId: session.id,
      sentTo: 'Telegram to Anna',
    });
    const revoked = await t.service.management.revoke(ACCOUNT, session.id);
    expect(revoked).toMatchObject({ status: 'revoked', sentTo: 'Telegram to Anna' });
    expect(revoked.revokedAt).toBe('2026-11-23T10:00:00.000Z');
    expect(revoked.history.map((h) => h.kind)).toEqual(['created', 'detailsChanged', 'revoked']);
    expect(t.gateway.management).toHaveLength(0);
    expect(t.activity.events.at(-1)).toMatchObject({
      kind: 'sessionRevoked',
      summary: 'Revoked “Agency A”',
      params: { variant: 'revoked', session: 'Agency A' },
    });
  });

  it('a session the gateway already removed counts as revoked, and the record is kept', async () => {
    const t = setup();
    const { session } = await t.service.management.create(createInput());
    t.gateway.management = [];
    const revoked = await t.service.management.revoke(ACCOUNT, session.id);
    expect(revoked.status).toBe('revoked');
    expect(t.reopen().management.list(ACCOUNT).sessions[0]).toMatchObject({
      id: session.id,
      status: 'revoked',
    });
  });

  it('offline: a revoke is refused and the session still shows active', async () => {
    const t = setup();
    const { session } = await t.service.management.create(createInput());
    t.gateway.failNext('revokeManagementSession', 'network');
    await expect(t.service.management.revoke(ACCOUNT, session.id)).rejects.toMatchObject({
      code: 'offline',
    });
    expect(t.service.management.list(ACCOUNT).sessions[0]!.status).toBe('active');
  });

  it('revoke all revokes every active session, including ones not created in Doorman', async () => {
    const t = setup();
    await t.service.management.create(createInput({ label: 'A' }));
    await t.service.management.create(createInput({ label: 'B' }));
    t.gateway.management.push({
      id: 'ms_foreign',
      label: 'Made on fansly.com',
      permissions: ['messages'],
      createdAt: null,
      lastUsedAt: null,
      status: 'active',
    });
    const result = await t.service.revokeAllManagementSessions(ACCOUNT);
    expect(result.failed).toEqual([]);
    expect(result.revoked.sort()).toEqual(['ms_1', 'ms_2', 'ms_foreign']);
    expect(t.gateway.management).toHaveLength(0);
    expect(t.service.listManagementSessions(ACCOUNT).every((s) => s.status === 'revoked')).toBe(
      true,
    );
  });
});

describe('revoke all when one fails', () => {
  it('reports the one that failed, keeps it active, and revokes the rest', async () => {
    const t = setup();
    await t.service.management.create(createInput({ label: 'A' }));
    await t.service.management.create(createInput({ label: 'B' }));
    t.gateway.failNext('revokeManagementSession', 'rateLimited');
    const result = await t.service.revokeAllManagementSessions(ACCOUNT);
    expect(result.revoked).toHaveLength(1);
    expect(result.failed).toEqual([
      expect.objectContaining({ code: 'rateLimited', sessionId: expect.any(String) }),
    ]);
    const failedId = result.failed[0]!.sessionId;
    const records = t.service.listManagementSessions(ACCOUNT);
    expect(records.find((s) => s.id === failedId)!.status).toBe('active');
    expect(records.filter((s) => s.status === 'revoked')).toHaveLength(1);
  });
});

describe('reconciliation', () => {
  it('a session gone from the gateway becomes ended; an unknown one is flagged not created in Doorman', async () => {
    const t = setup();
    const { session } = await t.service.management.create(createInput());
    t.gateway.management = [
      {
        id: 'ms_foreign',
        label: 'Unknown',
        permissions: ['walletBalance'],
        createdAt: '2026-11-01T00:00:00.000Z',
        lastUsedAt: null,
        status: 'active',
      },
    ];
    t.tick(60_000);
    const list = await t.service.management.refresh(ACCOUNT);
    const mine = list.sessions.find((s) => s.id === session.id)!;
    const foreign = list.sessions.find((s) => s.id === 'ms_foreign')!;
    expect(mine).toMatchObject({ status: 'ended', endedAt: '2026-11-23T10:01:00.000Z' });
    expect(foreign).toMatchObject({ status: 'active', createdInDoorman: false });
    expect(list.asOf).toBe('2026-11-23T10:01:00.000Z');
    expect(t.activity.events.map((e) => [e.kind, e.params])).toEqual([
      ['sessionCreated', { variant: 'created', session: 'Agency A' }],
      ['sessionNotFromDoorman', { session: 'Unknown' }],
      ['sessionEnded', { session: 'Agency A' }],
    ]);
    // Reconciling again changes nothing and announces nothing twice.
    await t.service.management.refresh(ACCOUNT);
    expect(t.activity.events).toHaveLength(3);
  });

  it('a revoked session still on the gateway goes back to active: a revocation that did not happen never looks done', async () => {
    const t = setup();
    const { session } = await t.service.management.create(createInput());
    const kept = [...t.gateway.management];
    await t.service.management.revoke(ACCOUNT, session.id);
    t.gateway.management = kept;
    const list = await t.service.management.refresh(ACCOUNT);
    expect(list.sessions[0]).toMatchObject({ status: 'active', revokedAt: null });
  });

  it('one odd entry from the gateway (huge label, bad id) never makes the refresh fail', async () => {
    const t = setup();
    const odd = (id: string, label: string) => ({
      id,
      label,
      permissions: ['p'.repeat(500)],
      createdAt: null,
      lastUsedAt: null,
      status: 'active',
    });
    t.gateway.management = [
      odd('ms_long', 'L'.repeat(5_000)),
      odd('x'.repeat(300), 'bad id'),
      odd('__proto__', 'proto'),
    ];
    const list = await t.service.management.refresh(ACCOUNT);
    expect(list.sessions.map((s) => s.id)).toEqual(['ms_long']);
    expect(list.sessions[0]!.label).toHaveLength(160);
    expect(list.sessions[0]!.permissions[0]).toHaveLength(100);
  });

  it('offline refresh serves the last-known list with its as-of time', async () => {
    const t = setup();
    await t.service.management.create(createInput());
    await t.service.management.refresh(ACCOUNT);
    t.tick(3_600_000);
    t.gateway.failNext('listManagementSessions', 'network');
    const list = await t.service.management.refresh(ACCOUNT);
    expect(list).toMatchObject({ offline: true, asOf: '2026-11-23T10:00:00.000Z' });
    expect(list.sessions).toHaveLength(1);
    await expect(t.service.refresh(ACCOUNT)).resolves.toBeUndefined();
  });
});

describe('manual tracking when the gateway does not offer the session routes', () => {
  it('switches to manual mode, refuses gateway changes, and records sessions by hand', async () => {
    const t = setup();
    t.gateway.assumedRoutes = false;
    const list = await t.service.management.refresh(ACCOUNT);
    expect(list.mode).toBe('manual');
    await expect(t.service.management.create(createInput())).rejects.toMatchObject({
      code: 'unsupported',
    });
    expect(t.gateway.count('createManagementSession')).toBe(0);
    const recorded = t.service.management.recordManual({
      accountId: ACCOUNT,
      label: 'Agency made on fansly.com',
      permissions: ['messages'],
      createdOn: '2026-11-20',
    });
    expect(recorded).toMatchObject({ source: 'manual', createdInDoorman: false, status: 'active' });
    // The checklist holds only the id: the id alone says the record cannot be revoked here.
    expect(recorded.id.startsWith(MANUAL_SESSION_ID_PREFIX)).toBe(true);
    await expect(t.service.management.revoke(ACCOUNT, recorded.id)).rejects.toMatchObject({
      code: 'conflict',
    });
    await expect(
      t.service.management.edit({
        accountId: ACCOUNT,
        sessionId: recorded.id,
        permissions: ['messages', 'deleteAccount'],
      }),
    ).rejects.toMatchObject({ code: 'invalidInput' });
    const revoked = t.service.management.markRevokedManually(ACCOUNT, recorded.id);
    expect(revoked.status).toBe('revoked');
    expect(t.activity.events.map((e) => e.kind)).toEqual([
      'sessionRecordedManually',
      'sessionRevoked',
    ]);
  });

  it('a create answered unsupported switches to manual mode', async () => {
    const t = setup();
    t.gateway.failNext('createManagementSession', 'unsupported');
    await expect(t.service.management.create(createInput())).rejects.toMatchObject({
      code: 'unsupported',
    });
    expect(t.service.management.list(ACCOUNT).mode).toBe('manual');
  });

  it('in manual mode the gateway is asked again only after an hour', async () => {
    const t = setup();
    t.gateway.assumedRoutes = false;
    await t.service.management.refresh(ACCOUNT);
    t.gateway.assumedRoutes = true;
    await t.service.management.refresh(ACCOUNT);
    expect(t.gateway.count('listManagementSessions')).toBe(1);
    // The creator's Refresh button asks at once.
    expect((await t.service.management.refresh(ACCOUNT, { force: true })).mode).toBe('gateway');
    t.gateway.assumedRoutes = false;
    await t.service.management.refresh(ACCOUNT);
    t.gateway.assumedRoutes = true;
    t.tick(3_600_000);
    const list = await t.service.management.refresh(ACCOUNT);
    expect(list.mode).toBe('gateway');
  });
});
