import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Api, Note } from '../../../src/shared/contract';
import { NOTE_MAX_CHARS } from '../../../src/shared/contract';
import type { Result } from '../../../src/shared/errors';
import { setApi } from '../../../src/renderer/client';
import { NoteEditor } from '../../../src/renderer/features/notes/NoteEditor';
import { applyLanguage } from '../../../src/renderer/i18n';

const note = {
  id: 'n1',
  target: { kind: 'none' },
  title: 'Hello',
  text: 'Hello',
  pinned: false,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
} as unknown as Note;

const ok = <T,>(data: T) => Promise.resolve({ ok: true as const, data });

/** The notes channels the editor uses; `pin` answers what the test gives it. */
function fakeNotesApi(pin: () => Promise<Result<null>> = () => ok(null)) {
  const calls = {
    get: vi.fn(() => ok(note)),
    save: vi.fn(),
    list: vi.fn(() => ok({ items: [], total: 0 })),
    pin: vi.fn(pin),
  };
  setApi({ notes: calls } as unknown as Api);
  return calls;
}

async function renderEditor() {
  await act(async () => {
    render(<NoteEditor noteId="n1" />);
  });
}

afterEach(async () => {
  cleanup();
  setApi(null);
  localStorage.clear();
  await applyLanguage('en');
});

describe('the note editor', () => {
  it('says how long a too-long note is in the UI language, not the OS locale', async () => {
    await applyLanguage('ru');
    fakeNotesApi();
    await renderEditor();
    const area = screen.getByRole('textbox');
    await act(async () => {
      fireEvent.change(area, { target: { value: 'x'.repeat(NOTE_MAX_CHARS + 1) } });
      fireEvent.blur(area);
    });
    // 100 001 takes the singular in Russian ("символ"), and Russian groups digits with a space.
    const ru = new Intl.NumberFormat('ru');
    const status = screen.getByTestId('note-save-status').textContent;
    expect(status).toContain(`в заметке ${ru.format(NOTE_MAX_CHARS + 1)} символ,`);
    expect(status).toContain(`не больше ${ru.format(NOTE_MAX_CHARS)}.`);
  });

  it('says why pinning failed and lets the creator try again', async () => {
    const calls = fakeNotesApi(() =>
      Promise.resolve({ ok: false, error: { code: 'storage', message: 'disk full' } }),
    );
    await renderEditor();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Pin' }));
    });
    expect(screen.getByRole('alert').querySelector('[data-error-code="storage"]')).not.toBeNull();
    const button = screen.getByRole('button', { name: 'Pin' });
    expect(button.getAttribute('aria-pressed')).toBe('false');
    expect(button.getAttribute('aria-busy')).toBeNull();

    calls.pin.mockImplementation(() => ok(null));
    await act(async () => {
      fireEvent.click(button);
    });
    expect(calls.pin).toHaveBeenCalledTimes(2);
    expect(screen.getByRole('button', { name: 'Unpin' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
