import { describe, expect, it } from 'vitest';
import {
  buildTrayMenu,
  trayTooltip,
  type OverallState,
  type TrayMenuItem,
} from '../../../src/main/tray/menu-model';

const labels = (items: TrayMenuItem[]) =>
  items.map((item) => (item.kind === 'separator' ? '---' : item.label));

describe('the tray menu', () => {
  it('opens with "Open Doorman", shows the state, and ends with Quit', () => {
    const menu = buildTrayMenu({ language: 'en', overall: 'secure', sections: [] });
    expect(labels(menu)).toEqual(['Open Doorman', 'Account secure', '---', 'Quit Doorman']);
    expect(menu[0]).toEqual({ kind: 'action', id: 'open', label: 'Open Doorman', enabled: true });
    expect(menu.at(-1)).toEqual({
      kind: 'action',
      id: 'quit',
      label: 'Quit Doorman',
      enabled: true,
    });
  });

  it('speaks Russian when the creator chose it', () => {
    const menu = buildTrayMenu({ language: 'ru', overall: 'atRisk', sections: [] });
    expect(labels(menu)).toEqual([
      'Открыть Doorman',
      'Под угрозой: откройте Doorman',
      '---',
      'Выйти из Doorman',
    ]);
    expect(trayTooltip({ language: 'ru', overall: 'attention', sections: [] })).toBe(
      'Doorman: Требует внимания',
    );
  });

  it('names every overall state in both languages', () => {
    const states: OverallState[] = ['secure', 'attention', 'atRisk', 'unknown'];
    for (const language of ['en', 'ru'] as const) {
      const lines = states.map(
        (overall) => labels(buildTrayMenu({ language, overall, sections: [] }))[1],
      );
      expect(new Set(lines).size).toBe(states.length);
      for (const line of lines) expect(line).not.toMatch(/^state\./);
    }
  });

  it('puts feature sections between the state and Quit, each behind a separator, skipping empty ones', () => {
    const sessions: TrayMenuItem[] = [
      { kind: 'label', label: '2 managers have access' },
      { kind: 'action', id: 'lockdown', label: 'Lockdown…', enabled: true },
    ];
    const accounts: TrayMenuItem[] = [
      { kind: 'submenu', label: '@alice', items: [{ kind: 'label', label: 'Secure' }] },
    ];
    const menu = buildTrayMenu({
      language: 'en',
      overall: 'unknown',
      sections: [sessions, [], accounts],
    });
    expect(labels(menu)).toEqual([
      'Open Doorman',
      'Security state unknown',
      '---',
      '2 managers have access',
      'Lockdown…',
      '---',
      '@alice',
      '---',
      'Quit Doorman',
    ]);
  });

  it('is pure: the same state gives an equal menu, and the input is not changed', () => {
    const state = {
      language: 'en' as const,
      overall: 'attention' as const,
      sections: [[{ kind: 'separator' as const }]],
    };
    const snapshot = structuredClone(state);
    expect(buildTrayMenu(state)).toEqual(buildTrayMenu(state));
    expect(state).toEqual(snapshot);
  });
});
