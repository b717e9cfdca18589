import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StorageNoticeLog } from '../../../src/main/platform/json-store';
import { NotesService } from '../../../src/main/services/notes/notes-service';
import { shardName, shardOf } from '../../../src/main/services/notes/sharded-notes-store';
import { makeTempDir } from './temp-dir';

let dir: string;
beforeEach(() => {
  dir = makeTempDir('corrupt');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('a note file found corrupt at start', () => {
  it('is set aside (not deleted), the last good copy is restored, and the creator is told', () => {
    const first = new NotesService({ dataDir: dir, clock: () => new Date() });
    const note = first.create({ text: 'my agency notes' });
    // The next start refreshes the last good copy from this good file.
    new NotesService({ dataDir: dir, clock: () => new Date() });

    const file = path.join(dir, 'notes', `${shardName(shardOf(note.id))}.json`);
    fs.writeFileSync(file, '{"schemaVersion":1,"data":{"notes":{"x":'); // torn, not JSON

    const notices = new StorageNoticeLog();
    const clock = () => new Date('2026-11-23T12:00:00Z');
    const reopened = new NotesService({ dataDir: dir, clock, notices });
    expect(reopened.get(note.id).text).toBe('my agency notes');
    const store = shardName(shardOf(note.id));
    expect(notices.list()).toEqual([
      { store, kind: 'corruptSetAside', at: '2026-11-23T12:00:00.000Z' },
      { store, kind: 'restoredBackup', at: '2026-11-23T12:00:00.000Z' },
    ]);
    const setAside = fs.readdirSync(path.join(dir, 'notes')).filter((f) => f.includes('.corrupt-'));
    expect(setAside).toHaveLength(1);
    expect(fs.readFileSync(path.join(dir, 'notes', setAside[0]!), 'utf8')).toContain('"x":');
  });

  it('a shard left with only its last good copy (a repair cut short) is read from that copy', () => {
    const first = new NotesService({ dataDir: dir, clock: () => new Date() });
    const note = first.create({ text: 'precious' });
    new NotesService({ dataDir: dir, clock: () => new Date() });
    // Killed after the damaged shard was set aside, before the good copy was written back.
    const file = path.join(dir, 'notes', `${shardName(shardOf(note.id))}.json`);
    fs.renameSync(file, file.replace(/\.json$/, '.corrupt-earlier.json'));
    const notices = new StorageNoticeLog();
    const reopened = new NotesService({ dataDir: dir, clock: () => new Date(), notices });
    expect(reopened.get(note.id).text).toBe('precious');
    expect(notices.list().map((n) => n.kind)).toEqual(['restoredBackup']);
  });
});
