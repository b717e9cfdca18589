import { describe, expect, it } from 'vitest';
import type { ManagementSession } from '../../../src/shared/contract/sessions';
import {
  filterSessions,
  searchSessions,
  searchableSessions,
  visibleSessions,
} from '../../../src/renderer/features/sessions/list-model';
import { managementSession } from './fixtures';

function session(i: number, extra: Partial<ManagementSession> = {}): ManagementSession {
  return managementSession(i, {
    permissions: i % 3 === 0 ? ['messages', 'walletBalance'] : ['posts'],
    status: i % 4 === 0 ? 'revoked' : 'active',
    sentTo: i === 7 ? 'Telegram to Anna' : '',
    ...extra,
  });
}

const base = { query: '', status: 'all' as const, sort: 'created' as const, catalogue: null };

describe('the sessions list model', () => {
  it('searches label, manager and where the link went; filters by status; sorts', () => {
    const all = [session(1), session(2), session(7), session(8)];
    const names = new Map([['m1', 'Anna Agency']]);
    all[1] = { ...all[1]!, managerId: 'm1' };
    expect(
      visibleSessions(all, { ...base, query: 'anna', managerNames: names }).map((s) => s.id),
    ).toEqual(['ms_7', 'ms_2']);
    expect(
      visibleSessions(all, { ...base, status: 'revoked', managerNames: names }).map((s) => s.id),
    ).toEqual(['ms_8']);
    expect(
      visibleSessions([session(1), session(3)], { ...base, sort: 'risk', managerNames: names })[0]!
        .id,
    ).toBe('ms_3');
  });

  it('filters, searches and sorts 10,000 sessions (speed is measured by npm run bench)', () => {
    const all = Array.from({ length: 10_000 }, (_, i) => session(i));
    const shown = visibleSessions(all, {
      ...base,
      query: 'manager 99',
      status: 'active',
      sort: 'risk',
      managerNames: new Map(),
    });
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((s) => s.status === 'active' && s.label.includes('99'))).toBe(true);
  });

  it('typing a query key by key, deleting and changing the status finds exactly what a fresh search finds', () => {
    const all = Array.from({ length: 300 }, (_, i) =>
      session(i, {
        label: `Manager ${String(i).padStart(3, '0')} ${['Agency', 'Editor', 'Chat'][i % 3]}`,
        managerId: i % 5 === 0 ? 'm1' : null,
      }),
    );
    const names = new Map([['m1', 'Anna Agency']]);
    const list = searchableSessions(all, names);
    const steps: { query: string; status: 'all' | 'active' | 'revoked' }[] = [];
    for (const query of ['agency', 'manager 01', 'anna  ag', 'editor 2']) {
      for (let n = 0; n <= query.length; n++)
        steps.push({ query: query.slice(0, n), status: 'all' });
      for (let n = query.length; n >= 0; n--)
        steps.push({ query: query.slice(0, n), status: 'all' });
    }
    steps.push({ query: 'chat', status: 'all' }, { query: 'chat', status: 'active' });
    steps.push({ query: 'chat 1', status: 'active' }, { query: 'chat 1', status: 'revoked' });
    steps.push({ query: 'chat 1', status: 'all' }, { query: 'CHAT 12', status: 'all' });
    steps.push({ query: '12 chat', status: 'all' }, { query: '2 chat', status: 'all' });
    for (const step of steps) {
      const expected = filterSessions(all, { ...step, managerNames: names }).map((s) => s.id);
      expect(
        searchSessions(list, step).map((s) => s.id),
        JSON.stringify(step),
      ).toEqual(expected);
    }
  });

  it('answers the same array while the matches stay the same, so the list need not redraw', () => {
    const all = Array.from({ length: 50 }, (_, i) => session(i));
    const list = searchableSessions(all, new Map());
    const first = searchSessions(list, { query: 'man', status: 'all' });
    expect(searchSessions(list, { query: 'manager', status: 'all' })).toBe(first);
    const narrower = searchSessions(list, { query: 'manager 4', status: 'all' });
    expect(narrower).not.toBe(first);
    expect(narrower.map((s) => s.label)).toContain('Manager 14');
    expect(narrower.every((s) => s.label.includes('4'))).toBe(true);
  });
});
