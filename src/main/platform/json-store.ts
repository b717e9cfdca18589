import fs from 'node:fs';
import path from 'node:path';
import ElectronStore from 'electron-store';
import type { z } from 'zod';
import type { StorageNotice } from '../../shared/contract';
import { DoormanError } from '../../shared/errors';

/**
 * One file per concern, on electron-store (atomic writes through `atomically`). The file
 * holds `{ schemaVersion, data }`; `data` is checked with a zod schema on every read and
 * write. At open, a file that is not JSON, fails its schema or cannot be migrated is set
 * aside as `<name>.corrupt-<time>.json` (never deleted), the last good copy
 * (`<name>.last-good.json`, refreshed at each good open and by a write at most once a minute)
 * is restored when there is one, and a notice is recorded for the creator.
 */
export interface JsonStoreOptions<T> {
  dir: string;
  name: string;
  schema: z.ZodType<T>;
  defaults: () => T;
  /** Current schema version; `migrations[n]` turns version n-1 data into version n. */
  version: number;
  migrations?: Record<number, (previous: unknown) => unknown>;
  notices?: StorageNoticeLog;
  clock?: () => Date;
}

/**
 * A write refreshes the last good copy when the copy is older than this: a file damaged
 * while Doorman runs then loses at most about a minute of changes (they also stay in the
 * set-aside file), and a burst of writes does not write everything twice.
 */
export const LAST_GOOD_EVERY_MS = 60_000;

export class StorageNoticeLog {
  private readonly items: StorageNotice[] = [];
  private readonly listeners = new Set<(notice: StorageNotice) => void>();
  add(notice: StorageNotice): void {
    this.items.push(notice);
    for (const listener of this.listeners) listener(notice);
  }
  /** A file repaired after start (a month of the activity log opened on demand) is news too. */
  onAdd(listener: (notice: StorageNotice) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  list(): StorageNotice[] {
    return [...this.items];
  }
  clear(): void {
    this.items.length = 0;
  }
}

interface Envelope {
  schemaVersion: number;
  data: unknown;
}

export class JsonStore<T> {
  readonly filePath: string;
  private readonly store: ElectronStore<Record<string, unknown>>;
  private cached: T;
  /** When the last good copy was written (ms since the epoch, by the store's clock). */
  private lastGoodAt: number;
  /**
   * The file was written by a newer Doorman: its data is kept as it is on disk, untouched,
   * and this version works on defaults in memory, writing nothing (see loadOrRecover).
   */
  private readOnly = false;

  constructor(private readonly options: JsonStoreOptions<T>) {
    if (!path.isAbsolute(options.dir)) throw new Error('JsonStore needs an absolute directory');
    fs.mkdirSync(options.dir, { recursive: true });
    this.filePath = path.join(options.dir, `${options.name}.json`);
    const initial = this.loadOrRecover();
    this.store = new ElectronStore<Record<string, unknown>>({
      cwd: options.dir,
      name: options.name,
      clearInvalidConfig: false,
      accessPropertiesByDotNotation: false,
      projectVersion: '1.0.0',
    });
    this.cached = initial;
    this.lastGoodAt = this.now().getTime();
    if (this.readOnly) return;
    this.writeEnvelope(initial);
    fs.copyFileSync(this.filePath, this.lastGoodPath);
  }

  private now(): Date {
    return this.options.clock?.() ?? new Date();
  }

  private get lastGoodPath(): string {
    return path.join(this.options.dir, `${this.options.name}.last-good.json`);
  }

  get(): T {
    return this.cached;
  }

  /** Validates and writes the whole document; on any failure the old file stays untouched. */
  set(next: T): T {
    const parsed = this.options.schema.safeParse(next);
    if (!parsed.success) {
      throw new DoormanError('invalidInput', 'That change would not fit Doorman’s records.');
    }
    if (this.readOnly) {
      // Kept for this run only: the file on disk belongs to the newer Doorman.
      this.cached = parsed.data;
      return parsed.data;
    }
    this.writeEnvelope(parsed.data);
    this.cached = parsed.data;
    this.refreshLastGood(parsed.data);
    return parsed.data;
  }

  /**
   * Writes the data just validated and saved as the last good copy, if that copy is more
   * than LAST_GOOD_EVERY_MS old. From memory, not by copying the file, so a file damaged
   * in between is never taken for a good one; atomically (a temporary file, then a rename),
   * so a crash leaves the previous copy whole. The change itself is already saved, so a
   * copy that cannot be written is left for the next write.
   */
  private refreshLastGood(data: T): void {
    const now = this.now().getTime();
    if (now - this.lastGoodAt < LAST_GOOD_EVERY_MS) return;
    const temporary = `${this.lastGoodPath}.tmp-${process.pid}`;
    try {
      const envelope: Envelope = { schemaVersion: this.options.version, data };
      fs.writeFileSync(temporary, JSON.stringify(envelope, undefined, '\t'));
      fs.renameSync(temporary, this.lastGoodPath);
      this.lastGoodAt = now;
    } catch {
      fs.rmSync(temporary, { force: true });
    }
  }

  update(change: (current: T) => T): T {
    return this.set(change(structuredClone(this.cached)));
  }

  private writeEnvelope(data: T): void {
    try {
      this.store.store = { schemaVersion: this.options.version, data } as Record<string, unknown>;
    } catch {
      throw new DoormanError('storage', `Doorman could not save its ${this.options.name} file.`);
    }
  }

  private loadOrRecover(): T {
    const now = this.now().toISOString();
    if (!fs.existsSync(this.filePath)) {
      // No file and no last good copy: a new profile. A last good copy alone means a repair
      // was cut short (the damaged file set aside, the good data not yet written back): it
      // is the data, not something to overwrite with defaults.
      if (!fs.existsSync(this.lastGoodPath)) return this.options.defaults();
      return this.fromLastGood(now);
    }
    const fromMain = this.tryRead(this.filePath);
    if (fromMain.ok) return fromMain.value;
    // Not damaged, just newer (Doorman was downgraded): setting it aside and starting afresh
    // would lose it for good once the newer Doorman is back. Leave every file as it is.
    if (fromMain.newer) return this.leaveNewer(now);

    this.setAside(this.filePath, 'corrupt', now);
    this.options.notices?.add({ store: this.options.name, kind: 'corruptSetAside', at: now });
    if (fs.existsSync(this.lastGoodPath)) return this.fromLastGood(now);
    this.options.notices?.add({ store: this.options.name, kind: 'resetToDefaults', at: now });
    return this.options.defaults();
  }

  /** The last good copy, said so; one that cannot be read is kept aside, never overwritten. */
  private fromLastGood(now: string): T {
    const fromBackup = this.tryRead(this.lastGoodPath);
    if (fromBackup.ok) {
      this.options.notices?.add({ store: this.options.name, kind: 'restoredBackup', at: now });
      return fromBackup.value;
    }
    if (fromBackup.newer) return this.leaveNewer(now);
    this.setAside(this.lastGoodPath, 'corrupt-last-good', now);
    this.options.notices?.add({ store: this.options.name, kind: 'resetToDefaults', at: now });
    return this.options.defaults();
  }

  private setAside(file: string, label: string, now: string): void {
    const stamp = now.replace(/[:.]/g, '-');
    fs.renameSync(file, path.join(this.options.dir, `${this.options.name}.${label}-${stamp}.json`));
  }

  /** A file from a newer Doorman: this run works on defaults in memory and writes nothing. */
  private leaveNewer(now: string): T {
    this.readOnly = true;
    this.options.notices?.add({ store: this.options.name, kind: 'newerVersion', at: now });
    return this.options.defaults();
  }

  /** `newer`: the file is whole but written by a newer Doorman (not damaged). */
  private tryRead(file: string): { ok: true; value: T } | { ok: false; newer?: true } {
    try {
      const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<Envelope>;
      if (typeof raw !== 'object' || raw === null || typeof raw.schemaVersion !== 'number') {
        return { ok: false };
      }
      if (raw.schemaVersion > this.options.version) return { ok: false, newer: true };
      let data = raw.data;
      for (let v = raw.schemaVersion + 1; v <= this.options.version; v++) {
        const migrate = this.options.migrations?.[v];
        if (!migrate) return { ok: false };
        data = migrate(data);
      }
      const parsed = this.options.schema.safeParse(data);
      return parsed.success ? { ok: true, value: parsed.data } : { ok: false };
    } catch {
      return { ok: false };
    }
  }
}
