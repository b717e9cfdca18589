import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AccountsList, ActivityEntry, Api } from '../../../src/shared/contract';
import { setApi } from '../../../src/renderer/client';
import { ActivityScreen } from '../../../src/renderer/features/activity/ActivityScreen';
import { applyLanguage } from '../../../src/renderer/i18n';
import { useAccountsStore } from '../../../src/renderer/stores/accounts';
import { useActivityStore } from '../../../src/renderer/stores/activity';
import { useSelectionStore } from '../../../src/renderer/stores/selection';
import { giveElementsSize } from '../layout';

const ok = <T,>(data: T) => Promise.resolve({ ok: true as const, data });

function entry(id: string, fields: Partial<ActivityEntry>): ActivityEntry {
  return {
    id,
    at: '2026-11-23T12:00:00.000Z',
    kind: 'keySet',
    accountId: null,
    subjectId: null,
    result: 'ok',
    summary: '',
    ...fields,
  };
}

const accounts: AccountsList = {
  accounts: [
    {
      accountId: 'fansly_123',
      nativeId: null,
      username: 'alice',
      displayName: 'Alice',
      label: null,
      connectionState: 'connected',
      lastRefreshedAt: null,
    },
  ],
  asOf: '2026-11-23T12:00:00.000Z',
  offline: false,
};

/** activity:list answers `entries` as one page; accounts:list the connected accounts. */
async function renderScreen(entries: ActivityEntry[]) {
  setApi({
    activity: { list: vi.fn(() => ok({ entries, nextCursor: null })) },
    accounts: { list: vi.fn(() => ok(accounts)) },
    onStateChanged: vi.fn(() => () => undefined),
  } as unknown as Api);
  await act(() => useAccountsStore.getState().load());
  await act(async () => {
    render(<ActivityScreen />);
  });
}

/** The detail line of each row drawn, in order (newest first). */
function details(): string[] {
  return screen
    .getAllByRole('listitem')
    .map((row) => row.querySelector('.activity-list__detail')!.textContent ?? '');
}

beforeEach(() => {
  // jsdom lays nothing out: give the virtual list room for every row of these tests.
  giveElementsSize(600);
});
afterEach(async () => {
  cleanup();
  vi.restoreAllMocks();
  setApi(null);
  useAccountsStore.setState({ list: null, loading: false, loadError: null });
  useActivityStore.setState({
    filters: { accountId: null, kind: null, fromDay: '', toDay: '' },
    entries: [],
    nextCursor: null,
    loaded: false,
    error: null,
  });
  useSelectionStore.setState({ selectedAccountId: null });
  await applyLanguage('en');
});

describe('the activity log', () => {
  it('in Russian, words each detail in Russian: the checklist step by its title, the date and the account by name', async () => {
    await applyLanguage('ru');
    await renderScreen([
      entry('e1', {
        kind: 'checklistConfirmed',
        accountId: 'fansly_123',
        subjectId: 'passwordChanged',
        summary: 'Confirmed "passwordChanged" as of 2026-11-23',
        params: { item: 'passwordChanged', date: '2026-11-23T12:00:00.000Z' },
      }),
    ]);
    expect(details()).toEqual([
      'Аккаунт @alice · «Пароль недавно менялся», по состоянию на 23 нояб. 2026 г.',
    ]);
  });

  it('in Russian, counts take the plural form their number needs', async () => {
    await applyLanguage('ru');
    const closed = (id: string, count: number) =>
      entry(id, {
        kind: 'loginClosed',
        summary: `Closed all login sessions except the current one (${count})`,
        params: { variant: 'allButCurrent', count },
      });
    await renderScreen([closed('a', 1), closed('b', 3), closed('c', 5), closed('d', 1001)]);
    expect(details()).toEqual([
      'Завершена 1 сессия входа (все, кроме текущей)',
      'Завершены 3 сессии входа (все, кроме текущей)',
      'Завершено 5 сессий входа (все, кроме текущей)',
      `Завершена ${new Intl.NumberFormat('ru').format(1001)} сессия входа (все, кроме текущей)`,
    ]);
  });

  it('names an account no longer connected by the name its entry kept, else by its id', async () => {
    await applyLanguage('ru');
    await renderScreen([
      entry('a', {
        kind: 'accountDisconnected',
        accountId: 'fansly_gone',
        summary: 'Disconnected @bea from the gateway',
        params: { account: '@bea' },
      }),
      entry('b', {
        kind: 'sessionEnded',
        accountId: 'fansly_old',
        summary: '“Agency” ended on Fansly',
      }),
    ]);
    expect(details()).toEqual([
      'Аккаунт @bea · Отключён от шлюза',
      'Аккаунт fansly_old · “Agency” ended on Fansly',
    ]);
  });

  it('shows an entry written before details were translated by its summary', async () => {
    await applyLanguage('ru');
    await renderScreen([
      entry('old', {
        kind: 'sessionRevoked',
        accountId: 'fansly_123',
        summary: 'Revoked “Agency”',
      }),
      // A sentence this build does not know (a newer variant) falls back the same way.
      entry('newer', {
        kind: 'sessionRevoked',
        summary: 'Revoked “Editor” by a future route',
        params: { variant: 'futureRoute', session: 'Editor' },
      }),
    ]);
    expect(details()).toEqual([
      'Аккаунт @alice · Revoked “Agency”',
      'Revoked “Editor” by a future route',
    ]);
    // A line too long for its row is cut on screen; the whole of it shows on hover.
    expect(
      screen
        .getAllByRole('listitem')
        .map((row) => row.querySelector('.activity-list__detail')!.getAttribute('title')),
    ).toEqual(details());
  });

  it('in English, uses the same sentences with English words', async () => {
    await renderScreen([
      entry('e1', {
        kind: 'lockdownFinished',
        accountId: 'fansly_123',
        summary: 'Lockdown finished: 7 step(s) done',
        params: { variant: 'done', count: 7 },
      }),
      entry('e2', {
        kind: 'reviewKept',
        summary: 'Kept "Agency" with a review on 2026-12-24',
        params: { session: 'Agency', reviewBy: '2026-12-24' },
      }),
    ]);
    expect(details()).toEqual([
      'Account @alice · All 7 steps done',
      'Kept “Agency”; next review on Dec 24, 2026',
    ]);
  });
});

/** activity:list filters a fixed log by account and kind, as main does. */
function filteringApi(log: ActivityEntry[]) {
  const list = vi.fn((input: { accountId?: string; kinds?: string[] }) =>
    ok({
      entries: log.filter(
        (e) =>
          (!input.accountId || e.accountId === input.accountId) &&
          (!input.kinds || input.kinds.includes(e.kind)),
      ),
      nextCursor: null,
    }),
  );
  setApi({
    activity: { list },
    onStateChanged: vi.fn(() => () => undefined),
  } as unknown as Api);
  return list;
}

const selectedOnly = () =>
  screen.getByRole('checkbox', { name: 'Selected account only' }) as HTMLInputElement;

describe('"Selected account only"', () => {
  const log = [
    entry('e1', { kind: 'loginNew', accountId: 'fansly_a' }),
    entry('e2', { kind: 'loginNew', accountId: 'fansly_b' }),
  ];

  it('follows the creator to the account they switch to, and says so', async () => {
    const list = filteringApi(log);
    useSelectionStore.setState({ selectedAccountId: 'fansly_a' });
    await act(async () => {
      render(<ActivityScreen />);
    });
    await act(async () => {
      fireEvent.click(selectedOnly());
    });
    expect(list).toHaveBeenLastCalledWith(expect.objectContaining({ accountId: 'fansly_a' }));

    // The creator picks the other account (Overview / Accounts), then looks at Activity again.
    cleanup();
    const before = list.mock.calls.length;
    useSelectionStore.setState({ selectedAccountId: 'fansly_b' });
    await act(async () => {
      render(<ActivityScreen />);
    });
    expect(selectedOnly().checked).toBe(true);
    const asked = list.mock.calls.slice(before).map(([input]) => input.accountId);
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.every((id) => id === 'fansly_b')).toBe(true);
    expect(screen.getByRole('listitem').textContent).toContain('fansly_b');
  });

  it('clears itself once no account is selected, instead of filtering out of sight', async () => {
    const list = filteringApi(log);
    useActivityStore.setState({
      filters: { accountId: 'fansly_a', kind: null, fromDay: '', toDay: '' },
    });
    await act(async () => {
      render(<ActivityScreen />);
    });
    // No checkbox is shown, so nothing on screen says the log is limited to one account.
    expect(screen.queryByRole('checkbox', { name: 'Selected account only' })).toBeNull();
    expect(list).toHaveBeenLastCalledWith(expect.objectContaining({ accountId: undefined }));
    expect(screen.queryByRole('button', { name: 'Clear filters' })).toBeNull();
  });
});

describe('filtering the activity log', () => {
  /** The text of every polite or assertive live region on screen. */
  const announced = () =>
    Array.from(document.querySelectorAll('[aria-live], [role="status"], [role="alert"]')).map(
      (el) => el.textContent ?? '',
    );

  it('tells a screen reader what the filter left, as the notes search does', async () => {
    filteringApi([entry('e1', { kind: 'keySet', summary: 'API key set' })]);
    await act(async () => {
      render(<ActivityScreen />);
    });
    expect(announced()).toContain('1 event');

    await act(async () => {
      fireEvent.change(screen.getByRole('combobox', { name: 'Kind' }), {
        target: { value: 'sessionRevoked' },
      });
    });
    expect(screen.getByText('Nothing matches these filters')).toBeTruthy();
    expect(announced().some((text) => text.includes('Nothing matches these filters'))).toBe(true);
  });
});
