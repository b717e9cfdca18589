import { z } from 'zod';
import { appErrorSchema } from '../errors';
import { COUNTRY_CODES, isCountryCode } from '../domain/countries';
import { channel, idSchema, noInput, noOutput } from './define';
import { twoFactorCodeSchema } from './twofa';

export const connectionStateSchema = z.enum(['connected', 'needsReconnect', 'unknown']);
export type ConnectionState = z.infer<typeof connectionStateSchema>;

/** A Fansly account connected to the gateway under the creator's API key. */
export const accountSchema = z.object({
  /** The gateway's id (`fansly_…`); used in every gateway path. */
  accountId: z.string().max(200),
  /** The native Fansly id (numeric string), when known. Not interchangeable with accountId. */
  nativeId: z.string().max(40).nullable(),
  username: z.string().max(200),
  displayName: z.string().max(200).nullable(),
  /** The creator's own label for it (the gateway dashboard's "name"). */
  label: z.string().max(200).nullable(),
  connectionState: connectionStateSchema,
  /** When Doorman last had fresh data for it from the gateway. */
  lastRefreshedAt: z.string().nullable(),
});
export type Account = z.infer<typeof accountSchema>;

export const accountsListSchema = z.object({
  accounts: z.array(accountSchema),
  /** When this list came from the gateway; null when it never has. */
  asOf: z.string().nullable(),
  /** True when this is the last-known list because the gateway could not answer now. */
  offline: z.boolean(),
  /** Why the list could not be refreshed (gateway unreachable, key rejected, no key...). */
  error: appErrorSchema.optional(),
});
export type AccountsList = z.infer<typeof accountsListSchema>;

export const countryCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isCountryCode, { message: 'Choose a country from the list.' });

export const connectAccountInputSchema = z.object({
  username: z.string().trim().min(1).max(200),
  /** Passed to the gateway once and never stored or logged. Not trimmed: spaces may be part of it. */
  password: z.string().min(1).max(500),
  /** Empty means "use the username". */
  label: z.string().trim().max(100).default(''),
  countryCode: countryCodeSchema,
});
export type ConnectAccountInput = z.input<typeof connectAccountInputSchema>;

export const connectResultSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('connected'), account: accountSchema }),
  z.object({
    status: z.literal('twoFactorRequired'),
    /** Doorman's id for this pending sign-in; the gateway's token stays in main. */
    challengeId: z.string(),
    /** Where the code went, as the gateway masks it; null when it did not say. */
    deliveryHint: z.string().max(320).nullable(),
    expiresAt: z.string(),
  }),
]);
export type ConnectResult = z.infer<typeof connectResultSchema>;

export const verifyConnectResultSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('connected'), account: accountSchema }),
  z.object({ status: z.literal('wrongCode'), triesLeft: z.number().int().min(0) }),
]);
export type VerifyConnectResult = z.infer<typeof verifyConnectResultSchema>;

export { COUNTRY_CODES };

export const accountsContract = {
  /** The last-known list, refreshed from the gateway when it is old. */
  'accounts:list': channel(noInput, accountsListSchema),
  /** Asks the gateway now. */
  'accounts:refresh': channel(noInput, accountsListSchema),
  'accounts:connect': channel(connectAccountInputSchema, connectResultSchema),
  'accounts:verifyConnect': channel(
    z.object({ challengeId: idSchema, code: twoFactorCodeSchema }),
    verifyConnectResultSchema,
  ),
  /** Abandons a pending sign-in: main forgets the password at once. */
  'accounts:cancelConnect': channel(z.object({ challengeId: idSchema }), noOutput),
  'accounts:disconnect': channel(z.object({ accountId: idSchema }), noOutput),
} as const;
