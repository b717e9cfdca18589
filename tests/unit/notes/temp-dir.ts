import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A fresh temp directory, and a snapshot of every file in one (path -> bytes as hex hash). */
export function makeTempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `doorman-${prefix}-`));
}

export function snapshotDir(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const full = path.join(entry.parentPath, entry.name);
    const relative = path.relative(dir, full);
    out[relative] = entry.isFile() ? fs.readFileSync(full).toString('base64') : '<dir>';
  }
  return out;
}

/** A clock the test moves by hand. */
export function handClock(start: string): {
  now: () => Date;
  set(iso: string): void;
  tick(ms: number): void;
} {
  let current = new Date(start).getTime();
  return {
    now: () => new Date(current),
    set: (iso) => {
      current = new Date(iso).getTime();
    },
    tick: (ms) => {
      current += ms;
    },
  };
}
