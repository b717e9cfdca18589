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
      expect.objectContaining({ subjectId: 'ls_new' }),
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
});
