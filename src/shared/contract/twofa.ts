import { z } from 'zod';
import { channel, idSchema, noOutput } from './define';

/** One-time codes are digits; spaces and dashes people paste along are dropped. */
export const twoFactorCodeSchema = z
  .string()
  .max(40)
  .transform((v) => v.replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^\d{4,10}$/, { message: 'The code is 4 to 10 digits.' }));

/** How many wrong codes a challenge takes before it closes and a new one is needed. */
export const TWO_FACTOR_MAX_TRIES = 5;

/** Answer to a code: either accepted, or wrong with how many tries remain (0: start again). */
export const codeCheckSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('verified') }),
  z.object({ status: z.literal('wrongCode'), triesLeft: z.number().int().min(0) }),
]);
export type CodeCheck = z.infer<typeof codeCheckSchema>;

export const twoFactorSentSchema = z.object({
  /** Doorman's own id for this challenge; the gateway's token stays in main. */
  challengeId: z.string(),
  /** Masked by the gateway, e.g. "a*********y@g****.com". */
  maskedEmail: z.string().max(320).nullable(),
  expiresAt: z.string(),
});
export type TwoFactorSent = z.infer<typeof twoFactorSentSchema>;

export const twofaContract = {
  /** Sends a one-time code to the account's e-mail (seed 002, `useEmailTwoFAFallback`). */
  'twofa:send': channel(z.object({ accountId: idSchema }), twoFactorSentSchema),
  'twofa:verify': channel(
    z.object({ accountId: idSchema, challengeId: idSchema, code: twoFactorCodeSchema }),
    codeCheckSchema,
  ),
  'twofa:cancel': channel(z.object({ challengeId: idSchema }), noOutput),
} as const;
