import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StorageNoticeLog } from '../../../src/main/platform/json-store';
import { NotesService } from '../../../src/main/services/notes/notes-service';
import { makeTempDir } from './temp-dir';

let dir: string;
beforeEach(() => {
  dir = makeTempDir('kill');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Starts the writer, waits for `savesBeforeKill` saves plus a random moment, then SIGKILLs it. */
async function runAndKill(savesBeforeKill: number, extraMs: number): Promise<void> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(import.meta.dirname, 'kill-writer.ts'), dir],
    {
      cwd: path.resolve(import.meta.dirname, '../../..'),
      env: { ...process.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const saved = [...out.matchAll(/saved (\d+)/g)].map((m) => Number(m[1]));
      if (saved.some((n) => n >= savesBeforeKill)) {
        setTimeout(() => {
          child.kill('SIGKILL');
          resolve();
        }, extraMs);
      }
    });
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`writer exited early (${code}): ${stderr}`));
    });
  });
  await new Promise((resolve) => child.once('close', resolve));
}

describe('a process killed in the middle of a write', () => {
  it('leaves every note file whole: the old or the new version, never a broken one', async () => {
    for (const [saves, extraMs] of [
      [5, 0],
      [10, 3],
      [15, 7],
    ] as const) {
      await runAndKill(saves, extraMs);
      for (const file of fs.readdirSync(path.join(dir, 'notes'))) {
        if (!file.endsWith('.json')) continue;
        // Every store file parses; leftover temp files (not .json) are ignored by the stores.
        expect(() =>
          JSON.parse(fs.readFileSync(path.join(dir, 'notes', file), 'utf8')),
        ).not.toThrow();
      }
      const notices = new StorageNoticeLog();
      const notes = new NotesService({ dataDir: dir, clock: () => new Date(), notices });
      expect(notices.list()).toEqual([]);
      const all = notes.all();
      expect(all).toHaveLength(1);
      const text = all[0]!.text;
      const match = /^version (\d+)\n(\d+)\nend (\d+)$/.exec(text);
      expect(match, 'a whole version of the note').not.toBeNull();
      const version = Number(match![1]);
      expect(version).toBeGreaterThanOrEqual(saves);
      expect(match![2]).toBe(String(version % 10).repeat(60_000));
      expect(Number(match![3])).toBe(version);
    }
  }, 90_000);
});
