import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NOTE_MAX_CHARS, type Note } from '../../../shared/contract';
import { DoormanError } from '../../../shared/errors';
import { ClientError } from '../../client';
import { NoteAutosaver, type SaveState } from './useNoteAutosave';

function note(id: string, text: string): Note {
  return {
    id,
    target: { kind: 'none' },
    text,
    pinned: false,
    createdAt: '2026-11-23T10:00:00.000Z',
    updatedAt: '2026-11-23T10:00:00.000Z',
    revision: 1,
  };
}

/** A save the test resolves by hand, to see what happens while one is in flight. */
function handSaves() {
  const calls: { text: string; resolve: () => void; reject: (e: unknown) => void }[] = [];
  const save = (id: string, text: string) =>
    new Promise<Note>((resolve, reject) => {
      calls.push({ text, resolve: () => resolve(note(id, text)), reject });
    });
  return { calls, save };
}

beforeEach(() => {
  vi.useFakeTimers();
  localStorage.clear();
});
afterEach(() => vi.useRealTimers());

describe('note autosave', () => {
  it('saves once after a pause in typing, not on every keystroke', async () => {
    const { calls, save } = handSaves();
    const states: SaveState[] = [];
    const saver = new NoteAutosaver('n1', 'a', save, (s) => states.push(s), undefined, 500);
    saver.change('ab');
    saver.change('abc');
    await vi.advanceTimersByTimeAsync(499);
    expect(calls).toHaveLength(0);
    expect(states.at(-1)).toEqual({ kind: 'unsaved' });
    await vi.advanceTimersByTimeAsync(1);
    expect(calls.map((c) => c.text)).toEqual(['abc']);
    expect(states.at(-1)).toEqual({ kind: 'saving' });
    calls[0]!.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(states.at(-1)).toMatchObject({ kind: 'saved' });
    expect(localStorage.getItem('doorman:note-draft:n1')).toBeNull();
  });

  it('flush saves at once (blur, switching notes) and text typed during a save is saved after it', async () => {
    const { calls, save } = handSaves();
    const saver = new NoteAutosaver('n1', '', save, () => undefined, undefined, 500);
    saver.change('first');
    const flushing = saver.flush();
    expect(calls.map((c) => c.text)).toEqual(['first']);
    saver.change('first and more');
    // Only one save at a time.
    expect(calls).toHaveLength(1);
    calls[0]!.resolve();
    await flushing;
    await vi.advanceTimersByTimeAsync(500);
    expect(calls.map((c) => c.text)).toEqual(['first', 'first and more']);
    calls[1]!.resolve();
    await vi.advanceTimersByTimeAsync(0);
  });

  it('a refused save keeps the text as a draft and says why; nothing is sent for over-long text', async () => {
    const { calls, save } = handSaves();
    const states: SaveState[] = [];
    const saver = new NoteAutosaver('n1', 'old', save, (s) => states.push(s), undefined, 500);
    const long = 'x'.repeat(NOTE_MAX_CHARS + 1);
    saver.change(long);
    await saver.flush();
    expect(calls).toHaveLength(0);
    expect(states.at(-1)).toEqual({ kind: 'failed', problem: 'tooLong', error: null });
    expect(localStorage.getItem('doorman:note-draft:n1')).toBe(long);

    saver.change('fine now');
    const flushing = saver.flush();
    calls[0]!.reject(new ClientError(new DoormanError('storage', 'disk full').toAppError()));
    await flushing;
    expect(states.at(-1)).toMatchObject({ kind: 'failed', error: { code: 'storage' } });
    expect(localStorage.getItem('doorman:note-draft:n1')).toBe('fine now');
  });

  it('dispose saves what is left without reporting to an unmounted editor', async () => {
    const { calls, save } = handSaves();
    const states: SaveState[] = [];
    const saver = new NoteAutosaver('n1', '', save, (s) => states.push(s), undefined, 500);
    saver.change('last words');
    const before = states.length;
    const disposing = saver.dispose();
    expect(calls.map((c) => c.text)).toEqual(['last words']);
    calls[0]!.resolve();
    await disposing;
    expect(states.length).toBe(before);
  });
});
