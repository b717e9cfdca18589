import { z } from 'zod';
import { managerSchema } from '../domain/manager';
import { channel, idSchema, isoDateSchema, noInput, noOutput } from './define';

/** What the creator types about a manager; ids and times are Doorman's. */
export const managerDraftSchema = z.object({
  name: z.string().trim().min(1).max(120),
  organisation: z.string().trim().max(120).default(''),
  contact: z.string().trim().max(200).default(''),
  role: z.string().trim().max(120).default(''),
  contractStart: isoDateSchema.nullable().default(null),
  contractEnd: isoDateSchema.nullable().default(null),
  noticePeriodDays: z.number().int().min(0).max(3650).nullable().default(null),
});
export type ManagerDraft = z.input<typeof managerDraftSchema>;

export const managerChangesSchema = z
  .object({
    name: z.string().trim().min(1).max(120),
    organisation: z.string().trim().max(120),
    contact: z.string().trim().max(200),
    role: z.string().trim().max(120),
    contractStart: isoDateSchema.nullable(),
    contractEnd: isoDateSchema.nullable(),
    noticePeriodDays: z.number().int().min(0).max(3650).nullable(),
  })
  .partial()
  .strict();
export type ManagerChanges = z.input<typeof managerChangesSchema>;

/** A management session as the managers and report features see it. Never carries its link. */
export const issuedSessionSchema = z.object({
  accountId: z.string().max(200),
  sessionId: z.string().max(200),
  label: z.string().max(200),
  managerId: z.string().max(200).nullable(),
  permissions: z.array(z.string().max(100)).max(200),
  /** 'active' can be revoked; anything else is history. */
  status: z.string().max(40),
  createdAt: z.string().nullable(),
  endedAt: z.string().nullable(),
});
export type IssuedSession = z.infer<typeof issuedSessionSchema>;

export const managerSessionsSchema = z.object({
  /** False until the sessions feature is connected: the list is then unknown, not empty. */
  available: z.boolean(),
  items: z.array(issuedSessionSchema),
});
export type ManagerSessions = z.infer<typeof managerSessionsSchema>;

export const offboardResultSchema = z.object({
  manager: managerSchema,
  /** True when every active session was revoked and the end recorded. */
  completed: z.boolean(),
  revoked: z.array(z.object({ accountId: z.string(), sessionId: z.string() })),
  failed: z.array(
    z.object({
      accountId: z.string(),
      sessionId: z.string(),
      code: z.string(),
      message: z.string(),
    }),
  ),
});
export type OffboardResult = z.infer<typeof offboardResultSchema>;

export const managersContract = {
  /** Every manager, offboarded ones included (their history stays). */
  'managers:list': channel(noInput, z.array(managerSchema)),
  'managers:get': channel(z.object({ id: idSchema }), managerSchema),
  'managers:create': channel(managerDraftSchema, managerSchema),
  'managers:update': channel(
    z.object({ id: idSchema, changes: managerChangesSchema }),
    managerSchema,
  ),
  /** Only for a manager with no sessions and no notes; otherwise offboard. */
  'managers:remove': channel(z.object({ id: idSchema }), noOutput),
  'managers:sessions': channel(z.object({ managerId: idSchema }), managerSessionsSchema),
  /** Revokes the manager's active sessions and records the end. The caller has asked the creator. */
  'managers:offboard': channel(
    z.object({ id: idSchema, confirm: z.literal(true), endDate: isoDateSchema.optional() }),
    offboardResultSchema,
  ),
} as const;
