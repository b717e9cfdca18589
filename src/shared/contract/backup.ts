import { z } from 'zod';
import { exportedFileSchema } from './activity';
import { channel, noInput, noOutput } from './define';

export const BACKUP_APP_ID = 'doorman';
export const BACKUP_FORMAT_VERSION = 1;
/** A backup larger than this is refused before it is read. */
export const BACKUP_MAX_CHARS = 200_000_000;

export const backupSummarySchema = z.object({
  createdAt: z.string(),
  appVersion: z.string(),
  formatVersion: z.number().int(),
  files: z.number().int().nonnegative(),
  notes: z.number().int().nonnegative(),
  managers: z.number().int().nonnegative(),
  activityEntries: z.number().int().nonnegative(),
});
export type BackupSummary = z.infer<typeof backupSummarySchema>;

const backupContentSchema = z.object({ content: z.string().min(1).max(BACKUP_MAX_CHARS) });

export const backupContract = {
  /** Every local file except the API key's vault, as one JSON document with a checksum. */
  'backup:create': channel(noInput, exportedFileSchema),
  /** Validates a backup and says what it holds; changes nothing. */
  'backup:inspect': channel(backupContentSchema, backupSummarySchema),
  /**
   * Validates again, then stages the files; they replace the current ones at the next start,
   * before any store is open, so nothing running can write over them.
   */
  'backup:restore': channel(
    backupContentSchema.extend({ confirm: z.literal(true) }),
    z.object({ summary: backupSummarySchema, canRestartNow: z.boolean() }),
  ),
  /** Restarts Doorman to finish a staged restore (where the platform can). */
  'backup:restartNow': channel(noInput, noOutput),
} as const;
