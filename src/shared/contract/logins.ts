import { z } from 'zod';
import { channel, idSchema, isoDateSchema, noOutput } from './define';
import { refreshInput, sessionSourceSchema, trackingModeSchema } from './sessions';

export const LOGIN_DEVICE_MAX = 300;
export const LOGIN_NOTE_MAX = 300;

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
  /** `manual`: recorded by hand in manual tracking, never seen on the gateway. */
  source: sessionSourceSchema.default('gateway'),
  /** The creator's own note (manual records). */
  note: z.string().max(LOGIN_NOTE_MAX).default(''),
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

const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .nullable()
    .default(null)
    .transform((v) => (v ? v : null));

/** A login session the creator saw on fansly.com (manual tracking only). */
export const recordManualLoginInputSchema = z.object({
  accountId: idSchema,
  device: z
    .string()
    .trim()
    .min(1, 'Say which device it is.')
    .max(LOGIN_DEVICE_MAX, `A device name has at most ${LOGIN_DEVICE_MAX} characters.`),
  city: optionalText(120, 'A place has at most 120 characters.'),
  countryCode: optionalText(10, 'A country has at most 10 characters.'),
  ip: optionalText(100, 'An IP address has at most 100 characters.'),
  /** The day fansly.com shows it was last used. */
  lastUsedOn: isoDateSchema.nullable().default(null),
  /** The creator says this is them (their own device). */
  recognised: z.boolean().default(false),
  note: z
    .string()
    .trim()
    .max(LOGIN_NOTE_MAX, `A note has at most ${LOGIN_NOTE_MAX} characters.`)
    .default(''),
});
export type RecordManualLoginInput = z.input<typeof recordManualLoginInputSchema>;

const sessionInput = z.object({ accountId: idSchema, sessionId: idSchema });

export const loginsContract = {
  'logins:list': channel(accountInput, loginSessionListSchema),
  'logins:refresh': channel(refreshInput, loginSessionListSchema),
  /** The creator has seen the list: sessions first seen before now lose their "new" badge. */
  'logins:markViewed': channel(accountInput, noOutput),
  'logins:recognise': channel(sessionInput, loginSessionSchema),
  'logins:close': channel(sessionInput, loginSessionSchema),
  'logins:closeOthers': channel(accountInput, z.object({ closed: z.number().int() })),
  /** Manual tracking: records a login session the creator saw on fansly.com. */
  'logins:recordManual': channel(recordManualLoginInputSchema, loginSessionSchema),
  /** Manual tracking: the creator closed a recorded login session on fansly.com. */
  'logins:markClosed': channel(sessionInput, loginSessionSchema),
} as const;
