import { z } from 'zod';
import { channel, idSchema, isoDateSchema, noInput } from './define';
import {
  accountChecklistSchema,
  confirmableItemIdSchema,
  overallStateSchema,
} from '../domain/checklist';

export const checklistStateSchema = z.object({
  /** The app's state: its worst account's (unknown with no account). */
  overall: overallStateSchema,
  evaluatedAt: z.string(),
  accounts: z.array(accountChecklistSchema),
});
export type ChecklistState = z.infer<typeof checklistStateSchema>;

/** A confirmation may be back-dated (the password was changed last week), never future-dated. */
export const checklistConfirmInputSchema = z.object({
  /** null for app-wide items (supportNeverAsks); an account id otherwise. */
  accountId: idSchema.nullable(),
  itemId: confirmableItemIdSchema,
  at: z.iso.datetime({ offset: true }).optional(),
});
export type ChecklistConfirmInput = z.input<typeof checklistConfirmInputSchema>;

/** An overdue management session kept with a new review-by date (a calendar date, after today). */
export const keepSessionInputSchema = z.object({
  accountId: idSchema,
  sessionId: idSchema,
  reviewBy: isoDateSchema,
});

export const checklistContract = {
  'checklist:get': channel(noInput, checklistStateSchema),
  'checklist:confirm': channel(checklistConfirmInputSchema, checklistStateSchema),
  'checklist:unconfirm': channel(
    z.object({ accountId: idSchema.nullable(), itemId: confirmableItemIdSchema }),
    checklistStateSchema,
  ),
  'checklist:keepSession': channel(keepSessionInputSchema, checklistStateSchema),
} as const;
