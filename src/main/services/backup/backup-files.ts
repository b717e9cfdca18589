import fs from 'node:fs';
import path from 'node:path';

/** Staged restore, applied at the next start before any store is open. */
export const PENDING_RESTORE_DIR = 'pending-restore';
export const RESTORE_MANIFEST = 'manifest.json';
/** Where the files a restore replaced are kept (never deleted). */
export const REPLACED_PREFIX = 'replaced-by-restore-';

const FILE_NAME = /^[a-z][a-z0-9-]*\.json$/;
const DIR_NAME = /^[a-z][a-z0-9-]*$/;

/**
 * Whether a data-directory path (forward slashes, relative) is part of a backup: Doorman's
 * own store files, top level or one folder down (notes/, activity/). Never the vault (it
 * holds the encrypted API key), never recovery copies, never Chromium's own files (their
 * names are not lower-case kebab JSON).
 */
export function isBackupPath(relative: string): boolean {
  const parts = relative.split('/');
  if (parts.length > 2 || parts.some((p) => p === '' || p === '.' || p === '..')) return false;
  const file = parts[parts.length - 1]!;
  if (!FILE_NAME.test(file)) return false;
  if (file.endsWith('.last-good.json') || file.includes('.corrupt-')) return false;
  if (parts.length === 2) {
    const dir = parts[0]!;
    if (!DIR_NAME.test(dir) || dir === PENDING_RESTORE_DIR || dir.startsWith(REPLACED_PREFIX))
      return false;
  }
  if (parts.some((p) => p.startsWith('vault'))) return false;
  // The lockdown under way when the backup was made: restored later, it would come back as a
  // lockdown that "did not finish" on an account that has since moved on.
  if (relative === 'lockdown.json') return false;
  return true;
}

export interface StoreEnvelope {
  schemaVersion: number;
  data: unknown;
}

export function isEnvelope(value: unknown): value is StoreEnvelope {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Number.isInteger((value as StoreEnvelope).schemaVersion) &&
    'data' in value
  );
}

/** The store files a backup holds, read from disk: relative path -> envelope. */
export function collectStoreFiles(dataDir: string): Record<string, StoreEnvelope> {
  const out: Record<string, StoreEnvelope> = {};
  for (const relative of listBackupPaths(dataDir)) {
    try {
      const parsed: unknown = JSON.parse(fs.readFileSync(path.join(dataDir, relative), 'utf8'));
      if (isEnvelope(parsed)) out[relative] = parsed;
    } catch {
      // A file that does not parse is not one of Doorman's stores (or is being recovered).
    }
  }
  return out;
}

export function listBackupPaths(dataDir: string): string[] {
  const found: string[] = [];
  if (!fs.existsSync(dataDir)) return found;
  for (const entry of fs.readdirSync(dataDir, { withFileTypes: true })) {
    if (entry.isFile() && isBackupPath(entry.name)) found.push(entry.name);
    else if (entry.isDirectory() && isBackupPath(`${entry.name}/x.json`)) {
      for (const inner of fs.readdirSync(path.join(dataDir, entry.name), { withFileTypes: true })) {
        const relative = `${entry.name}/${inner.name}`;
        if (inner.isFile() && isBackupPath(relative)) found.push(relative);
      }
    }
  }
  return found.sort();
}

/** Writes a file by temp + rename, so a crash leaves the old or the new content. */
export function writeFileAtomic(file: string, content: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.tmp-${process.pid}-${Date.now()}`;
  const fd = fs.openSync(temp, 'w');
  try {
    fs.writeFileSync(fd, content);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, file);
}

/**
 * Applies a staged restore, if there is one: the current store files move to
 * `replaced-by-restore-<time>/`, the staged ones are copied into place, and the stage is
 * removed last. Safe to run again after a crash at any step (the manifest stays until the
 * end, and copying the staged files again gives the same result). Returns whether a restore
 * was applied.
 */
export function applyPendingRestore(dataDir: string, now: Date): boolean {
  const stage = path.join(dataDir, PENDING_RESTORE_DIR);
  const manifestPath = path.join(stage, RESTORE_MANIFEST);
  if (!fs.existsSync(manifestPath)) {
    if (fs.existsSync(stage)) fs.rmSync(stage, { recursive: true, force: true });
    return false;
  }
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as { files: string[] };
  const files = manifest.files.filter(isBackupPath);
  const aside = path.join(dataDir, `${REPLACED_PREFIX}${now.toISOString().replace(/[:.]/g, '-')}`);
  /** What was moved aside, so a restore that cannot finish puts it all back. */
  const moved: string[] = [];
  const moveAside = (relative: string) => {
    const target = path.join(aside, relative);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.renameSync(path.join(dataDir, relative), target);
    moved.push(relative);
  };
  try {
    for (const relative of listBackupPaths(dataDir)) {
      moveAside(relative);
      // The last good copy describes the replaced data; the restored file becomes the new one.
      const lastGood = relative.replace(/\.json$/, '.last-good.json');
      if (fs.existsSync(path.join(dataDir, lastGood))) moveAside(lastGood);
    }
    for (const relative of files) {
      const content = fs.readFileSync(path.join(stage, 'files', relative), 'utf8');
      writeFileAtomic(path.join(dataDir, relative), content);
    }
  } catch (error) {
    // A full disk or a read-only folder half-way: the creator keeps the data they had, not
    // an emptied folder. The restore is dropped (it would fail the same way at every start).
    for (const relative of files) fs.rmSync(path.join(dataDir, relative), { force: true });
    for (const relative of moved.reverse()) {
      fs.renameSync(path.join(aside, relative), path.join(dataDir, relative));
    }
    fs.rmSync(aside, { recursive: true, force: true });
    fs.rmSync(stage, { recursive: true, force: true });
    throw new RestoreNotApplied(error);
  }
  fs.rmSync(manifestPath);
  fs.rmSync(stage, { recursive: true, force: true });
  return true;
}

/** A staged restore that could not be applied; everything was put back as it was. */
export class RestoreNotApplied extends Error {
  constructor(cause: unknown) {
    super('The staged restore could not be applied; the data is as it was.', { cause });
    this.name = 'RestoreNotApplied';
  }
}
