import { z } from 'zod';
import { channel, idSchema, noOutput } from './define';
import { refreshInput, trackingModeSchema } from './sessions';

export const loginSessionStatusSchema = z.enum(['open', 'closed', 'gone']);
export type LoginSessionStatus = z.infer<typeof loginSessionStatusSchema>;

/** A login session on the account, as Doorman has seen it. Read by the checklist (recognised or not). */
export const loginSessionSchema = z.object({
  id: idSchema,
  accountId: idSchema,
  device: z.string().max(300).nullable(),
  ip: z.string().max(100).nullable(),
  city: z.string().max(120).nullable(),
  stateCode: z.string().max(20).nullable(),
  countryCode: z.string().max(10).nullable(),
  lastUsedAt: z.string().nullable(),
  /** The device the gateway reports as the current one. */
  current: z.boolean(),
  firstSeenAt: z.string(),
  recognisedAt: z.string().nullable(),
  /** `closed`: closed through Doorman; `gone`: no longer listed by the gateway. */
  status: loginSessionStatusSchema,
  closedAt: z.string().nullable(),
  /** Appeared since the creator last looked at the list (computed, not stored). */
  isNew: z.boolean(),
});
export type LoginSession = z.infer<typeof loginSessionSchema>;

export const loginSessionListSchema = z.object({
  accountId: idSchema,
  mode: trackingModeSchema,
  asOf: z.string().nullable(),
  offline: z.boolean(),
  lastViewedAt: z.string().nullable(),
  sessions: z.array(loginSessionSchema),
});
export type LoginSessionList = z.infer<typeof loginSessionListSchema>;

const accountInput = z.object({ accountId: idSchema });
const sessionInput = z.object({ accountId: idSchema, sessionId: idSchema });

export const loginsContract = {
  'logins:list': channel(accountInput, loginSessionListSchema),
  'logins:refresh': channel(refreshInput, loginSessionListSchema),
  /** The creator has seen the list: sessions first seen before now lose their "new" badge. */
  'logins:markViewed': channel(accountInput, noOutput),
  'logins:recognise': channel(sessionInput, loginSessionSchema),
  'logins:close': channel(sessionInput, loginSessionSchema),
  'logins:closeOthers': channel(accountInput, z.object({ closed: z.number().int() })),
} as const;
