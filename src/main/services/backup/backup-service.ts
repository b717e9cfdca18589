import { storedSettingsSchema } from '../settings';
import { accountsCacheSchema } from '../accounts';
import { monitorStoreSchema } from '../monitor';
import { checklistStoreSchema } from '../checklist';
import { monthDocumentSchema } from '../activity/activity-service';
import { loginsFileSchema, sessionsFileSchema } from '../sessions/store';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { ExportedFile } from '../../../shared/contract/activity';
import {
  BACKUP_APP_ID,
  BACKUP_FORMAT_VERSION,
  type BackupSummary,
} from '../../../shared/contract/backup';
import { DoormanError } from '../../../shared/errors';
import { redact } from '../../platform/log';
import type { ActivityRecorder } from '../activity-recorder';
import { managersMigrations, MANAGERS_STORE_VERSION } from '../managers/managers-service';
import { noteShardSchema, NOTES_STORE_VERSION } from '../notes/sharded-notes-store';
import {
  collectStoreFiles,
  isBackupPath,
  isEnvelope,
  PENDING_RESTORE_DIR,
  RESTORE_MANIFEST,
  writeFileAtomic,
  type StoreEnvelope,
} from './backup-files';

export interface BackupServiceDeps {
  dataDir: string;
  clock: () => Date;
  appVersion: string;
  activity: ActivityRecorder;
  /** Restarts the app so a staged restore is applied; absent where the platform cannot. */
  relaunch?: () => void;
  /**
   * The gateway address in use. A restore keeps it: the API key is not in a backup and stays
   * on this machine, so an address taken from the file would send the key wherever the file
   * says (a backup handed over by someone else could point at their server).
   */
  gatewayBaseUrl: () => string;
}

const SETTINGS_FILE = 'settings.json';

interface BackupDocument {
  app: string;
  kind: 'backup';
  formatVersion: number;
  appVersion: string;
  createdAt: string;
  /** `sha256-<hex>` of `JSON.stringify(files)`. */
  checksum: string;
  files: Record<string, StoreEnvelope>;
}

const headerSchema = z.object({
  app: z.string(),
  kind: z.string().optional(),
  formatVersion: z.number(),
  appVersion: z.string().max(100).optional(),
  createdAt: z.string().max(100),
  checksum: z.string().max(200),
  files: z.record(z.string(), z.unknown()),
});

function checksumOf(files: unknown): string {
  return `sha256-${createHash('sha256').update(JSON.stringify(files)).digest('hex')}`;
}

/** Every string in a document passes the redactor: a registered secret never leaves in a backup. */
function scrub(value: unknown): unknown {
  if (typeof value === 'string') return redact(value);
  if (Array.isArray(value)) return value.map(scrub);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrub(v)]));
  }
  return value;
}

/** Why a file cannot be restored; the window words each one (backup:reasons.<reason>). */
type RefusalReason =
  | 'notJson'
  | 'notDoorman'
  | 'newerVersion'
  | 'missingParts'
  | 'badFormatVersion'
  | 'checksum'
  | 'unknownFile'
  | 'notStore'
  | 'managers'
  | 'notes'
  | 'activity'
  | 'storeUnreadable';

function refused(reason: RefusalReason, message: string): DoormanError {
  return new DoormanError('invalidInput', message, { reason });
}

function damaged(detail: string, reason: RefusalReason): DoormanError {
  return refused(reason, `This backup is damaged (${detail}). Nothing was changed.`);
}

/**
 * The other stores a backup holds, with the version this Doorman writes and its schema. A
 * file from a newer Doorman, or one this Doorman could not read, is refused before anything
 * is replaced: restored, it would be reset to defaults at the next start, and the data it
 * replaced would be gone from view. (An older version is left to the store's migrations.)
 */
const CHECKED_STORES: { file: string; version: number; schema: z.ZodType }[] = [
  { file: 'settings.json', version: 1, schema: storedSettingsSchema },
  { file: 'cache.json', version: 1, schema: accountsCacheSchema },
  { file: 'monitor.json', version: 1, schema: monitorStoreSchema },
  { file: 'sessions.json', version: 1, schema: sessionsFileSchema },
  { file: 'logins.json', version: 1, schema: loginsFileSchema },
  { file: 'checklist.json', version: 1, schema: checklistStoreSchema },
];

/** Checks Doorman's own stores inside a backup deeply; others only as store envelopes. */
function checkKnownStore(relative: string, envelope: StoreEnvelope, summary: BackupSummary): void {
  const newer = (version: number) => {
    if (envelope.schemaVersion > version) {
      throw refused(
        'newerVersion',
        'This backup holds data from a newer version of Doorman. Update Doorman, then restore it. Nothing was changed.',
      );
    }
  };
  if (relative === 'managers.json') {
    newer(MANAGERS_STORE_VERSION);
    let data = envelope.data;
    try {
      for (let v = envelope.schemaVersion + 1; v <= MANAGERS_STORE_VERSION; v++) {
        data = managersMigrations[v]!(data);
      }
    } catch {
      throw damaged('its managers cannot be read', 'managers');
    }
    const parsed = z.object({ managers: z.array(z.unknown()) }).safeParse(data);
    if (!parsed.success) throw damaged('its managers cannot be read', 'managers');
    summary.managers += parsed.data.managers.length;
  } else if (/^notes\/notes-\d+\.json$/.test(relative)) {
    newer(NOTES_STORE_VERSION);
    const parsed = noteShardSchema.safeParse(envelope.data);
    if (!parsed.success) throw damaged('some notes cannot be read', 'notes');
    summary.notes += Object.keys(parsed.data.notes).length;
  } else if (/^activity\/activity-\d{4}-\d{2}\.json$/.test(relative)) {
    newer(1);
    const parsed = monthDocumentSchema.safeParse(envelope.data);
    if (!parsed.success) throw damaged('its activity log cannot be read', 'activity');
    summary.activityEntries += parsed.data.entries.length;
  } else {
    const known = CHECKED_STORES.find((store) => store.file === relative);
    if (!known) return;
    newer(known.version);
    if (
      envelope.schemaVersion === known.version &&
      !known.schema.safeParse(envelope.data).success
    ) {
      throw damaged(`its ${relative} file cannot be read`, 'storeUnreadable');
    }
  }
}

/**
 * Back up all local data except the API key to one JSON file (app id, format version,
 * checksum), and restore from one. A restore validates everything before writing anything;
 * the validated files are staged and replace the current ones at the next start, before any
 * store is open, so no running service can write over them.
 */
export class BackupService {
  constructor(private readonly deps: BackupServiceDeps) {}

  create(): ExportedFile {
    const files = scrub(collectStoreFiles(this.deps.dataDir)) as Record<string, StoreEnvelope>;
    const createdAt = this.deps.clock().toISOString();
    const document: BackupDocument = {
      app: BACKUP_APP_ID,
      kind: 'backup',
      formatVersion: BACKUP_FORMAT_VERSION,
      appVersion: this.deps.appVersion,
      createdAt,
      checksum: checksumOf(files),
      files,
    };
    this.deps.activity.record({
      kind: 'backupCreated',
      summary: `${Object.keys(files).length} files`,
      params: { count: Object.keys(files).length },
    });
    return {
      fileName: `doorman-backup-${createdAt.slice(0, 10)}.json`,
      mimeType: 'application/json',
      content: JSON.stringify(document),
    };
  }

  inspect(content: string): BackupSummary {
    return this.validate(content).summary;
  }

  /** Validates, then stages. Throws (and writes nothing) for a wrong or damaged file. */
  stageRestore(content: string): { summary: BackupSummary; canRestartNow: boolean } {
    const { summary, files } = this.validate(content);
    const stage = path.join(this.deps.dataDir, PENDING_RESTORE_DIR);
    try {
      fs.rmSync(stage, { recursive: true, force: true });
      for (const [relative, envelope] of Object.entries(files)) {
        const staged = relative === SETTINGS_FILE ? this.keepGateway(envelope) : envelope;
        writeFileAtomic(path.join(stage, 'files', relative), JSON.stringify(staged));
      }
      // Written last: without it the stage is incomplete and is discarded at start.
      writeFileAtomic(
        path.join(stage, RESTORE_MANIFEST),
        JSON.stringify({ createdAt: summary.createdAt, files: Object.keys(files) }),
      );
    } catch (error) {
      fs.rmSync(stage, { recursive: true, force: true });
      throw new DoormanError(
        'storage',
        'Doorman could not prepare the restore. Nothing was changed.',
        {
          cause: error,
        },
      );
    }
    return { summary, canRestartNow: Boolean(this.deps.relaunch) };
  }

  private keepGateway(envelope: StoreEnvelope): StoreEnvelope {
    const data = envelope.data;
    if (typeof data !== 'object' || data === null || Array.isArray(data)) return envelope;
    return { ...envelope, data: { ...data, gatewayBaseUrl: this.deps.gatewayBaseUrl() } };
  }

  restartNow(): void {
    if (!this.deps.relaunch) {
      throw new DoormanError('unsupported', 'Quit and open Doorman again to finish the restore.');
    }
    this.deps.relaunch();
  }

  private validate(content: string): {
    summary: BackupSummary;
    files: Record<string, StoreEnvelope>;
  } {
    let raw: unknown;
    try {
      raw = JSON.parse(content);
    } catch {
      throw refused(
        'notJson',
        'This file is not a Doorman backup (it is not readable JSON). Nothing was changed.',
      );
    }
    const header = headerSchema.safeParse(raw);
    const looksLikeOurs =
      typeof raw === 'object' && raw !== null && (raw as { app?: unknown }).app === BACKUP_APP_ID;
    if (!looksLikeOurs || (header.success && header.data.kind !== 'backup')) {
      throw refused(
        'notDoorman',
        'This file was not made by Doorman’s backup. Nothing was changed.',
      );
    }
    if (!header.success) throw damaged('parts of it are missing', 'missingParts');
    const doc = header.data;
    if (!Number.isInteger(doc.formatVersion) || doc.formatVersion < 1) {
      throw damaged('its format version is not valid', 'badFormatVersion');
    }
    if (doc.formatVersion > BACKUP_FORMAT_VERSION) {
      throw refused(
        'newerVersion',
        `This backup was made by a newer version of Doorman (format ${doc.formatVersion}). Update Doorman, then restore it. Nothing was changed.`,
      );
    }
    if (checksumOf(doc.files) !== doc.checksum)
      throw damaged('its checksum does not match', 'checksum');
    const summary: BackupSummary = {
      createdAt: doc.createdAt,
      appVersion: doc.appVersion ?? 'unknown',
      formatVersion: doc.formatVersion,
      files: 0,
      notes: 0,
      managers: 0,
      activityEntries: 0,
    };
    const files: Record<string, StoreEnvelope> = {};
    for (const [relative, envelope] of Object.entries(doc.files)) {
      if (!isBackupPath(relative))
        throw damaged('it names a file Doorman does not keep', 'unknownFile');
      if (!isEnvelope(envelope))
        throw damaged('a file inside it is not a Doorman store', 'notStore');
      checkKnownStore(relative, envelope, summary);
      files[relative] = envelope;
    }
    summary.files = Object.keys(files).length;
    return { summary, files };
  }
}
