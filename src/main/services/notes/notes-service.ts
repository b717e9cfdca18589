import { randomUUID } from 'node:crypto';
import type { Note, NoteSummary } from '../../../shared/contract/notes';
import type { NoteTarget } from '../../../shared/domain/note-target';
import { DoormanError } from '../../../shared/errors';
import type { EventBus } from '../../platform/events';
import type { StorageNoticeLog } from '../../platform/json-store';
import { checkNoteText } from './note-text';
import { ShardedNotesStore } from './sharded-notes-store';

export interface NotesServiceDeps {
  dataDir: string;
  clock: () => Date;
  notices?: StorageNoticeLog;
  events?: EventBus;
  newId?: () => string;
}

const TITLE_CHARS = 120;
const EXCERPT_CHARS = 240;

export function sameTarget(a: NoteTarget, b: NoteTarget): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'none' || b.kind === 'none') return true;
  return a.id === b.id;
}

function words(query: string | undefined): string[] {
  return (query ?? '').toLocaleLowerCase().split(/\s+/).filter(Boolean);
}

function titleOf(text: string): string {
  const line = text.split('\n').find((l) => l.trim()) ?? '';
  return line
    .trim()
    .replace(/^#+\s*/, '')
    .slice(0, TITLE_CHARS);
}

/**
 * Where `lower` (the lower-cased text) offset `lowerAt` falls in the original text: lower-
 * casing may change a character's length ("İ" becomes two code units), so they can drift.
 */
function originalOffset(text: string, lower: string, lowerAt: number): number {
  if (lower.length === text.length) return lowerAt;
  let lowered = 0;
  let at = 0;
  for (const char of text) {
    if (lowered >= lowerAt) break;
    lowered += char.toLocaleLowerCase().length;
    at += char.length;
  }
  return at;
}

function excerptOf(text: string, lower: string, firstWord: string | undefined): string {
  if (!firstWord) return text.slice(0, EXCERPT_CHARS);
  const at = originalOffset(text, lower, lower.indexOf(firstWord));
  const start = Math.max(0, at - 60);
  return (start > 0 ? '…' : '') + text.slice(start, start + EXCERPT_CHARS);
}

/** Offline notes on an account, manager, session, login session, or on their own. */
export class NotesService {
  private readonly store: ShardedNotesStore;
  private readonly newId: () => string;

  constructor(private readonly deps: NotesServiceDeps) {
    this.store = new ShardedNotesStore({
      dataDir: deps.dataDir,
      notices: deps.notices,
      clock: deps.clock,
    });
    this.newId = deps.newId ?? randomUUID;
  }

  list(options: { target?: NoteTarget; query?: string; limit?: number } = {}): {
    items: NoteSummary[];
    total: number;
  } {
    const terms = words(options.query);
    const found: NoteSummary[] = [];
    for (const note of this.store.all()) {
      if (options.target && !sameTarget(note.target, options.target)) continue;
      const lower = terms.length ? note.text.toLocaleLowerCase() : '';
      if (terms.some((term) => !lower.includes(term))) continue;
      found.push({
        id: note.id,
        target: note.target,
        pinned: note.pinned,
        title: titleOf(note.text),
        excerpt: excerptOf(note.text, lower, terms[0]),
        length: note.text.length,
        createdAt: note.createdAt,
        updatedAt: note.updatedAt,
      });
    }
    found.sort((a, b) => {
      if (a.pinned !== b.pinned) return a.pinned ? -1 : 1;
      return a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0;
    });
    return { items: found.slice(0, options.limit ?? 1000), total: found.length };
  }

  /** Every note, full text (reports and counts). */
  all(): Note[] {
    return this.store.all();
  }

  countFor(target: NoteTarget): number {
    return this.store.all().filter((note) => sameTarget(note.target, target)).length;
  }

  get(id: string): Note {
    const note = this.store.get(id);
    if (!note) throw new DoormanError('notFound', 'That note no longer exists.');
    return note;
  }

  create(input: { target?: NoteTarget; text?: string; pinned?: boolean }): Note {
    const text = input.text ?? '';
    checkNoteText(text);
    const now = this.deps.clock().toISOString();
    const note = this.store.put({
      id: this.newId(),
      target: input.target ?? { kind: 'none' },
      text,
      pinned: input.pinned ?? false,
      createdAt: now,
      updatedAt: now,
      revision: 1,
    });
    this.deps.events?.changed('notes');
    return note;
  }

  /** Autosave. Refused text throws before anything is written: the old note stays. */
  save(id: string, text: string): Note {
    const current = this.get(id);
    checkNoteText(text);
    if (current.text === text) return current;
    const note = this.store.put({
      ...current,
      text,
      updatedAt: this.deps.clock().toISOString(),
      revision: current.revision + 1,
    });
    this.deps.events?.changed('notes');
    return note;
  }

  pin(id: string, pinned: boolean): Note {
    const current = this.get(id);
    if (current.pinned === pinned) return current;
    const note = this.store.put({ ...current, pinned });
    this.deps.events?.changed('notes');
    return note;
  }

  delete(id: string): void {
    this.get(id);
    this.store.remove(id);
    this.deps.events?.changed('notes');
  }
}
