import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Api, NoteSummary } from '../../../src/shared/contract';
import type { Result } from '../../../src/shared/errors';
import { setApi } from '../../../src/renderer/client';
import { NotesPanel } from '../../../src/renderer/features/notes/NotesPanel';
import { applyLanguage } from '../../../src/renderer/i18n';
import { useNotesStore } from '../../../src/renderer/stores/notes';

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

/** notes:list answers with each function in turn, then the last one for good. */
function fakeApi(...answers: (() => Promise<Result<NotesPage>>)[]) {
  let call = 0;
  setApi({
    notes: { list: vi.fn(() => answers[Math.min(call++, answers.length - 1)]!()) },
    onStateChanged: vi.fn(() => () => undefined),
  } as unknown as Api);
}

beforeEach(async () => {
  // jsdom lays nothing out: give the virtual list room for its rows.
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(600);
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(600);
  useNotesStore.setState({
    query: '',
    target: null,
    items: [],
    total: 0,
    loaded: false,
    loadError: null,
    selectedId: null,
  });
  await applyLanguage('en');
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  setApi(null);
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
