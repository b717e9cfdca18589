import { z } from 'zod';

/** What a note is attached to. Free-standing notes have kind 'none'. */
export const noteTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('account'), id: z.string().min(1).max(200) }),
  z.object({ kind: z.literal('manager'), id: z.string().min(1).max(200) }),
  z.object({ kind: z.literal('session'), id: z.string().min(1).max(200) }),
  z.object({ kind: z.literal('loginSession'), id: z.string().min(1).max(200) }),
]);
export type NoteTarget = z.infer<typeof noteTargetSchema>;
