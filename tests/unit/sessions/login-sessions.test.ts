import { describe, expect, it } from 'vitest';
import { ACCOUNT, setup } from './harness';
import { loginSession } from './fake-client';

describe('login sessions', () => {
  it('the first listing is the baseline; a later one badges new sessions and announces each exactly once', async () => {
    const t = setup();
    t.gateway.logins = [loginSession('ls_me', { current: true }), loginSession('ls_old')];
    const first = await t.service.logins.refresh(ACCOUNT);
    expect(first.sessions.every((s) => !s.isNew)).toBe(true);
    expect(t.activity.events).toHaveLength(0);

    t.tick(60_000);
    t.gateway.logins.push(loginSession('ls_new', { city: 'Kyiv', countryCode: 'UA' }));
    const second = await t.service.logins.refresh(ACCOUNT);
    expect(second.sessions.filter((s) => s.isNew).map((s) => s.id)).toEqual(['ls_new']);
    t.tick(60_000);
    const third = await t.service.logins.refresh(ACCOUNT);
    expect(third.sessions.filter((s) => s.isNew).map((s) => s.id)).toEqual(['ls_new']);
    expect(t.activity.events.filter((e) => e.kind === 'loginNew')).toEqual([
      expect.objectContaining({
        subjectId: 'ls_new',
        params: { login: 'Firefox on Linux · Kyiv, UA · 203.0.113.7' },
      }),
    ]);

    t.tick(1_000);
    t.service.logins.markViewed(ACCOUNT);
    expect(t.service.logins.list(ACCOUNT).sessions.some((s) => s.isNew)).toBe(false);
    await t.service.logins.refresh(ACCOUNT);
    expect(t.activity.events.filter((e) => e.kind === 'loginNew')).toHaveLength(1);
  });

  it('recognising a session removes its badge and is logged', async () => {
    const t = setup();
    await t.service.logins.refresh(ACCOUNT);
    t.tick(1_000);
    t.gateway.logins = [loginSession('ls_new')];
    await t.service.logins.refresh(ACCOUNT);
    const recognised = t.service.logins.recognise(ACCOUNT, 'ls_new');
    expect(recognised).toMatchObject({ isNew: false });
    expect(recognised.recognisedAt).not.toBeNull();
    expect(t.activity.events.map((e) => e.kind)).toEqual(['loginNew', 'loginRecognised']);
  });

  it('closes one session; one already gone on the gateway counts as closed', async () => {
    const t = setup();
    t.gateway.logins = [
      loginSession('ls_a'),
      loginSession('ls_b'),
      loginSession('ls_me', { current: true }),
    ];
    await t.service.logins.refresh(ACCOUNT);
    const closed = await t.service.logins.close(ACCOUNT, 'ls_a');
    expect(closed.status).toBe('closed');
    expect(t.activity.events.at(-1)).toMatchObject({
      kind: 'loginClosed',
      params: { variant: 'single', login: 'Firefox on Linux · Lisbon, PT · 203.0.113.7' },
    });
    expect(t.gateway.logins.map((s) => s.id)).toEqual(['ls_b', 'ls_me']);
    t.gateway.logins = t.gateway.logins.filter((s) => s.id !== 'ls_b');
    expect((await t.service.logins.close(ACCOUNT, 'ls_b')).status).toBe('closed');
    await expect(t.service.logins.close(ACCOUNT, 'ls_me')).rejects.toMatchObject({
      code: 'conflict',
    });
  });

  it('close all except current closes the others and leaves this device', async () => {
    const t = setup();
    t.gateway.logins = [
      loginSession('ls_a'),
      loginSession('ls_b'),
      loginSession('ls_me', { current: true }),
    ];
    await t.service.logins.refresh(ACCOUNT);
    const result = await t.service.closeOtherLoginSessions(ACCOUNT);
    expect(result.closed).toBe(2);
    const open = t.service.listLoginSessions(ACCOUNT).filter((s) => s.status === 'open');
    expect(open.map((s) => s.id)).toEqual(['ls_me']);
    expect(t.activity.events.at(-1)).toMatchObject({
      kind: 'loginClosed',
      params: { variant: 'allButCurrent', count: 2 },
    });
  });

  it('offline: closing is refused and nothing looks closed; the list is served from the last copy', async () => {
    const t = setup();
    t.gateway.logins = [loginSession('ls_a')];
    await t.service.logins.refresh(ACCOUNT);
    t.gateway.failNext('closeLoginSession', 'network');
    await expect(t.service.logins.close(ACCOUNT, 'ls_a')).rejects.toMatchObject({
      code: 'offline',
    });
    t.gateway.failNext('listLoginSessions', 'timeout');
    const list = await t.service.logins.refresh(ACCOUNT);
    expect(list.offline).toBe(true);
    expect(list.sessions[0]!.status).toBe('open');
  });

  it('falls back to manual mode when the gateway has no login-session routes', async () => {
    const t = setup();
    t.gateway.assumedRoutes = false;
    const list = await t.service.logins.refresh(ACCOUNT);
    expect(list.mode).toBe('manual');
    await expect(t.service.closeOtherLoginSessions(ACCOUNT)).rejects.toMatchObject({
      code: 'unsupported',
    });
  });

  describe('manual tracking: login sessions recorded by hand', () => {
    async function manual() {
      const t = setup();
      t.gateway.assumedRoutes = false;
      await t.service.logins.refresh(ACCOUNT);
      return t;
    }

    it('records a login session as a hand-made record, logged once', async () => {
      const t = await manual();
      const recorded = t.service.logins.recordManual({
        accountId: ACCOUNT,
        device: '  Chrome on Windows ',
        city: 'Kyiv',
        countryCode: 'UA',
        ip: '',
        lastUsedOn: '2026-11-20',
        recognised: true,
        note: 'my laptop',
      });
      expect(recorded).toMatchObject({
        device: 'Chrome on Windows',
        city: 'Kyiv',
        countryCode: 'UA',
        ip: null,
        lastUsedAt: '2026-11-20T00:00:00.000Z',
        source: 'manual',
        status: 'open',
        current: false,
        isNew: false,
        note: 'my laptop',
      });
      expect(recorded.id).toMatch(/^manual_/);
      expect(recorded.recognisedAt).not.toBeNull();
      expect(t.service.logins.list(ACCOUNT).sessions.map((s) => s.id)).toEqual([recorded.id]);
      expect(t.activity.events).toEqual([
        expect.objectContaining({ kind: 'sessionRecordedManually', subjectId: recorded.id }),
      ]);
    });

    it('refuses bad input with a clear message', async () => {
      const t = await manual();
      const bad = [
        { accountId: ACCOUNT, device: '   ' },
        { accountId: ACCOUNT, device: 'x'.repeat(301) },
        { accountId: ACCOUNT, device: 'Phone', note: 'n'.repeat(301) },
        { accountId: ACCOUNT, device: 'Phone', ip: '1'.repeat(101) },
        { accountId: ACCOUNT, device: 'Phone', lastUsedOn: '20 Nov' },
      ];
      for (const input of bad) {
        expect(() => t.service.logins.recordManual(input)).toThrow(
          expect.objectContaining({ code: 'invalidInput' }),
        );
      }
      expect(t.service.logins.list(ACCOUNT).sessions).toHaveLength(0);
      expect(t.activity.events).toHaveLength(0);
    });

    it('marks a recorded session closed; gateway Close is refused for it', async () => {
      const t = await manual();
      const recorded = t.service.logins.recordManual({ accountId: ACCOUNT, device: 'Safari' });
      expect(recorded.recognisedAt).toBeNull();
      await expect(t.service.logins.close(ACCOUNT, recorded.id)).rejects.toMatchObject({
        code: 'conflict',
      });
      t.tick(1_000);
      const closed = t.service.logins.markClosedManually(ACCOUNT, recorded.id);
      expect(closed).toMatchObject({ status: 'closed', closedAt: '2026-11-23T10:00:01.000Z' });
      // Again: nothing changes, nothing more is logged.
      expect(t.service.logins.markClosedManually(ACCOUNT, recorded.id).status).toBe('closed');
      expect(t.activity.events.map((e) => e.kind)).toEqual([
        'sessionRecordedManually',
        'loginClosed',
      ]);
      expect(() => t.service.logins.markClosedManually(ACCOUNT, 'manual_nope')).toThrow(
        expect.objectContaining({ code: 'notFound' }),
      );
    });

    it('keeps manual records across a restart on the same files', async () => {
      const t = await manual();
      const kept = t.service.logins.recordManual({
        accountId: ACCOUNT,
        device: 'iPhone',
        recognised: true,
        note: 'mine',
      });
      const closed = t.service.logins.recordManual({ accountId: ACCOUNT, device: 'Unknown PC' });
      t.service.logins.markClosedManually(ACCOUNT, closed.id);
      const reopened = t.reopen();
      const list = reopened.logins.list(ACCOUNT);
      expect(list.mode).toBe('manual');
      expect(list.sessions.find((s) => s.id === kept.id)).toMatchObject({
        source: 'manual',
        status: 'open',
        note: 'mine',
      });
      expect(list.sessions.find((s) => s.id === closed.id)?.status).toBe('closed');
    });

    it('is refused while the gateway lists login sessions, and a gateway session cannot be marked closed by hand', async () => {
      const t = setup();
      t.gateway.logins = [loginSession('ls_a')];
      await t.service.logins.refresh(ACCOUNT);
      expect(() => t.service.logins.recordManual({ accountId: ACCOUNT, device: 'Phone' })).toThrow(
        expect.objectContaining({ code: 'conflict' }),
      );
      expect(() => t.service.logins.markClosedManually(ACCOUNT, 'ls_a')).toThrow(
        expect.objectContaining({ code: 'conflict' }),
      );
      expect(t.service.logins.list(ACCOUNT).sessions.map((s) => s.source)).toEqual(['gateway']);
    });

    it('when the routes come back, manual records stay manual and are not marked gone', async () => {
      const t = await manual();
      const recorded = t.service.logins.recordManual({ accountId: ACCOUNT, device: 'Tablet' });
      t.gateway.assumedRoutes = true;
      t.gateway.logins = [loginSession('ls_a')];
      await t.service.logins.refresh(ACCOUNT, { force: true });
      const list = t.service.logins.list(ACCOUNT);
      expect(list.mode).toBe('gateway');
      expect(list.sessions.find((s) => s.id === recorded.id)).toMatchObject({
        source: 'manual',
        status: 'open',
      });
      expect(list.sessions.find((s) => s.id === 'ls_a')?.source).toBe('gateway');
    });
  });
});
