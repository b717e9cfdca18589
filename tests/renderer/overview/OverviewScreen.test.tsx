import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type {
  Account,
  Api,
  Overview,
  OverviewSession,
  StateTopic,
} from '../../../src/shared/contract';
import type { Result } from '../../../src/shared/errors';
import { setApi } from '../../../src/renderer/client';
import { OverviewScreen } from '../../../src/renderer/features/overview/OverviewScreen';
import { applyLanguage } from '../../../src/renderer/i18n';
import { useNavigationStore } from '../../../src/renderer/stores/navigation';
import { useOverviewStore } from '../../../src/renderer/stores/overview';
import { useSelectionStore } from '../../../src/renderer/stores/selection';
import { useSessionsStore } from '../../../src/renderer/stores/sessions';

const NOW = Date.now();
const iso = (msAgo: number) => new Date(NOW - msAgo).toISOString();
const DAY = 86_400_000;

const account = (id: string, username: string): Account => ({
  accountId: id,
  nativeId: null,
  username,
  displayName: null,
  label: null,
  connectionState: 'connected',
  lastRefreshedAt: iso(0),
});

const session = (id: string, extra: Partial<OverviewSession> = {}): OverviewSession => ({
  id,
  label: `Session ${id}`,
  permissions: ['posts'],
  managerId: null,
  createdAt: iso(DAY),
  lastUsedAt: null,
  reviewBy: null,
  createdInDoorman: true,
  source: 'gateway',
  ...extra,
});

function overviewOf(extra: Partial<Overview> = {}): Overview {
  return {
    keySet: true,
    accounts: [account('fansly_a', 'anna_creates'), account('fansly_b', 'second_page')],
    accountId: 'fansly_a',
    management: {
      mode: 'gateway',
      asOf: iso(1_000),
      offline: false,
      active: [
        session('s1', {
          label: 'Agency: chat team',
          permissions: ['messages', 'massMessages', 'walletBalance', 'settings', 'posts'],
          managerId: 'm1',
          createdInDoorman: false,
          lastUsedAt: iso(3_600_000),
        }),
        session('s2', { label: 'Assistant: scheduling', permissions: ['scheduledQueue'] }),
      ],
      closedCount: 4,
    },
    logins: { mode: 'gateway', asOf: iso(1_000), open: 3, unrecognised: 1 },
    security: { overall: 'atRisk', needsAttention: 2, total: 9 },
    managers: [{ id: 'm1', name: 'Lumen agency' }],
    lockdown: null,
    ...extra,
  };
}

/** window.api with only what the overview (and opening a session from it) uses. */
function fakeApi(answer: (accountId: string | null) => Overview) {
  const listeners = new Set<(payload: { topics: StateTopic[] }) => void>();
  const ok = <T,>(data: T): Promise<Result<T>> => Promise.resolve({ ok: true, data });
  const calls = {
    overview: vi.fn((input: { accountId: string | null }) => ok(answer(input.accountId))),
    sessionsRefresh: vi.fn(() => ok(null)),
    loginsRefresh: vi.fn(() => ok(null)),
    sessionsList: vi.fn((input: { accountId: string }) =>
      ok({
        accountId: input.accountId,
        mode: 'gateway',
        asOf: iso(0),
        offline: false,
        sessions: [],
      }),
    ),
  };
  const api = {
    overview: { get: calls.overview },
    sessions: { refresh: calls.sessionsRefresh, list: calls.sessionsList },
    logins: { refresh: calls.loginsRefresh },
    onStateChanged: (listener: (payload: { topics: StateTopic[] }) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  setApi(api as unknown as Api);
  return {
    calls,
    emit: (topics: StateTopic[]) => listeners.forEach((l) => l({ topics })),
  };
}

async function show(answer: (accountId: string | null) => Overview = () => overviewOf()) {
  const fake = fakeApi(answer);
  await act(async () => {
    render(<OverviewScreen />);
  });
  return fake;
}

// jsdom lays nothing out: give the virtualised list a viewport so its rows render.
const clientHeight = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get: () => 600,
  });
});
afterAll(() => {
  if (clientHeight) Object.defineProperty(HTMLElement.prototype, 'clientHeight', clientHeight);
});

beforeEach(async () => {
  useOverviewStore.setState({ overview: null, loadError: null });
  useSelectionStore.setState({ selectedAccountId: null });
  useNavigationStore.setState({ screen: 'overview', focusRequest: 0, focusPending: false });
  useSessionsStore.setState({ accountId: null, list: null, selectedId: null });
  await applyLanguage('en');
});
afterEach(() => {
  cleanup();
  setApi(null);
});

describe('the overview (start screen)', () => {
  it('shows who can get in, with what power, and whether the account is at risk', async () => {
    await show();
    expect(screen.getByRole('heading', { level: 2, name: 'Overview' })).toBeTruthy();
    expect(screen.getByTestId('overview-as-of').textContent).toContain('@anna_creates');
    const list = screen.getByRole('list', { name: '2 active management sessions' });
    const rows = list.querySelectorAll('li');
    expect(rows).toHaveLength(2);
    const agency = screen.getByRole('button', { name: 'Open Agency: chat team' });
    expect(agency.textContent).toContain('Lumen agency');
    // Four permission names, the fifth counted; graded by what they allow.
    expect(agency.textContent).toContain(
      'Messages, Mass messages, Wallet balance, Settings +1 more',
    );
    expect(agency.textContent).toContain('High risk');
    expect(agency.textContent).toContain('Not created in Doorman');
    const assistant = screen.getByRole('button', { name: 'Open Assistant: scheduling' });
    expect(assistant.textContent).toContain('No manager linked');
    expect(assistant.textContent).toContain('never used');
    expect(assistant.textContent).not.toContain('Not created in Doorman');
    expect(screen.getByText('1 was not created in Doorman: check who it is.')).toBeTruthy();
    expect(screen.getByText('1 you have not marked as recognised.')).toBeTruthy();
    expect(screen.getByText('2 of 9 checklist steps need attention.')).toBeTruthy();
    expect(document.querySelector('[data-state="atRisk"]')?.textContent).toBe('At risk');
  });

  it('picks the account it showed for every screen, and follows a change of account', async () => {
    const fake = await show((id) => overviewOf(id === 'fansly_b' ? { accountId: 'fansly_b' } : {}));
    expect(useSelectionStore.getState().selectedAccountId).toBe('fansly_a');
    fireEvent.change(screen.getByRole('combobox', { name: 'Account' }), {
      target: { value: 'fansly_b' },
    });
    await waitFor(() =>
      expect(screen.getByTestId('overview-as-of').textContent).toContain('@second_page'),
    );
    expect(fake.calls.overview).toHaveBeenLastCalledWith({ accountId: 'fansly_b' });
  });

  it('opens a session on the Sessions screen, selected', async () => {
    await show();
    fireEvent.click(screen.getByRole('button', { name: 'Open Assistant: scheduling' }));
    expect(useNavigationStore.getState().screen).toBe('sessions');
    expect(useSessionsStore.getState().accountId).toBe('fansly_a');
    expect(useSessionsStore.getState().selectedId).toBe('s2');
  });

  it('says when a lockdown is under way, and when the last one did not finish', async () => {
    await show(() => overviewOf({ lockdown: { status: 'running', startedAt: iso(60_000) } }));
    expect(screen.getByText('A lockdown is under way')).toBeTruthy();
    expect(screen.queryByText(/did not finish/)).toBeNull();
    cleanup();
    useOverviewStore.setState({ overview: null, loadError: null });
    await show(() => overviewOf({ lockdown: { status: 'failed', startedAt: iso(60_000) } }));
    expect(screen.queryByText('A lockdown is under way')).toBeNull();
    const alert = screen.getByText(/The last lockdown did not finish/).closest('.alert')!;
    expect(alert.className).toContain('alert--danger');
    fireEvent.click(screen.getByRole('button', { name: 'Review it on the checklist' }));
    expect(useNavigationStore.getState().screen).toBe('checklist');
  });

  it('refreshes old lists from the gateway in the background, and leaves fresh ones alone', async () => {
    const fresh = await show();
    // The refresh is started after the first paint: let that moment pass before saying no.
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(fresh.calls.sessionsRefresh).not.toHaveBeenCalled();
    expect(fresh.calls.loginsRefresh).not.toHaveBeenCalled();
    cleanup();
    useOverviewStore.setState({ overview: null, loadError: null });
    const old = overviewOf();
    old.management!.asOf = iso(10 * 60_000);
    old.logins!.asOf = null;
    const stale = await show(() => old);
    await waitFor(() =>
      expect(stale.calls.sessionsRefresh).toHaveBeenCalledWith({ accountId: 'fansly_a' }),
    );
    expect(stale.calls.loginsRefresh).toHaveBeenCalledWith({ accountId: 'fansly_a' });
  });

  it('loads again when main says sessions changed', async () => {
    let revoked = false;
    const fake = await show(() => {
      const overview = overviewOf();
      if (revoked) overview.management!.active = overview.management!.active.slice(1);
      return overview;
    });
    revoked = true;
    await act(async () => {
      fake.emit(['sessions']);
    });
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: 'Open Agency: chat team' })).toBeNull(),
    );
    expect(screen.getByRole('list', { name: '1 active management session' })).toBeTruthy();
  });

  it('loads again when a staleness setting changes the checklist result', async () => {
    let limitLowered = false;
    const fake = await show(() =>
      overviewOf(
        limitLowered ? {} : { security: { overall: 'secure', needsAttention: 0, total: 9 } },
      ),
    );
    expect(screen.getByText('Every checklist step is done.')).toBeTruthy();
    limitLowered = true;
    await act(async () => {
      fake.emit(['settings']);
    });
    await waitFor(() =>
      expect(screen.getByText('2 of 9 checklist steps need attention.')).toBeTruthy(),
    );
  });

  it('without an account, leads to connecting one; without a key, to adding it', async () => {
    await show(() => overviewOf({ accounts: [], accountId: null, management: null, logins: null }));
    expect(screen.getByText('No Fansly account connected yet')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Connect an account' }));
    expect(useNavigationStore.getState().screen).toBe('accounts');
    cleanup();
    useOverviewStore.setState({ overview: null, loadError: null });
    useNavigationStore.setState({ screen: 'overview' });
    await show(() => overviewOf({ keySet: false, accounts: [], accountId: null }));
    expect(screen.getByText('Doorman needs your gateway API key')).toBeTruthy();
    expect(screen.queryByRole('list')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Add the key' }));
    expect(useNavigationStore.getState().screen).toBe('accounts');
  });

  it('says so when main cannot answer', async () => {
    const fake = fakeApi(() => overviewOf());
    fake.calls.overview.mockImplementation(() =>
      Promise.resolve({ ok: false, error: { code: 'storage', message: 'disk' } }),
    );
    await act(async () => {
      render(<OverviewScreen />);
    });
    expect(screen.getByRole('alert').textContent).toMatch(/\S/);
    expect(screen.queryByRole('heading', { level: 2, name: 'Overview' })).toBeNull();
    // Main answers again: Try again shows the screen.
    fake.calls.overview.mockImplementation(() => Promise.resolve({ ok: true, data: overviewOf() }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    });
    expect(screen.getByRole('heading', { level: 2, name: 'Overview' })).toBeTruthy();
  });

  it('speaks Russian', async () => {
    await applyLanguage('ru');
    await show();
    expect(screen.getByRole('heading', { level: 2, name: 'Обзор' })).toBeTruthy();
    expect(screen.getByRole('list', { name: '2 активные сессии управления' })).toBeTruthy();
    expect(screen.getByText('Кто может войти')).toBeTruthy();
  });
});

/** A just-connected account: Doorman has never listed its management or login sessions. */
const neverListed = (extra: Partial<Overview> = {}) =>
  overviewOf({
    management: { mode: 'gateway', asOf: null, offline: false, active: [], closedCount: 0 },
    logins: { mode: 'gateway', asOf: null, open: 0, unrecognised: 0 },
    security: null,
    ...extra,
  });

describe('the overview of an account whose sessions were never listed', () => {
  it('says the logins are not checked yet, not that every device is recognised', async () => {
    await show(() => neverListed());
    const card = screen.getByRole('heading', { name: 'Logged-in devices' }).closest('section')!;
    expect(card.textContent).not.toContain('Every device is one you recognised.');
    expect(card.textContent).not.toMatch(/\b0\b/);
    expect(card.textContent).toContain('Not checked yet');
  });

  it('says the same when logins are tracked by hand and none is recorded', async () => {
    await show(() =>
      neverListed({ logins: { mode: 'manual', asOf: null, open: 0, unrecognised: 0 } }),
    );
    const card = screen.getByRole('heading', { name: 'Logged-in devices' }).closest('section')!;
    expect(card.textContent).not.toContain('Every device is one you recognised.');
    expect(card.textContent).toContain('No login recorded by hand');
  });

  it('does not count "0 people or agencies" while its own list says it was never read', async () => {
    await show(() => neverListed());
    expect(
      screen.getByText("Doorman has not listed this account's management sessions yet."),
    ).toBeTruthy();
    const card = screen.getByRole('heading', { name: 'Management sessions' }).closest('section')!;
    expect(card.textContent).not.toContain('0 people or agencies can manage this account.');
    expect(card.textContent).toContain('Not checked yet');
  });

  it('says so in Russian too', async () => {
    await applyLanguage('ru');
    await show(() => neverListed());
    for (const title of ['Сессии управления', 'Устройства со входом']) {
      const card = screen.getByRole('heading', { name: title }).closest('section')!;
      expect(card.querySelector('.overview-card__figure')!.textContent).toBe('Ещё не проверено');
    }
  });
});
