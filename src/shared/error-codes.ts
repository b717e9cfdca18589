/**
 * The one error vocabulary that crosses the bridge, without zod: the renderer needs the codes
 * and types on its first load, and zod would add ~160 KB to the script it must evaluate before
 * anything shows. errors.ts builds the schemas from these and checks the types agree.
 *
 * Closed on purpose: the renderer maps every code to a plain sentence in each language, so a
 * new code is a compile error there.
 */
export const ERROR_CODES = [
  // bridge and local
  'invalidInput',
  'forbiddenSender',
  'unknownChannel',
  'internal',
  'storage',
  'notFound',
  'conflict',
  'offline',
  'noApiKey',
  'keychainUnavailable',
  'consentRequired',
  /** Doorman closed while it was doing this; whether it happened is not known. */
  'interrupted',
  /** A create whose answer was lost, and which listing shows never happened: safe to redo. */
  'notCreated',
  // gateway
  'unauthorized',
  'forbidden',
  'twoFactorRequired',
  'unsupported',
  'badRequest',
  'rateLimited',
  'quotaExhausted',
  'server',
  'network',
  'timeout',
  'malformed',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export function isErrorCode(value: unknown): value is ErrorCode {
  return (ERROR_CODES as readonly unknown[]).includes(value);
}

/** An error as it crosses the bridge (errors.ts: `appErrorSchema`). */
export interface AppError {
  code: ErrorCode;
  message: string;
  /** Seconds to wait before trying again (rate limits). */
  retryAfterSeconds?: number;
  /** For invalidInput: which fields were wrong, as dotted paths. Never values. */
  fields?: string[];
  /**
   * Why, as a short word the window translates (e.g. a backup's `checksum`), where the code
   * alone does not say enough. Never text for the creator: `message` is English.
   */
  reason?: string;
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: AppError };
