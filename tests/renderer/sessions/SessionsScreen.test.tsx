import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Account, Api, Overview, StateTopic } from '../../../src/shared/contract';
import type { Result } from '../../../src/shared/errors';
import { setApi } from '../../../src/renderer/client';
import { OverviewScreen } from '../../../src/renderer/features/overview/OverviewScreen';
import { SessionsScreen } from '../../../src/renderer/features/sessions/SessionsScreen';
import { applyLanguage } from '../../../src/renderer/i18n';
import { useNavigationStore } from '../../../src/renderer/stores/navigation';
import { useOverviewStore } from '../../../src/renderer/stores/overview';
import { useSelectionStore } from '../../../src/renderer/stores/selection';

// The panels themselves are not under test: only which one is shown.
vi.mock('../../../src/renderer/features/sessions/ManagementSessionsPanel', () => ({
  ManagementSessionsPanel: () => <p>management panel</p>,
}));
vi.mock('../../../src/renderer/features/logins/LoginSessionsPanel', () => ({
  LoginSessionsPanel: () => <p>login sessions panel</p>,
}));

const account: Account = {
  accountId: 'fansly_a',
  nativeId: null,
  username: 'anna_creates',
  displayName: null,
  label: null,
  connectionState: 'connected',
  lastRefreshedAt: new Date().toISOString(),
};
const now = new Date().toISOString();
const overview: Overview = {
  keySet: true,
  accounts: [account],
  accountId: 'fansly_a',
  management: { mode: 'gateway', asOf: now, offline: false, active: [], closedCount: 0 },
  logins: { mode: 'gateway', asOf: now, open: 3, unrecognised: 2 },
  security: { overall: 'atRisk', needsAttention: 1, total: 8 },
  managers: [],
  lockdown: null,
};

async function showSessions() {
  await act(async () => {
    render(<SessionsScreen />);
  });
}
const selectedTab = () => screen.getByRole('tab', { selected: true }).textContent;

beforeEach(async () => {
  useOverviewStore.setState({ overview: null, loadError: null });
  useSelectionStore.setState({ selectedAccountId: 'fansly_a' });
  useNavigationStore.setState(useNavigationStore.getInitialState());
  await applyLanguage('en');
});
afterEach(() => {
  cleanup();
  setApi(null);
});

describe('the sessions screen tabs', () => {
  it('"Review logins" on the overview opens the login sessions, not the management sessions', async () => {
    const ok = <T,>(data: T): Promise<Result<T>> => Promise.resolve({ ok: true, data });
    useSelectionStore.setState({ selectedAccountId: null });
    setApi({
      overview: { get: vi.fn(() => ok(overview)) },
      sessions: { refresh: vi.fn(() => ok(null)) },
      logins: { refresh: vi.fn(() => ok(null)) },
      onStateChanged: (_l: (p: { topics: StateTopic[] }) => void) => () => undefined,
    } as unknown as Api);
    await act(async () => {
      render(<OverviewScreen />);
    });
    // "2 you have not marked as recognised": the creator goes to look at them.
    fireEvent.click(screen.getByRole('button', { name: 'Review logins' }));
    expect(useNavigationStore.getState().screen).toBe('sessions');
    cleanup();
    await showSessions();
    expect(selectedTab()).toBe('Login sessions');
    expect(screen.getByText('login sessions panel')).toBeTruthy();
  });

  it('follow a request for the login sessions while open (a new-login notification)', async () => {
    useNavigationStore.getState().navigate('sessions');
    await showSessions();
    expect(selectedTab()).toBe('Management sessions');
    act(() => void useNavigationStore.getState().navigateTo('sessions/logins'));
    expect(selectedTab()).toBe('Login sessions');
    // The tray opening the same screen keeps the tab; opening it again starts on the first.
    act(() => void useNavigationStore.getState().navigateTo('sessions'));
    expect(selectedTab()).toBe('Login sessions');
    cleanup();
    useNavigationStore.getState().navigate('notes');
    useNavigationStore.getState().navigate('sessions');
    await showSessions();
    expect(selectedTab()).toBe('Management sessions');
    expect(screen.getByText('management panel')).toBeTruthy();
  });
});
