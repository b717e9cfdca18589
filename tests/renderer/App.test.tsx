import './isolate-features';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src/renderer/App';
import { setApi } from '../../src/renderer/client';
import { applyLanguage } from '../../src/renderer/i18n';
import { useNavigationStore } from '../../src/renderer/stores/navigation';
import { useSelectionStore } from '../../src/renderer/stores/selection';
import { useAccountsStore } from '../../src/renderer/stores/accounts';
import { useSettingsStore } from '../../src/renderer/stores/settings';
import { createFakeApi } from './fake-api';

beforeEach(async () => {
  useSettingsStore.setState({ settings: null, loadError: null });
  useNavigationStore.setState({ ...useNavigationStore.getInitialState(), screen: 'accounts' });
  await applyLanguage('en');
});

afterEach(() => {
  cleanup();
  setApi(null);
});

async function renderApp(fake = createFakeApi()) {
  setApi(fake.api);
  await act(async () => {
    render(<App />);
  });
  return fake;
}

describe('the app frame', () => {
  it('marks the current screen in the navigation and switches on click', async () => {
    await renderApp();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(nav.querySelector('[aria-current="page"]')?.textContent).toBe('Accounts');
    fireEvent.click(screen.getByRole('button', { name: 'Notes' }));
    expect(nav.querySelector('[aria-current="page"]')?.textContent).toBe('Notes');
    expect(screen.getByRole('heading', { level: 2, name: 'Notes' })).toBeTruthy();
  });

  it('says honestly that an unbuilt screen has nothing yet', async () => {
    await renderApp();
    expect(screen.getByText('Nothing here yet')).toBeTruthy();
  });

  it('goes where the tray asks and moves focus there; ignores unknown screens', async () => {
    const fake = await renderApp();
    act(() => fake.emitNavigate('settings'));
    const heading = await screen.findByRole('heading', { level: 2, name: 'Settings' });
    expect(document.activeElement).toBe(heading);
    act(() => fake.emitNavigate('nowhere'));
    expect(useNavigationStore.getState().screen).toBe('settings');
    const notes = screen.getByRole('button', { name: 'Notes' });
    notes.focus();
    fireEvent.click(notes);
    expect(document.activeElement).toBe(notes);
  });

  it('gives focus to a screen that loads lazily once its heading appears', async () => {
    const fake = await renderApp();
    act(() => fake.emitNavigate('activity'));
    const heading = await screen.findByRole('heading', { level: 2, name: 'Activity' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(useNavigationStore.getState().focusPending).toBe(false);
  });

  it('switches screens with Ctrl+number', async () => {
    await renderApp();
    act(() => {
      fireEvent.keyDown(window, { key: '3', ctrlKey: true });
    });
    expect(useNavigationStore.getState().screen).toBe('sessions');
  });

  it('applies saved settings at start and again when main says they changed', async () => {
    const fake = createFakeApi({ settings: { language: 'ru', theme: 'dark' } });
    await renderApp(fake);
    await waitFor(() => expect(document.documentElement.lang).toBe('ru'));
    expect(document.documentElement.dataset.theme).toBe('dark');
    await fake.api.settings.set({ theme: 'light', language: 'en' });
    await act(async () => {
      fake.emitStateChanged(['settings']);
    });
    expect(document.documentElement.dataset.theme).toBe('light');
    expect(document.documentElement.lang).toBe('en');
  });

  it('tells the creator a damaged file was set aside, until dismissed', async () => {
    const fake = createFakeApi({
      notices: [{ store: 'notes', kind: 'corruptSetAside', at: '2026-11-23T10:00:00.000Z' }],
    });
    await renderApp(fake);
    expect(await screen.findByText(/“Notes” file was damaged/)).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Dismiss file notices' }));
    });
    expect(fake.fake.app.dismissStorageNotices).toHaveBeenCalledTimes(1);
    expect(screen.queryByText(/file was damaged/)).toBeNull();
  });

  it('shares one bridge subscription among all topic listeners and releases it', async () => {
    const fake = await renderApp();
    expect(fake.fake.onStateChanged).toHaveBeenCalledTimes(1);
    cleanup();
    expect(fake.listenerCount()).toBe(0);
  });

  /** A fake bridge whose accounts list has fansly_a and fansly_b. */
  function withTwoAccounts() {
    const fake = createFakeApi();
    const account = (accountId: string) => ({
      accountId,
      nativeId: null,
      username: accountId,
      displayName: null,
      label: null,
      connectionState: 'connected' as const,
      lastRefreshedAt: null,
    });
    const list = vi.fn(() =>
      Promise.resolve({
        ok: true as const,
        data: { accounts: [account('fansly_a'), account('fansly_b')], asOf: null, offline: false },
      }),
    );
    Object.assign(fake.fake, { accounts: { list } });
    return { fake, list };
  }

  it('selects the first connected account at start, before the Accounts screen is ever opened', async () => {
    useSelectionStore.setState({ selectedAccountId: null });
    useAccountsStore.setState({ list: null, loading: false, loadError: null });
    useNavigationStore.setState({ screen: 'sessions', focusRequest: 0, focusPending: false });
    const { fake, list } = withTwoAccounts();
    await renderApp(fake);
    await waitFor(() => expect(useSelectionStore.getState().selectedAccountId).toBe('fansly_a'));
    expect(list).toHaveBeenCalledTimes(1);
    // A change announced by main (an account connected elsewhere) is picked up too.
    act(() => fake.emitStateChanged(['accounts']));
    await waitFor(() => expect(list).toHaveBeenCalledTimes(2));
  });

  it("opens one account's sessions from the tray, and ignores an account that is gone", async () => {
    useSelectionStore.setState({ selectedAccountId: null });
    useAccountsStore.setState({ list: null, loading: false, loadError: null });
    const { fake } = withTwoAccounts();
    await renderApp(fake);
    await waitFor(() => expect(useSelectionStore.getState().selectedAccountId).toBe('fansly_a'));
    act(() => fake.emitNavigate('sessions', 'fansly_b'));
    expect(useNavigationStore.getState().screen).toBe('sessions');
    expect(useSelectionStore.getState().selectedAccountId).toBe('fansly_b');
    act(() => fake.emitNavigate('sessions', 'fansly_gone'));
    expect(useSelectionStore.getState().selectedAccountId).toBe('fansly_b');
  });

  it('opens the tab main asks for: a new-login notification leads to the login sessions', async () => {
    const fake = await renderApp();
    act(() => fake.emitNavigate('sessions/logins'));
    expect(useNavigationStore.getState()).toMatchObject({ screen: 'sessions', tab: 'logins' });
    act(() => fake.emitNavigate('nowhere/logins'));
    expect(useNavigationStore.getState().screen).toBe('sessions');
  });
});
