import { z } from 'zod';
import { noteTargetSchema } from '../domain/note-target';
import { channel, idSchema, noOutput } from './define';

/** A note longer than this is refused with a clear error; the saved version stays. */
export const NOTE_MAX_CHARS = 100_000;
// C0 controls except tab, line feed and carriage return; DEL; C1 controls; lone surrogates.
// Text holding these is almost always a pasted binary file, not something a creator wrote.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a note cannot hold this text, or null. Main enforces it; the editor checks early. */
export function noteTextProblem(text: string): 'tooLong' | 'binary' | null {
  if (text.length > NOTE_MAX_CHARS) return 'tooLong';
  if (CONTROL_CHARACTERS.test(text) || LONE_SURROGATE.test(text)) return 'binary';
  return null;
}

/** The bridge refuses payloads far beyond the limit before they reach the service. */
const NOTE_TRANSPORT_MAX_CHARS = 2_000_000;

export const noteSchema = z.object({
  id: z.string().max(200),
  target: noteTargetSchema,
  text: z.string(),
  pinned: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Goes up by one at every save, so an editor can tell its text reached disk. */
  revision: z.number().int().nonnegative(),
});
export type Note = z.infer<typeof noteSchema>;

/** What lists show: enough to find a note without shipping every body across the bridge. */
export const noteSummarySchema = z.object({
  id: z.string(),
  target: noteTargetSchema,
  pinned: z.boolean(),
  /** First non-empty line, shortened. */
  title: z.string(),
  /** The start of the note, or the part around the first search match. */
  excerpt: z.string(),
  length: z.number().int().nonnegative(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type NoteSummary = z.infer<typeof noteSummarySchema>;

const noteTextSchema = z.string().max(NOTE_TRANSPORT_MAX_CHARS);

export const notesContract = {
  /** Pinned first, then most recently changed. `query` matches every word, any case. */
  'notes:list': channel(
    z.object({
      target: noteTargetSchema.optional(),
      query: z.string().max(500).optional(),
      limit: z.number().int().min(1).max(10_000).default(1000),
    }),
    z.object({ items: z.array(noteSummarySchema), total: z.number().int().nonnegative() }),
  ),
  'notes:get': channel(z.object({ id: idSchema }), noteSchema),
  'notes:create': channel(
    z.object({
      target: noteTargetSchema.default({ kind: 'none' }),
      text: noteTextSchema.default(''),
      pinned: z.boolean().default(false),
    }),
    noteSchema,
  ),
  /** Autosave: replaces the text. Refused text leaves the saved version as it was. */
  'notes:save': channel(z.object({ id: idSchema, text: noteTextSchema }), noteSchema),
  'notes:pin': channel(z.object({ id: idSchema, pinned: z.boolean() }), noteSchema),
  'notes:delete': channel(z.object({ id: idSchema }), noOutput),
} as const;
