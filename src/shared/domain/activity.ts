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

export const activityInputSchema = z.object({
  kind: activityKindSchema,
  accountId: z.string().max(200).nullable().default(null),
  /** The session, login session, manager or checklist item concerned. */
  subjectId: z.string().max(200).nullable().default(null),
  result: z.enum(['ok', 'failed']).default('ok'),
  /** Short plain text for the log line. Never a secret (no key, link, code or password). */
  summary: z.string().max(500).default(''),
});
export type ActivityInput = z.input<typeof activityInputSchema>;
