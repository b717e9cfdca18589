import { describe, expect, it } from 'vitest';
import { buildTrayMenu, type TrayMenuItem } from '../../../src/main/tray/menu-model';
import {
  buildTraySections,
  TRAY_SESSIONS_SHOWN,
  TrayStateService,
  type TrayStateSource,
} from '../../../src/main/services/tray-state';
import { EventBus } from '../../../src/main/platform/events';
import { createMemoryLogger } from '../../../src/main/platform/log';

const accounts = [
  {
    accountId: 'fansly_a',
    label: '@alice',
    overall: 'atRisk' as const,
    activeSessions: [
      { id: 's1', label: 'Agency A' },
      { id: 's2', label: 'Editor' },
    ],
  },
  { accountId: 'fansly_b', label: '@bea', overall: 'secure' as const, activeSessions: [] },
];

const labels = (items: TrayMenuItem[]): string[] =>
  items.map((i) => (i.kind === 'separator' ? '---' : i.label));

describe('tray menu', () => {
  it('shows Open, the state line, each account with its active sessions, Lockdown, Refresh, Quit', () => {
    const { sections } = buildTraySections({
      language: 'en',
      accounts,
      refreshing: false,
      lockdownRunning: false,
    });
    const menu = buildTrayMenu({ language: 'en', overall: 'atRisk', sections });
    expect(labels(menu)).toEqual([
      'Open Doorman',
      'At risk: open Doorman',
      '---',
      '@alice: 2 active sessions',
      '@bea: 0 active sessions',
      '---',
      'Lockdown…',
      'Refresh now',
      '---',
      'Quit Doorman',
    ]);
    const alice = menu[3] as Extract<TrayMenuItem, { kind: 'submenu' }>;
    expect(labels(alice.items)).toEqual([
      '@alice: at risk',
      '---',
      'Revoke “Agency A”…',
      'Revoke “Editor”…',
    ]);
    const bea = menu[4] as Extract<TrayMenuItem, { kind: 'submenu' }>;
    expect(labels(bea.items)).toContain('No active management sessions');
  });

  it('each Revoke… item names exactly one session; none revokes by itself', () => {
    const { sections, revokeTargets } = buildTraySections({
      language: 'en',
      accounts,
      refreshing: false,
      lockdownRunning: false,
    });
    const alice = sections[0]![0] as Extract<TrayMenuItem, { kind: 'submenu' }>;
    const ids = alice.items.flatMap((i) => (i.kind === 'action' ? [i.id] : []));
    expect(ids.map((id) => revokeTargets[id])).toEqual([
      { accountId: 'fansly_a', sessionId: 's1', label: 'Agency A' },
      { accountId: 'fansly_a', sessionId: 's2', label: 'Editor' },
    ]);
  });

  it('names at most TRAY_SESSIONS_SHOWN sessions per account, then opens that account on Sessions', () => {
    const many = (prefix: string, n: number) =>
      Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}`, label: `${prefix} ${i}` }));
    const { sections, revokeTargets, sessionsTargets } = buildTraySections({
      language: 'en',
      accounts: [
        { ...accounts[0]!, activeSessions: many('a', 10_000) },
        { ...accounts[1]!, activeSessions: many('b', TRAY_SESSIONS_SHOWN) },
      ],
      refreshing: false,
      lockdownRunning: false,
    });
    const [alice, bea] = sections[0] as Extract<TrayMenuItem, { kind: 'submenu' }>[];
    expect(alice!.label).toBe('@alice: 10000 active sessions');
    const aliceActions = alice!.items.filter((i) => i.kind === 'action');
    expect(aliceActions).toHaveLength(TRAY_SESSIONS_SHOWN + 1);
    const all = aliceActions.at(-1)!;
    expect(all.label).toBe('All 10000 sessions…');
    expect(sessionsTargets[all.id]).toBe('fansly_a');
    expect(revokeTargets[aliceActions[0]!.id]).toMatchObject({ sessionId: 'a0' });
    expect(revokeTargets[aliceActions[TRAY_SESSIONS_SHOWN - 1]!.id]).toMatchObject({
      sessionId: `a${TRAY_SESSIONS_SHOWN - 1}`,
    });
    // Exactly the limit: every session has its item, and there is nothing more to open.
    expect(bea!.items.filter((i) => i.kind === 'action')).toHaveLength(TRAY_SESSIONS_SHOWN);
    expect(Object.values(sessionsTargets)).toEqual(['fansly_a']);
    expect(Object.keys(revokeTargets)).toHaveLength(2 * TRAY_SESSIONS_SHOWN);
  });

  it('while refreshing or locking down, those items are disabled; Russian is used when chosen', () => {
    const { sections } = buildTraySections({
      language: 'ru',
      accounts: [{ ...accounts[0]!, activeSessions: [{ id: 's1', label: 'A' }] }],
      refreshing: true,
      lockdownRunning: true,
    });
    expect(sections[1]).toEqual([
      { kind: 'action', id: 'lockdown', label: 'Заблокировать доступ…', enabled: false },
      { kind: 'action', id: 'refresh', label: 'Обновление…', enabled: false },
    ]);
    expect(labels(sections[0]!)).toEqual(['@alice: 1 активная сессия']);
  });

  it('the service follows state changes and routes clicks: Revoke… asks the window, never revokes', async () => {
    const events = new EventBus();
    let overall: 'secure' | 'attention' = 'secure';
    const asked: unknown[] = [];
    let refreshes = 0;
    const source: TrayStateSource = {
      language: () => 'en',
      overall: async () => ({
        overall,
        accounts: [{ accountId: 'fansly_a', label: '@alice', overall }],
      }),
      // One more than the menu names: the submenu ends with "All N sessions…".
      activeSessions: async () => [
        { id: 's1', label: 'Agency A' },
        ...Array.from({ length: TRAY_SESSIONS_SHOWN }, (_, i) => ({ id: `x${i}`, label: `X${i}` })),
      ],
      refreshing: () => false,
      lockdownRunning: () => false,
      refreshNow: async () => void refreshes++,
      requestRevoke: (r) => void asked.push(r),
    };
    const tray = new TrayStateService({ source, events, log: createMemoryLogger() });
    const rendered: string[] = [];
    tray.onChange((s) => rendered.push(s.overall));
    const navigations: unknown[] = [];
    events.subscribe((event, payload) => {
      if (event === 'navigate') navigations.push(payload);
    });
    tray.start();
    await tray.update();
    expect(rendered.at(-1)).toBe('secure');
    overall = 'attention';
    events.changed('loginSessions');
    await tray.update();
    expect(rendered.at(-1)).toBe('attention');

    expect(tray.handleAction('revoke:fansly_a:s1')).toBe(true);
    expect(asked).toEqual([{ accountId: 'fansly_a', sessionId: 's1', label: 'Agency A' }]);
    expect(tray.handleAction('lockdown')).toBe(true);
    expect(navigations).toEqual([{ screen: 'lockdown' }]);
    expect(tray.handleAction('sessions:fansly_a')).toBe(true);
    expect(navigations.at(-1)).toEqual({ screen: 'sessions', accountId: 'fansly_a' });
    expect(tray.handleAction('refresh')).toBe(true);
    expect(refreshes).toBe(1);
    expect(tray.handleAction('open')).toBe(false);
    // Ids are looked up as the service's own, never through the prototype.
    expect(tray.handleAction('constructor')).toBe(false);
    expect(asked).toHaveLength(1);
    tray.stop();
  });

  it('a click on a menu item built before a refresh asks about the session that item showed', async () => {
    const events = new EventBus();
    let sessions = [
      { id: 's1', label: 'Agency A' },
      { id: 's2', label: 'Editor' },
    ];
    const asked: unknown[] = [];
    const source: TrayStateSource = {
      language: () => 'en',
      overall: async () => ({
        overall: 'secure',
        accounts: [{ accountId: 'fansly_a', label: '@alice', overall: 'secure' }],
      }),
      activeSessions: async () => sessions,
      refreshing: () => false,
      lockdownRunning: () => false,
      refreshNow: async () => undefined,
      requestRevoke: (r) => void asked.push(r),
    };
    const tray = new TrayStateService({ source, events, log: createMemoryLogger() });
    await tray.update();
    const alice = tray.current()!.sections[0]![0] as Extract<TrayMenuItem, { kind: 'submenu' }>;
    const editor = alice.items.find((i) => i.kind === 'action' && i.label.includes('Editor'));
    // A refresh brings a new session, listed first, while that menu is open.
    sessions = [{ id: 's9', label: 'New helper' }, ...sessions];
    await tray.update();
    expect(editor?.kind === 'action' && tray.handleAction(editor.id)).toBe(true);
    expect(asked).toEqual([{ accountId: 'fansly_a', sessionId: 's2', label: 'Editor' }]);
  });
});
