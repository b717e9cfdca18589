import { z } from 'zod';
import { activityKindSchema, activityParamsSchema } from '../domain/activity';
import { channel, idSchema, isoDateTimeSchema, noInput } from './define';

export const activityEntrySchema = z.object({
  id: z.string().max(200),
  at: z.string(),
  kind: activityKindSchema,
  accountId: z.string().max(200).nullable(),
  subjectId: z.string().max(200).nullable(),
  result: z.enum(['ok', 'failed']),
  summary: z.string().max(500),
  /** Absent on entries written before the window translated details: it shows `summary`. */
  params: activityParamsSchema.optional(),
});
export type ActivityEntry = z.infer<typeof activityEntrySchema>;

export const activityFilterSchema = z.object({
  accountId: idSchema.optional(),
  kinds: z.array(activityKindSchema).max(100).optional(),
  /** Inclusive instants; the renderer turns the creator's local days into these. */
  from: isoDateTimeSchema.optional(),
  to: isoDateTimeSchema.optional(),
});
export type ActivityFilter = z.input<typeof activityFilterSchema>;

export const activityPageSchema = z.object({
  entries: z.array(activityEntrySchema),
  /** Pass as `before` for the next (older) page; null at the oldest entry. */
  nextCursor: z.string().nullable(),
});
export type ActivityPage = z.infer<typeof activityPageSchema>;

/** A file handed to the renderer to save (a download link): never holds a key or a link. */
export const exportedFileSchema = z.object({
  fileName: z.string().max(200),
  mimeType: z.string().max(100),
  content: z.string(),
});
export type ExportedFile = z.infer<typeof exportedFileSchema>;

export const reportFormatSchema = z.enum(['markdown', 'json']);
export type ReportFormat = z.infer<typeof reportFormatSchema>;

export const activityContract = {
  /** Newest first, a page at a time; only the months the page needs are read from disk. */
  'activity:list': channel(
    activityFilterSchema.extend({
      before: z.string().max(400).optional(),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    activityPageSchema,
  ),
  /** Months that have a log file, newest first ('YYYY-MM'). */
  'activity:months': channel(noInput, z.array(z.string())),
  /** Evidence report for a date range: access history, sessions with access levels, notes. */
  'activity:exportReport': channel(
    z.object({
      from: isoDateTimeSchema,
      to: isoDateTimeSchema,
      format: reportFormatSchema,
      accountId: idSchema.optional(),
    }),
    exportedFileSchema,
  ),
} as const;
