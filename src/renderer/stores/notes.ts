import { create } from 'zustand';
import type { Note, NoteSummary } from '../../shared/contract';
import type { NoteTarget } from '../../shared/domain/note-target';
import type { AppError } from '../../shared/errors';
import { api, toAppError, unwrap } from '../client';

interface NotesState {
  query: string;
  /** Null: every note; otherwise only notes on this target. */
  target: NoteTarget | null;
  items: NoteSummary[];
  total: number;
  loaded: boolean;
  loadError: AppError | null;
  selectedId: string | null;
  setQuery: (query: string) => void;
  setTarget: (target: NoteTarget | null) => void;
  load: () => Promise<void>;
  select: (id: string | null) => void;
  /** Creates a note and selects it. Throws a ClientError. */
  create: (target?: NoteTarget, text?: string) => Promise<Note>;
  pin: (id: string, pinned: boolean) => Promise<void>;
  remove: (id: string) => Promise<void>;
}

let latestLoad = 0;
let searchTimer: ReturnType<typeof setTimeout> | null = null;
const SEARCH_DELAY_MS = 200;

export const useNotesStore = create<NotesState>((set, get) => ({
  query: '',
  target: null,
  items: [],
  total: 0,
  loaded: false,
  loadError: null,
  selectedId: null,
  setQuery: (query) => {
    set({ query });
    // One search per pause in typing, not one per keystroke across thousands of notes.
    if (searchTimer) clearTimeout(searchTimer);
    searchTimer = setTimeout(() => void get().load(), SEARCH_DELAY_MS);
  },
  setTarget: (target) => {
    set({ target });
    void get().load();
  },
  load: async () => {
    const ticket = ++latestLoad;
    const { query, target } = get();
    try {
      const page = await unwrap(
        api().notes.list({
          query: query.trim() || undefined,
          target: target ?? undefined,
          limit: 10_000,
        }),
      );
      // A slower, older search must not overwrite a newer one.
      if (ticket !== latestLoad) return;
      set({ items: page.items, total: page.total, loaded: true, loadError: null });
    } catch (error) {
      if (ticket === latestLoad) set({ loadError: toAppError(error), loaded: true });
    }
  },
  select: (selectedId) => set({ selectedId }),
  create: async (target, text) => {
    const note = await unwrap(
      api().notes.create({ target: target ?? { kind: 'none' }, text: text ?? '' }),
    );
    set({ selectedId: note.id });
    await get().load();
    return note;
  },
  pin: async (id, pinned) => {
    await unwrap(api().notes.pin({ id, pinned }));
    await get().load();
  },
  remove: async (id) => {
    await unwrap(api().notes.delete({ id }));
    if (get().selectedId === id) set({ selectedId: null });
    await get().load();
  },
}));
