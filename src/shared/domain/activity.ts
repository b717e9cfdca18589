import { z } from 'zod';

/** Every kind of thing Doorman did or saw. The renderer translates each. */
export const ACTIVITY_KINDS = [
  'keySet',
  'keyRemoved',
  'keychainBackendChanged',
  'accountConnected',
  'accountDisconnected',
  'sessionCreated',
  'sessionEdited',
  'sessionRevoked',
  'sessionEnded',
  'sessionNotFromDoorman',
  'sessionRecordedManually',
  'loginClosed',
  'loginNew',
  'loginRecognised',
  'checklistConfirmed',
  'lockdownStarted',
  'lockdownStep',
  'lockdownFinished',
  'managerAdded',
  'managerOffboarded',
  'reviewKept',
  'backupCreated',
  'backupRestored',
  'reportExported',
  'storageRecovered',
] as const;
export const activityKindSchema = z.enum(ACTIVITY_KINDS);
export type ActivityKind = z.infer<typeof activityKindSchema>;

/** At most this many facts per entry: enough for any sentence, too few to hold a document. */
export const ACTIVITY_PARAMS_MAX_KEYS = 8;
export const ACTIVITY_PARAM_MAX_CHARS = 300;

/**
 * The facts an entry's sentence needs (a session's label, a count, an ISO date, a checklist
 * item id, a `variant` where a kind has several sentences), so the window can write the
 * detail in the creator's language; `summary` stays the English evidence. Like the summary,
 * never a secret (no key, link, code or password).
 */
export const activityParamsSchema = z
  .record(
    z.string().regex(/^[a-z][a-zA-Z]{0,30}$/),
    z.union([z.string().max(ACTIVITY_PARAM_MAX_CHARS), z.number()]),
  )
  .refine((params) => Object.keys(params).length <= ACTIVITY_PARAMS_MAX_KEYS, {
    message: `At most ${ACTIVITY_PARAMS_MAX_KEYS} params`,
  });
export type ActivityParams = z.infer<typeof activityParamsSchema>;

export const activityInputSchema = z.object({
  kind: activityKindSchema,
  accountId: z.string().max(200).nullable().default(null),
  /** The session, login session, manager or checklist item concerned. */
  subjectId: z.string().max(200).nullable().default(null),
  result: z.enum(['ok', 'failed']).default('ok'),
  /** Short plain text for the log line. Never a secret (no key, link, code or password). */
  summary: z.string().max(500).default(''),
  params: activityParamsSchema.optional(),
});
export type ActivityInput = z.input<typeof activityInputSchema>;
