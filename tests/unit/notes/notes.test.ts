import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NOTE_MAX_CHARS, type Note } from '../../../src/shared/contract/notes';
import { DoormanError } from '../../../src/shared/errors';
import { EventBus } from '../../../src/main/platform/events';
import { StorageNoticeLog } from '../../../src/main/platform/json-store';
import { NotesService } from '../../../src/main/services/notes/notes-service';
import {
  NOTE_SHARD_COUNT,
  shardName,
  shardOf,
} from '../../../src/main/services/notes/sharded-notes-store';
import { handClock, makeTempDir } from './temp-dir';

let dir: string;
beforeEach(() => {
  dir = makeTempDir('notes');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function open(clock = handClock('2026-11-23T10:00:00Z'), notices = new StorageNoticeLog()) {
  const events = new EventBus();
  const topics: string[] = [];
  events.subscribe((_e, payload) => topics.push(...(payload as { topics: string[] }).topics));
  const notes = new NotesService({ dataDir: dir, clock: clock.now, events, notices });
  return { notes, clock, topics, notices };
}

function expectInvalid(run: () => unknown, fragment: RegExp): void {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DoormanError);
    expect((error as DoormanError).code).toBe('invalidInput');
    expect((error as DoormanError).message).toMatch(fragment);
    return;
  }
  throw new Error('expected the call to be refused');
}

describe('notes', () => {
  it('a note written offline is there after Doorman restarts', () => {
    const { notes, topics } = open();
    const created = notes.create({ target: { kind: 'manager', id: 'm1' }, text: 'Agency A' });
    notes.save(created.id, 'Agency A: contract signed, 2FA stays with me');
    expect(topics).toContain('notes');

    const reopened = open().notes;
    const note = reopened.get(created.id);
    expect(note.text).toBe('Agency A: contract signed, 2FA stays with me');
    expect(note.target).toEqual({ kind: 'manager', id: 'm1' });
    expect(note.revision).toBe(2);
  });

  it('lists notes for one target only, pinned first then most recently changed', () => {
    const { notes, clock } = open();
    const a = notes.create({ target: { kind: 'account', id: 'acc1' }, text: 'first' });
    clock.tick(1000);
    const b = notes.create({ target: { kind: 'account', id: 'acc1' }, text: 'second' });
    clock.tick(1000);
    notes.create({ target: { kind: 'account', id: 'acc2' }, text: 'other account' });
    notes.create({ text: 'free-standing' });
    notes.pin(a.id, true);

    const forAccount = notes.list({ target: { kind: 'account', id: 'acc1' } });
    expect(forAccount.items.map((n) => n.id)).toEqual([a.id, b.id]);
    expect(forAccount.items[0]!.pinned).toBe(true);
    expect(notes.list({ target: { kind: 'none' } }).items.map((n) => n.title)).toEqual([
      'free-standing',
    ]);
    expect(notes.list().total).toBe(4);
  });

  it('search matches every word in any case, across all notes, with the match in the excerpt', () => {
    const { notes } = open();
    notes.create({ text: `# Intro\n${'x'.repeat(500)} The agency asked for WALLET access` });
    notes.create({ text: 'wallet only' });
    notes.create({ text: 'nothing relevant' });
    const found = notes.list({ query: 'wallet Agency' });
    expect(found.total).toBe(1);
    expect(found.items[0]!.title).toBe('Intro');
    expect(found.items[0]!.excerpt).toContain('WALLET');
    expect(notes.list({ query: 'WALLET' }).total).toBe(2);
    expect(notes.list({ query: 'absent' }).items).toEqual([]);
  });

  it('the excerpt shows the match when lower-casing changes the length of the text before it', () => {
    const { notes } = open();
    // Each "İ" lower-cases to two code units: 300 of them would push a naive excerpt 300
    // characters past the match.
    notes.create({ text: `${'İ'.repeat(300)} ${'y'.repeat(400)} the WALLET note` });
    expect(notes.list({ query: 'wallet' }).items[0]!.excerpt).toContain('WALLET');
  });

  it('refuses over-long text with a clear error and keeps the saved version', () => {
    const { notes } = open();
    const note = notes.create({ text: 'keep me' });
    expectInvalid(() => notes.save(note.id, 'a'.repeat(NOTE_MAX_CHARS + 1)), /too long/);
    expect(open().notes.get(note.id).text).toBe('keep me');
    // Exactly at the limit is fine.
    expect(notes.save(note.id, 'b'.repeat(NOTE_MAX_CHARS)).text.length).toBe(NOTE_MAX_CHARS);
  });

  it('refuses binary or control characters and keeps the saved version', () => {
    const { notes } = open();
    const note = notes.create({ text: 'original' });
    for (const bad of [
      'PNG\u0000\u0001\u0002',
      'bell\u0007',
      'lone \uD800 surrogate',
      'esc\u001b[31m',
    ]) {
      expectInvalid(() => notes.save(note.id, bad), /control or binary/);
    }
    expectInvalid(() => notes.create({ text: 'x\u0000' }), /control or binary/);
    expect(notes.get(note.id).text).toBe('original');
    // Tabs, new lines, emoji and Cyrillic are ordinary text.
    expect(notes.save(note.id, 'Тест\tok\r\n🙂').text).toBe('Тест\tok\r\n🙂');
    expect(open().notes.list().total).toBe(1);
  });

  it('pins and unpins; deletes; unknown ids are notFound', () => {
    const { notes } = open();
    const note = notes.create({ text: 'pin me' });
    expect(notes.pin(note.id, true).pinned).toBe(true);
    expect(open().notes.get(note.id).pinned).toBe(true);
    notes.delete(note.id);
    expect(() => notes.get(note.id)).toThrow(expect.objectContaining({ code: 'notFound' }));
    expect(() => notes.save('missing', 'x')).toThrow(expect.objectContaining({ code: 'notFound' }));
    expect(open().notes.list().total).toBe(0);
  });

  it('spreads notes over shard files and a save rewrites only its own shard', () => {
    const { notes } = open();
    const created = Array.from({ length: 200 }, (_, i) => notes.create({ text: `note ${i}` }));
    const shardFiles = fs
      .readdirSync(path.join(dir, 'notes'))
      .filter((f) => /^notes-\d\d\.json$/.test(f));
    expect(shardFiles.length).toBe(NOTE_SHARD_COUNT);
    expect(new Set(created.map((n) => shardOf(n.id))).size).toBe(NOTE_SHARD_COUNT);
    const target = created[7]!;
    const own = path.join(dir, 'notes', `${shardName(shardOf(target.id))}.json`);
    const other = created.find((n) => shardOf(n.id) !== shardOf(target.id))!;
    const otherFile = path.join(dir, 'notes', `${shardName(shardOf(other.id))}.json`);
    const otherBefore = fs.readFileSync(otherFile, 'utf8');
    notes.save(target.id, 'changed');
    expect(fs.readFileSync(own, 'utf8')).toContain('changed');
    expect(fs.readFileSync(otherFile, 'utf8')).toBe(otherBefore);
  });

  it('a new profile writes no note files until the first note', () => {
    const { notes } = open();
    expect(fs.readdirSync(path.join(dir, 'notes'))).toEqual([]);
    const note = notes.create({ text: 'first' });
    expect(fs.readdirSync(path.join(dir, 'notes'))).toContain(
      `${shardName(shardOf(note.id))}.json`,
    );
  });

  it('a note kept in another shard than its hash (shard count changed) is saved where it is, never duplicated', () => {
    const id = 'moved-note';
    const elsewhere = (shardOf(id) + 1) % NOTE_SHARD_COUNT;
    fs.mkdirSync(path.join(dir, 'notes'), { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'notes', `${shardName(elsewhere)}.json`),
      JSON.stringify({
        schemaVersion: 1,
        data: {
          notes: {
            [id]: {
              id,
              target: { kind: 'none' },
              text: 'old',
              pinned: false,
              createdAt: '2026-01-01T00:00:00.000Z',
              updatedAt: '2026-01-01T00:00:00.000Z',
              revision: 1,
            },
          },
        },
      }),
    );
    open().notes.save(id, 'new');
    const reopened = open().notes;
    expect(reopened.all().map((n) => n.text)).toEqual(['new']);
    expect(fs.existsSync(path.join(dir, 'notes', `${shardName(shardOf(id))}.json`))).toBe(false);
  });

  it('saving one note among 5,000 rewrites only its own shard (speed itself is measured by npm run bench)', () => {
    // Seed 5,000 notes straight into the shard files (creating them one by one is slow only
    // because each create is a durable write), then open Doorman on them.
    const shards: Record<string, Note>[] = Array.from({ length: NOTE_SHARD_COUNT }, () => ({}));
    const ids: string[] = [];
    for (let i = 0; i < 5000; i++) {
      const id = `seed-${i}`;
      ids.push(id);
      shards[shardOf(id)]![id] = {
        id,
        target: { kind: 'none' },
        text: `Note ${i}: ${'lorem ipsum '.repeat(20)}`,
        pinned: false,
        createdAt: '2026-01-01T00:00:00.000Z',
        updatedAt: '2026-01-01T00:00:00.000Z',
        revision: 1,
      };
    }
    fs.mkdirSync(path.join(dir, 'notes'), { recursive: true });
    shards.forEach((notes, i) =>
      fs.writeFileSync(
        path.join(dir, 'notes', `${shardName(i)}.json`),
        JSON.stringify({ schemaVersion: 1, data: { notes } }),
      ),
    );
    const { notes } = open();
    expect(notes.list({ limit: 1 }).total).toBe(5000);
    const shardFiles = () =>
      Object.fromEntries(
        fs
          .readdirSync(path.join(dir, 'notes'))
          .filter((f) => f.endsWith('.json'))
          .map((f) => [f, fs.readFileSync(path.join(dir, 'notes', f), 'utf8')]),
      );
    for (let i = 0; i < 5; i++) {
      const id = ids[(i * 97) % ids.length]!;
      const before = shardFiles();
      notes.save(id, `edited ${i}`);
      const after = shardFiles();
      const changed = Object.keys(after).filter((f) => after[f] !== before[f]);
      expect(changed).toEqual([`${shardName(shardOf(id))}.json`]);
    }
    const reopened = open().notes;
    expect(reopened.list({ limit: 1 }).total).toBe(5000);
    expect(reopened.all().find((n) => n.id === ids[97])!.text).toBe('edited 1');
  }, 60_000);
});
