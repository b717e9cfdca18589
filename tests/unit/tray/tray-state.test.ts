import { describe, expect, it } from 'vitest';
import { buildTrayMenu, type TrayMenuItem } from '../../../src/main/tray/menu-model';
import {
  buildTraySections,
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
      activeSessions: async () => [{ id: 's1', label: 'Agency A' }],
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

    expect(tray.handleAction('revoke:1')).toBe(true);
    expect(asked).toEqual([{ accountId: 'fansly_a', sessionId: 's1', label: 'Agency A' }]);
    expect(tray.handleAction('lockdown')).toBe(true);
    expect(navigations).toEqual([{ screen: 'lockdown' }]);
    expect(tray.handleAction('refresh')).toBe(true);
    expect(refreshes).toBe(1);
    expect(tray.handleAction('open')).toBe(false);
    tray.stop();
  });
});
