import { useEffect, useState } from 'react';
import { noteTextProblem, type Note } from '../../../shared/contract';
import type { AppError } from '../../../shared/errors';
import { api, toAppError, unwrap } from '../../client';
import { useNotesStore } from '../../stores/notes';

/** Quiet time after the last keystroke before the note is saved. */
export const AUTOSAVE_DELAY_MS = 700;

export type SaveState =
  /** `at`: when the last save reached disk (absent before the first save here). */
  | { kind: 'saved'; at?: string }
  | { kind: 'unsaved' }
  | { kind: 'saving' }
  | { kind: 'failed'; problem: 'tooLong' | 'binary' | null; error: AppError | null };

const DRAFT_PREFIX = 'doorman:note-draft:';

/**
 * Text not yet confirmed saved is also kept in the page's local storage, so a crash or a
 * quit in the middle of typing does not lose it: it is recovered the next time the note opens.
 */
function writeDraft(id: string, text: string): void {
  try {
    localStorage.setItem(DRAFT_PREFIX + id, text);
  } catch {
    // Storage full or unavailable: the autosave itself still runs.
  }
}
function readDraft(id: string): string | null {
  try {
    return localStorage.getItem(DRAFT_PREFIX + id);
  } catch {
    return null;
  }
}
export function clearDraft(id: string): void {
  try {
    localStorage.removeItem(DRAFT_PREFIX + id);
  } catch {
    // Nothing to clear.
  }
}

/**
 * Debounced saving of one note, outside React: one save at a time, the newest text always
 * saved last, and `flush()` saves now (blur, switching notes, window hidden or closing).
 */
export class NoteAutosaver {
  private current: string;
  private saved: string;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: Promise<void> | null = null;
  private disposed = false;

  constructor(
    private readonly id: string,
    savedText: string,
    private readonly save: (id: string, text: string) => Promise<Note>,
    private readonly onState: (state: SaveState) => void,
    private readonly onSaved: (note: Note) => void = () => undefined,
    private readonly delayMs = AUTOSAVE_DELAY_MS,
  ) {
    this.current = savedText;
    this.saved = savedText;
  }

  change(text: string): void {
    this.current = text;
    writeDraft(this.id, text);
    this.report({ kind: 'unsaved' });
    this.schedule();
  }

  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    while (this.inFlight) await this.inFlight;
    const sending = this.current;
    if (sending === this.saved) return;
    const problem = noteTextProblem(sending);
    if (problem) {
      this.report({ kind: 'failed', problem, error: null });
      return;
    }
    this.report({ kind: 'saving' });
    this.inFlight = this.save(this.id, sending).then(
      (note) => {
        this.saved = sending;
        if (this.current === sending) clearDraft(this.id);
        this.onSaved(note);
        this.report(
          this.current === sending ? { kind: 'saved', at: note.updatedAt } : { kind: 'unsaved' },
        );
      },
      (error: unknown) => {
        this.report({ kind: 'failed', problem: null, error: toAppError(error) });
      },
    );
    try {
      await this.inFlight;
    } finally {
      this.inFlight = null;
    }
    // Typing went on while saving: the newer text gets its own save.
    if (this.current !== this.saved && !this.disposed) this.schedule();
  }

  /** Stops reporting to the (unmounting) editor and saves what is left. */
  dispose(): Promise<void> {
    this.disposed = true;
    return this.flush();
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.delayMs);
  }

  private report(state: SaveState): void {
    if (!this.disposed) this.onState(state);
  }
}

/**
 * The editor's text and its autosave. A refused save keeps the text in the editor (and
 * its draft) and says why; the saved version on disk stays as it was.
 */
export function useNoteAutosave(note: Note) {
  // A draft left by a crash or quit is put back, and saved once the editor is up.
  const [initial] = useState(() => {
    const draft = readDraft(note.id);
    if (draft !== null && draft !== note.text) return { text: draft, recovered: true };
    if (draft !== null) clearDraft(note.id);
    return { text: note.text, recovered: false };
  });
  const [text, setText] = useState(initial.text);
  const [state, setState] = useState<SaveState>({ kind: 'saved' });
  const [saver] = useState(
    () =>
      new NoteAutosaver(
        note.id,
        note.text,
        (id, value) => unwrap(api().notes.save({ id, text: value })),
        setState,
        // The list shows titles and times: refresh it after each save.
        () => void useNotesStore.getState().load(),
      ),
  );

  useEffect(() => {
    if (initial.recovered) saver.change(initial.text);
    const onHide = () => void saver.flush();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') void saver.flush();
    };
    window.addEventListener('pagehide', onHide);
    window.addEventListener('beforeunload', onHide);
    window.addEventListener('blur', onHide);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', onHide);
      window.removeEventListener('beforeunload', onHide);
      window.removeEventListener('blur', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
      // Switching notes or screens saves what was typed.
      void saver.dispose();
    };
  }, [saver, initial]);

  return {
    text,
    setText: (next: string) => {
      setText(next);
      saver.change(next);
    },
    state,
    flush: () => saver.flush(),
    recovered: initial.recovered,
  };
}
