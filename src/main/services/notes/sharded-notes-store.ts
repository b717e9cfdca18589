import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { noteSchema, type Note } from '../../../shared/contract/notes';
import { JsonStore, type StorageNoticeLog } from '../../platform/json-store';

export const NOTES_DIR = 'notes';
export const NOTE_SHARD_COUNT = 16;
export const NOTES_STORE_VERSION = 1;

export const noteShardSchema = z.object({ notes: z.record(z.string(), noteSchema) });
type NoteShard = z.infer<typeof noteShardSchema>;

/** FNV-1a: stable across runs and platforms, so a note always lives in the same shard. */
export function shardOf(id: string, count = NOTE_SHARD_COUNT): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % count;
}

export function shardName(index: number): string {
  return `notes-${String(index).padStart(2, '0')}`;
}

/**
 * Notes split over a fixed number of files by id hash. Saving one note rewrites one small
 * shard (atomically, through JsonStore) instead of every note the creator has, so a save
 * stays fast with thousands of notes; each shard keeps JsonStore's corrupt-file recovery.
 * A shard file is only created when a note first lands in it, so a new profile starts fast.
 */
export class ShardedNotesStore {
  private readonly dir: string;
  private readonly shards = new Map<number, JsonStore<NoteShard>>();
  private readonly byId = new Map<string, Note>();
  /** Where each note was found: it is saved back there even if the shard count changes. */
  private readonly home = new Map<string, number>();

  constructor(
    private readonly options: { dataDir: string; notices?: StorageNoticeLog; clock?: () => Date },
  ) {
    this.dir = path.join(options.dataDir, NOTES_DIR);
    fs.mkdirSync(this.dir, { recursive: true });
    const existing = fs
      .readdirSync(this.dir)
      // A shard left with only its last good copy (a repair cut short) is a shard too.
      .map((name) => /^notes-(\d+)(?:\.last-good)?\.json$/.exec(name)?.[1])
      .filter((index): index is string => index !== undefined)
      .map(Number)
      .filter((index, i, all) => all.indexOf(index) === i)
      .sort((a, b) => a - b);
    for (const index of existing) {
      for (const note of Object.values(this.shard(index).get().notes)) {
        this.byId.set(note.id, note);
        this.home.set(note.id, index);
      }
    }
  }

  private shard(index: number): JsonStore<NoteShard> {
    let shard = this.shards.get(index);
    if (!shard) {
      shard = new JsonStore<NoteShard>({
        dir: this.dir,
        name: shardName(index),
        schema: noteShardSchema,
        defaults: () => ({ notes: {} }),
        version: NOTES_STORE_VERSION,
        notices: this.options.notices,
        clock: this.options.clock,
      });
      this.shards.set(index, shard);
    }
    return shard;
  }

  all(): Note[] {
    return [...this.byId.values()];
  }

  get(id: string): Note | undefined {
    return this.byId.get(id);
  }

  /** Writes one note; when the write fails, memory and disk both keep the old version. */
  put(note: Note): Note {
    const index = this.home.get(note.id) ?? shardOf(note.id);
    const shard = this.shard(index);
    shard.set({ notes: { ...shard.get().notes, [note.id]: note } });
    this.byId.set(note.id, note);
    this.home.set(note.id, index);
    return note;
  }

  remove(id: string): void {
    const shard = this.shard(this.home.get(id) ?? shardOf(id));
    const rest = { ...shard.get().notes };
    delete rest[id];
    shard.set({ notes: rest });
    this.byId.delete(id);
    this.home.delete(id);
  }
}
