import { z } from 'zod';
import { channel, idSchema, noInput, noOutput } from './define';
import { appErrorSchema } from '../errors';

/**
 * One step of a lockdown. Per account: list the management sessions, revoke each one, then
 * close every login session except the gateway's own. A failed step keeps its error and is
 * the only thing a retry runs again.
 */
export const lockdownStepSchema = z.object({
  id: z.string().max(300),
  accountId: z.string().max(200),
  accountLabel: z.string().max(300),
  kind: z.enum(['listSessions', 'revokeSession', 'closeLogins']),
  /** The management session a revoke step is about. */
  sessionId: z.string().max(200).nullable(),
  subjectLabel: z.string().max(300).nullable(),
  status: z.enum(['pending', 'running', 'done', 'failed']),
  error: appErrorSchema.nullable(),
  finishedAt: z.string().nullable(),
});
export type LockdownStep = z.infer<typeof lockdownStepSchema>;

export const lockdownRunSchema = z.object({
  id: z.string().max(100),
  /** running, then done (every step succeeded) or failed (some step failed; retry is offered). */
  status: z.enum(['running', 'done', 'failed']),
  accountIds: z.array(z.string().max(200)),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  steps: z.array(lockdownStepSchema),
});
export type LockdownRun = z.infer<typeof lockdownRunSchema>;

export const lockdownScopeSchema = z.discriminatedUnion('scope', [
  z.object({ scope: z.literal('all') }),
  z.object({ scope: z.literal('account'), accountId: idSchema }),
]);
export type LockdownScope = z.infer<typeof lockdownScopeSchema>;

/** A revoke the tray asked for: the window shows a confirmation, never revokes on its own. */
export const revokeRequestSchema = z.object({
  accountId: z.string().max(200),
  sessionId: z.string().max(200),
  label: z.string().max(300),
});
export type RevokeRequest = z.infer<typeof revokeRequestSchema>;

export const lockdownContract = {
  'lockdown:start': channel(lockdownScopeSchema, lockdownRunSchema),
  'lockdown:state': channel(noInput, lockdownRunSchema.nullable()),
  'lockdown:retry': channel(noInput, lockdownRunSchema),
  'lockdown:dismiss': channel(noInput, noOutput),
  'lockdown:revokeRequest': channel(noInput, revokeRequestSchema.nullable()),
  'lockdown:clearRevokeRequest': channel(noInput, noOutput),
  'lockdown:revokeSession': channel(
    z.object({ accountId: idSchema, sessionId: idSchema }),
    noOutput,
  ),
} as const;
