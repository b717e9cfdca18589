import { z } from 'zod';
import { ERROR_CODES, type AppError, type ErrorCode } from './error-codes';

// The codes and plain types live in error-codes.ts (no zod, so the renderer's first load stays
// light); main and the contract keep importing them from here.
export {
  ERROR_CODES,
  isErrorCode,
  type AppError,
  type ErrorCode,
  type Result,
} from './error-codes';

export const errorCodeSchema = z.enum(ERROR_CODES);

export const appErrorSchema = z.object({
  code: errorCodeSchema,
  message: z.string(),
  /** Seconds to wait before trying again (rate limits). */
  retryAfterSeconds: z.number().nonnegative().optional(),
  /** For invalidInput: which fields were wrong, as dotted paths. Never values. */
  fields: z.array(z.string()).optional(),
  /** A short word the window translates (see AppError). */
  reason: z
    .string()
    .regex(/^[a-z][a-zA-Z]{0,39}$/)
    .optional(),
});

// Compile-time only: the plain types in error-codes.ts must be exactly what the schemas check,
// so neither can change without the other.
type Exactly<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Expect<T extends true> = T;
type _PlainTypesMatchSchemas = [
  Expect<Exactly<z.infer<typeof errorCodeSchema>, ErrorCode>>,
  Expect<Exactly<z.infer<typeof appErrorSchema>, AppError>>,
];

/**
 * Thrown by main-process code to reach the creator with a specific code. Its message must
 * already be safe to show: no secrets, paths or stack traces.
 */
export class DoormanError extends Error {
  readonly code: ErrorCode;
  readonly retryAfterSeconds?: number;
  readonly fields?: string[];
  readonly reason?: string;

  constructor(
    code: ErrorCode,
    message: string,
    extra: { retryAfterSeconds?: number; fields?: string[]; reason?: string; cause?: unknown } = {},
  ) {
    super(message, extra.cause === undefined ? undefined : { cause: extra.cause });
    this.name = 'DoormanError';
    this.code = code;
    if (extra.retryAfterSeconds !== undefined) this.retryAfterSeconds = extra.retryAfterSeconds;
    if (extra.fields !== undefined) this.fields = extra.fields;
    if (extra.reason !== undefined) this.reason = extra.reason;
  }

  toAppError(): AppError {
    const error: AppError = { code: this.code, message: this.message };
    if (this.retryAfterSeconds !== undefined) error.retryAfterSeconds = this.retryAfterSeconds;
    if (this.fields !== undefined) error.fields = this.fields;
    if (this.reason !== undefined) error.reason = this.reason;
    return error;
  }
}

export function isDoormanError(value: unknown): value is DoormanError {
  return value instanceof DoormanError;
}
