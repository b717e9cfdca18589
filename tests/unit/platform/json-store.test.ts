import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  JsonStore,
  LAST_GOOD_EVERY_MS,
  StorageNoticeLog,
} from '../../../src/main/platform/json-store';
import { DoormanError } from '../../../src/shared/errors';

const dirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doorman-json-store-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const petSchema = z.object({ name: z.string().min(1), legs: z.number().int().min(0) });
type Pet = z.infer<typeof petSchema>;
const NOW = new Date('2026-11-23T10:00:00.000Z');

function openPets(dir: string, notices = new StorageNoticeLog(), clock = () => NOW) {
  const store = new JsonStore<Pet>({
    dir,
    name: 'pets',
    schema: petSchema,
    defaults: () => ({ name: 'nobody', legs: 0 }),
    version: 1,
    notices,
    clock,
  });
  return { store, notices };
}

const readJson = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;

describe('a JSON store on disk', () => {
  it('starts from defaults and keeps what was saved across a reopen', () => {
    const dir = tempDir();
    const { store } = openPets(dir);
    expect(store.get()).toEqual({ name: 'nobody', legs: 0 });
    store.set({ name: 'Rex', legs: 4 });
    store.update((pet) => ({ ...pet, legs: 3 }));

    const reopened = openPets(dir);
    expect(reopened.store.get()).toEqual({ name: 'Rex', legs: 3 });
    expect(reopened.notices.list()).toEqual([]);
    expect(readJson(path.join(dir, 'pets.json'))).toEqual({
      schemaVersion: 1,
      data: { name: 'Rex', legs: 3 },
    });
  });

  it('refuses a write that fails the schema and leaves the file exactly as it was', () => {
    const dir = tempDir();
    const { store } = openPets(dir);
    store.set({ name: 'Rex', legs: 4 });
    const before = fs.readFileSync(store.filePath);
    expect(() => store.set({ name: '', legs: -1 })).toThrow(DoormanError);
    try {
      store.set({ name: 'Rex', legs: 1.5 });
    } catch (error) {
      expect((error as DoormanError).code).toBe('invalidInput');
    }
    expect(fs.readFileSync(store.filePath)).toEqual(before);
    expect(store.get()).toEqual({ name: 'Rex', legs: 4 });
  });

  it('update hands the change a copy, so a throwing change alters nothing', () => {
    const { store } = openPets(tempDir());
    store.set({ name: 'Rex', legs: 4 });
    expect(() =>
      store.update((pet) => {
        pet.legs = 99;
        throw new Error('changed my mind');
      }),
    ).toThrow('changed my mind');
    expect(store.get()).toEqual({ name: 'Rex', legs: 4 });
  });

  it('sets a corrupt file aside (never deletes it), restores the last good copy and says so', () => {
    const dir = tempDir();
    openPets(dir).store.set({ name: 'Rex', legs: 4 });
    // The last good copy is refreshed at each good open.
    openPets(dir);
    fs.writeFileSync(path.join(dir, 'pets.json'), '{"schemaVersion":1,"data":{"name":"Re');

    const { store, notices } = openPets(dir);
    expect(store.get()).toEqual({ name: 'Rex', legs: 4 });
    const setAside = fs.readdirSync(dir).filter((name) => name.startsWith('pets.corrupt-'));
    expect(setAside).toEqual(['pets.corrupt-2026-11-23T10-00-00-000Z.json']);
    expect(fs.readFileSync(path.join(dir, setAside[0]!), 'utf8')).toBe(
      '{"schemaVersion":1,"data":{"name":"Re',
    );
    expect(notices.list()).toEqual([
      { store: 'pets', kind: 'corruptSetAside', at: NOW.toISOString() },
      { store: 'pets', kind: 'restoredBackup', at: NOW.toISOString() },
    ]);
    // The restored data is written back as the live file.
    expect(readJson(path.join(dir, 'pets.json'))).toEqual({
      schemaVersion: 1,
      data: { name: 'Rex', legs: 4 },
    });
  });

  it('refreshes the last good copy from a write a minute after the last copy, so a file damaged mid-session loses at most that minute', () => {
    const dir = tempDir();
    let now = NOW.getTime();
    const { store } = openPets(dir, undefined, () => new Date(now));
    const lastGood = path.join(dir, 'pets.last-good.json');
    store.set({ name: 'Rex', legs: 4 });
    // Within the minute: the copy from the open stays as it was.
    expect(readJson(lastGood)).toEqual({ schemaVersion: 1, data: { name: 'nobody', legs: 0 } });
    now += LAST_GOOD_EVERY_MS;
    store.set({ name: 'Rex', legs: 3 });
    expect(readJson(lastGood)).toEqual({ schemaVersion: 1, data: { name: 'Rex', legs: 3 } });
    now += 1_000;
    store.set({ name: 'Rex', legs: 2 });
    expect(readJson(lastGood)).toEqual({ schemaVersion: 1, data: { name: 'Rex', legs: 3 } });
    expect(fs.readdirSync(dir).filter((name) => name.includes('.tmp-'))).toEqual([]);

    // The live file is damaged before the next open: the minute-old change survives.
    fs.writeFileSync(store.filePath, 'not json');
    const reopened = openPets(dir);
    expect(reopened.store.get()).toEqual({ name: 'Rex', legs: 3 });
    expect(reopened.notices.list().map((n) => n.kind)).toEqual([
      'corruptSetAside',
      'restoredBackup',
    ]);
  });

  it('a repair cut short (damaged file set aside, good copy not yet written back) restores the last good copy', () => {
    const dir = tempDir();
    openPets(dir).store.set({ name: 'Rex', legs: 4 });
    openPets(dir); // a good open: the last good copy holds Rex
    fs.writeFileSync(path.join(dir, 'pets.json'), '{"schemaVersion":1,"data":{"na');
    // Killed right after the damaged file was set aside.
    fs.renameSync(path.join(dir, 'pets.json'), path.join(dir, 'pets.corrupt-earlier.json'));
    const { store, notices } = openPets(dir);
    expect(store.get()).toEqual({ name: 'Rex', legs: 4 });
    expect(notices.list().map((n) => n.kind)).toEqual(['restoredBackup']);
    expect(openPets(dir).store.get()).toEqual({ name: 'Rex', legs: 4 });
  });

  it('a last good copy that cannot be read is kept aside, not overwritten with the defaults', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'pets.last-good.json'), 'garbage');
    const { store, notices } = openPets(dir);
    expect(store.get()).toEqual({ name: 'nobody', legs: 0 });
    expect(notices.list().map((n) => n.kind)).toEqual(['resetToDefaults']);
    const aside = fs.readdirSync(dir).find((name) => name.startsWith('pets.corrupt-last-good-'))!;
    expect(fs.readFileSync(path.join(dir, aside), 'utf8')).toBe('garbage');
  });

  it('treats valid JSON that fails the schema as corrupt too', () => {
    const dir = tempDir();
    openPets(dir).store.set({ name: 'Rex', legs: 4 });
    openPets(dir);
    fs.writeFileSync(
      path.join(dir, 'pets.json'),
      JSON.stringify({ schemaVersion: 1, data: { name: 42 } }),
    );
    const { store, notices } = openPets(dir);
    expect(store.get()).toEqual({ name: 'Rex', legs: 4 });
    expect(notices.list().map((n) => n.kind)).toEqual(['corruptSetAside', 'restoredBackup']);
  });

  it('falls back to defaults, keeping the damaged file, when there is no good copy', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'pets.json'), 'not json at all');
    const { store, notices } = openPets(dir);
    expect(store.get()).toEqual({ name: 'nobody', legs: 0 });
    expect(notices.list().map((n) => n.kind)).toEqual(['corruptSetAside', 'resetToDefaults']);
    const setAside = fs.readdirSync(dir).find((name) => name.startsWith('pets.corrupt-'));
    expect(fs.readFileSync(path.join(dir, setAside!), 'utf8')).toBe('not json at all');
  });

  it('leaves a file from a newer Doorman untouched (not corrupt) and saves nothing over it', () => {
    const dir = tempDir();
    const newer = JSON.stringify({ schemaVersion: 9, data: { name: 'Rex', legs: 4, tail: true } });
    fs.writeFileSync(path.join(dir, 'pets.json'), newer);
    fs.writeFileSync(path.join(dir, 'pets.last-good.json'), newer);
    const { store, notices } = openPets(dir);
    expect(store.get()).toEqual({ name: 'nobody', legs: 0 });
    expect(notices.list().map((n) => n.kind)).toEqual(['newerVersion']);
    // This run works in memory; the newer Doorman finds its data as it left it.
    expect(store.set({ name: 'Tom', legs: 3 })).toEqual({ name: 'Tom', legs: 3 });
    expect(store.get()).toEqual({ name: 'Tom', legs: 3 });
    expect(fs.readFileSync(path.join(dir, 'pets.json'), 'utf8')).toBe(newer);
    expect(fs.readFileSync(path.join(dir, 'pets.last-good.json'), 'utf8')).toBe(newer);
    expect(fs.readdirSync(dir).filter((name) => name.includes('corrupt'))).toEqual([]);
  });

  it('migrates a version 1 file to version 2 on open', () => {
    const dir = tempDir();
    const v1 = new JsonStore({
      dir,
      name: 'pets',
      schema: z.object({ name: z.string(), legCount: z.number() }),
      defaults: () => ({ name: '', legCount: 0 }),
      version: 1,
    });
    v1.set({ name: 'Rex', legCount: 4 });

    const notices = new StorageNoticeLog();
    const v2 = new JsonStore<Pet>({
      dir,
      name: 'pets',
      schema: petSchema,
      defaults: () => ({ name: 'nobody', legs: 0 }),
      version: 2,
      notices,
      migrations: {
        2: (previous) => {
          const old = previous as { name: string; legCount: number };
          return { name: old.name, legs: old.legCount };
        },
      },
    });
    expect(v2.get()).toEqual({ name: 'Rex', legs: 4 });
    expect(notices.list()).toEqual([]);
    expect(readJson(path.join(dir, 'pets.json'))).toEqual({
      schemaVersion: 2,
      data: { name: 'Rex', legs: 4 },
    });
  });

  it('needs an absolute directory', () => {
    expect(() => openPets('relative/dir')).toThrow(/absolute/);
  });

  it(
    'is always old-or-new valid JSON when the writer is killed mid-write',
    { timeout: 60_000 },
    async () => {
      const dir = tempDir();
      const file = path.join(dir, 'crashy.json');
      const writer = path.join(import.meta.dirname, 'json-store-writer.ts');
      let lastVersion = -1;
      for (let round = 0; round < 6; round++) {
        const child = spawn(process.execPath, ['--import', 'tsx', writer, dir], {
          stdio: ['ignore', 'pipe', 'pipe'],
          env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: '/nonexistent-electron-dist' },
        });
        let stderr = '';
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        await new Promise<void>((resolve, reject) => {
          child.stdout.on('data', (chunk: Buffer) => {
            if (chunk.toString().includes('ready')) resolve();
          });
          child.once('exit', (code) => reject(new Error(`writer exited ${code}: ${stderr}`)));
        });
        // Let it write for a varying while, then kill it without warning.
        await new Promise((resolve) => setTimeout(resolve, 40 + round * 37));
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGKILL');
        await exited;

        const envelope = readJson(file) as {
          schemaVersion: number;
          data: { version: number; filler: string; check: number };
        };
        expect(envelope.schemaVersion).toBe(1);
        const { version, filler, check } = envelope.data;
        expect(check).toBe(version * 7);
        expect(filler).toBe(String(version % 10).repeat(version === 0 ? 0 : 200_000));
        expect(version).toBeGreaterThanOrEqual(lastVersion);
        lastVersion = version;
      }
      expect(lastVersion).toBeGreaterThan(0);
      // No temp file left that a later open would trip over as the store itself.
      const stray = fs.readdirSync(dir).filter((name) => name.includes('corrupt'));
      expect(stray).toEqual([]);
    },
  );
});
