import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { noteSchema, type Note } from '../../../shared/contract/notes';
import { JsonStore, type StorageNoticeLog } from '../../platform/json-store';

export const NOTES_DIR = 'notes';
export const NOTE_SHARD_COUNT = 32;
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
 */
export class ShardedNotesStore {
  private readonly shards: JsonStore<NoteShard>[] = [];
  private readonly byId = new Map<string, Note>();

  constructor(options: { dataDir: string; notices?: StorageNoticeLog; clock?: () => Date }) {
    const dir = path.join(options.dataDir, NOTES_DIR);
    fs.mkdirSync(dir, { recursive: true });
    for (let i = 0; i < NOTE_SHARD_COUNT; i++) {
      const shard = new JsonStore<NoteShard>({
        dir,
        name: shardName(i),
        schema: noteShardSchema,
        defaults: () => ({ notes: {} }),
        version: NOTES_STORE_VERSION,
        notices: options.notices,
        clock: options.clock,
      });
      this.shards.push(shard);
      for (const note of Object.values(shard.get().notes)) this.byId.set(note.id, note);
    }
  }

  all(): Note[] {
    return [...this.byId.values()];
  }

  get(id: string): Note | undefined {
    return this.byId.get(id);
  }

  /** Writes one note; when the write fails, memory and disk both keep the old version. */
  put(note: Note): Note {
    const shard = this.shards[shardOf(note.id)]!;
    const current = shard.get();
    shard.set({ notes: { ...current.notes, [note.id]: note } });
    this.byId.set(note.id, note);
    return note;
  }

  remove(id: string): void {
    const shard = this.shards[shardOf(id)]!;
    const rest = { ...shard.get().notes };
    delete rest[id];
    shard.set({ notes: rest });
    this.byId.delete(id);
  }
}
