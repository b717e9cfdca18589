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
 * (`<name>.last-good.json`, refreshed at each good open) is restored when there is one, and
 * a notice is recorded for the creator.
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

export class StorageNoticeLog {
  private readonly items: StorageNotice[] = [];
  add(notice: StorageNotice): void {
    this.items.push(notice);
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
    this.writeEnvelope(initial);
    fs.copyFileSync(this.filePath, this.lastGoodPath);
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
    this.writeEnvelope(parsed.data);
    this.cached = parsed.data;
    return parsed.data;
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
    if (!fs.existsSync(this.filePath)) return this.options.defaults();
    const fromMain = this.tryRead(this.filePath);
    if (fromMain.ok) return fromMain.value;

    const now = (this.options.clock?.() ?? new Date()).toISOString();
    const stamp = now.replace(/[:.]/g, '-');
    fs.renameSync(
      this.filePath,
      path.join(this.options.dir, `${this.options.name}.corrupt-${stamp}.json`),
    );
    this.options.notices?.add({ store: this.options.name, kind: 'corruptSetAside', at: now });

    if (fs.existsSync(this.lastGoodPath)) {
      const fromBackup = this.tryRead(this.lastGoodPath);
      if (fromBackup.ok) {
        this.options.notices?.add({ store: this.options.name, kind: 'restoredBackup', at: now });
        return fromBackup.value;
      }
    }
    this.options.notices?.add({ store: this.options.name, kind: 'resetToDefaults', at: now });
    return this.options.defaults();
  }

  private tryRead(file: string): { ok: true; value: T } | { ok: false } {
    try {
      const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<Envelope>;
      if (typeof raw !== 'object' || raw === null || typeof raw.schemaVersion !== 'number') {
        return { ok: false };
      }
      if (raw.schemaVersion > this.options.version) return { ok: false };
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
