import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AccountsList, Api, NoteSummary } from '../../../src/shared/contract';
import type { Result } from '../../../src/shared/errors';
import { setApi } from '../../../src/renderer/client';
import { NotesPanel } from '../../../src/renderer/features/notes/NotesPanel';
import { applyLanguage } from '../../../src/renderer/i18n';
import { useAccountsStore } from '../../../src/renderer/stores/accounts';
import { useNotesStore } from '../../../src/renderer/stores/notes';
import { useSelectionStore } from '../../../src/renderer/stores/selection';
import { giveElementsSize } from '../layout';

type NotesPage = { items: NoteSummary[]; total: number };
const ok = <T,>(data: T): Promise<Result<T>> => Promise.resolve({ ok: true, data });
const unreadable = (): Promise<Result<NotesPage>> =>
  Promise.resolve({ ok: false, error: { code: 'storage', message: 'notes unreadable' } });

const freeNote: NoteSummary = {
  id: 'n1',
  target: { kind: 'none' },
  pinned: false,
  title: 'Payout schedule',
  excerpt: 'Payout schedule agreed',
  length: 22,
  createdAt: '2026-11-20T10:00:00.000Z',
  updatedAt: '2026-11-20T10:00:00.000Z',
};

const accounts: AccountsList = {
  accounts: [
    {
      accountId: '875840751234567890',
      nativeId: null,
      username: 'anna_creates',
      displayName: null,
      label: null,
      connectionState: 'connected',
      lastRefreshedAt: null,
    },
  ],
  asOf: '2026-11-23T12:00:00.000Z',
  offline: false,
};

const aboutAccount = (id: string, noteId: string, title: string): NoteSummary => ({
  ...freeNote,
  id: noteId,
  title,
  excerpt: title,
  target: { kind: 'account', id },
});

/** notes:list answers with each function in turn, then the last one for good. */
function fakeApi(...answers: (() => Promise<Result<NotesPage>>)[]) {
  let call = 0;
  setApi({
    notes: { list: vi.fn(() => answers[Math.min(call++, answers.length - 1)]!()) },
    accounts: { list: vi.fn(() => ok(accounts)) },
    onStateChanged: vi.fn(() => () => undefined),
  } as unknown as Api);
}

beforeEach(async () => {
  // jsdom lays nothing out: give the virtual list room for its rows.
  giveElementsSize(600);
  useNotesStore.setState(useNotesStore.getInitialState());
  await applyLanguage('en');
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  setApi(null);
  useAccountsStore.setState({ list: null, loading: false, loadError: null });
  useSelectionStore.setState({ selectedAccountId: null });
});

describe('the notes list', () => {
  it('when the notes cannot be read, shows only the error and a retry, never "No notes yet"', async () => {
    fakeApi(unreadable, () => ok({ items: [freeNote], total: 1 }));
    await act(async () => {
      render(<NotesPanel />);
    });
    expect(screen.getAllByRole('alert').length).toBeGreaterThan(0);
    // A creator told "0 notes, No notes yet, write down…" thinks their notes are gone.
    expect(screen.queryByText('No notes yet')).toBeNull();
    expect(screen.queryByText('0 notes')).toBeNull();

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByText('1 note')).toBeTruthy();
    expect(screen.getByRole('button', { name: /Payout schedule/ })).toBeTruthy();
  });
});

describe('notes about an account', () => {
  it('name the account by its @username, and by its id only once Doorman no longer knows it', async () => {
    fakeApi(() =>
      ok({
        items: [
          aboutAccount('875840751234567890', 'n1', 'Payout schedule'),
          aboutAccount('875840700000000000', 'n2', 'Old account'),
        ],
        total: 2,
      }),
    );
    await act(() => useAccountsStore.getState().load());
    useSelectionStore.setState({ selectedAccountId: '875840751234567890' });
    await act(async () => {
      render(<NotesPanel />);
    });
    const known = screen.getByRole('button', { name: /Payout schedule/ });
    expect(known.textContent).toContain('Account @anna_creates');
    expect(known.textContent).not.toContain('875840751234567890');
    expect(screen.getByRole('button', { name: /Old account/ }).textContent).toContain(
      'Account 875840700000000000',
    );
    // "About" offers the selected account by name too.
    expect(screen.getByRole('option', { name: /Account/ }).textContent).toBe(
      'Account @anna_creates',
    );
  });
});
