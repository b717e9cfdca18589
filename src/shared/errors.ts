import { z } from 'zod';

/**
 * The one error vocabulary that crosses the bridge. Closed on purpose: the renderer maps
 * every code to a plain sentence in each language, so a new code is a compile error there.
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

export const errorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export const appErrorSchema = z.object({
  code: errorCodeSchema,
  message: z.string(),
  /** Seconds to wait before trying again (rate limits). */
  retryAfterSeconds: z.number().nonnegative().optional(),
  /** For invalidInput: which fields were wrong, as dotted paths. Never values. */
  fields: z.array(z.string()).optional(),
});
export type AppError = z.infer<typeof appErrorSchema>;

export type Result<T> = { ok: true; data: T } | { ok: false; error: AppError };

/**
 * Thrown by main-process code to reach the creator with a specific code. Its message must
 * already be safe to show: no secrets, paths or stack traces.
 */
export class DoormanError extends Error {
  readonly code: ErrorCode;
  readonly retryAfterSeconds?: number;
  readonly fields?: string[];

  constructor(
    code: ErrorCode,
    message: string,
    extra: { retryAfterSeconds?: number; fields?: string[]; cause?: unknown } = {},
  ) {
    super(message, extra.cause === undefined ? undefined : { cause: extra.cause });
    this.name = 'DoormanError';
    this.code = code;
    if (extra.retryAfterSeconds !== undefined) this.retryAfterSeconds = extra.retryAfterSeconds;
    if (extra.fields !== undefined) this.fields = extra.fields;
  }

  toAppError(): AppError {
    const error: AppError = { code: this.code, message: this.message };
    if (this.retryAfterSeconds !== undefined) error.retryAfterSeconds = this.retryAfterSeconds;
    if (this.fields !== undefined) error.fields = this.fields;
    return error;
  }
}

export function isDoormanError(value: unknown): value is DoormanError {
  return value instanceof DoormanError;
}
