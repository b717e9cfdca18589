import type { z } from 'zod';
import { DoormanError, isErrorCode, type ErrorCode } from '../../../shared/errors';

/** The typed code of a failure (GatewayError or DoormanError), or null for anything else. */
export function errorCodeOf(error: unknown): ErrorCode | null {
  if (typeof error !== 'object' || error === null || !('code' in error)) return null;
  const code = (error as { code: unknown }).code;
  return isErrorCode(code) ? code : null;
}

/** The gateway could not be reached or did not answer in time. */
export function isUnreachable(error: unknown): boolean {
  const code = errorCodeOf(error);
  return code === 'network' || code === 'timeout' || code === 'offline';
}

/** A failure after which the gateway may or may not have carried out the request. */
export function isOutcomeUnknown(error: unknown): boolean {
  const code = errorCodeOf(error);
  const flagged = (error as { outcomeUnknown?: unknown } | null)?.outcomeUnknown === true;
  return flagged || isUnreachable(error) || code === 'server' || code === 'malformed';
}

export function offlineError(what: string): DoormanError {
  return new DoormanError(
    'offline',
    `Doorman cannot reach the gateway right now, so ${what}. Nothing was queued: try again when you are online.`,
  );
}

export function unsupportedError(): DoormanError {
  return new DoormanError(
    'unsupported',
    'This gateway does not offer session management. Doorman switched to manual tracking: make the change on fansly.com and record it here.',
  );
}

/**
 * Any failure as a DoormanError whose message is safe to show. Gateway errors keep their
 * code; unreachable before the request went out becomes `offline`, so a change that did
 * not happen never looks queued; a lost answer to a change becomes `timeout` (unknown).
 */
export function toDoormanError(error: unknown, what: string): DoormanError {
  // A change that was sent but whose answer never came may have happened: "offline, not
  // changed" would be wrong, so it says Doorman cannot tell (and to refresh before retrying).
  const sent = (error as { outcomeUnknown?: unknown } | null)?.outcomeUnknown === true;
  if (sent && isUnreachable(error)) {
    return new DoormanError(
      'timeout',
      'The gateway’s answer did not arrive, so Doorman cannot tell whether this happened. Refresh to check before you try again.',
      { cause: error },
    );
  }
  if (isUnreachable(error)) return offlineError(what);
  if (error instanceof DoormanError) return error;
  const code = errorCodeOf(error);
  if (code) {
    const message =
      error instanceof Error && error.message ? error.message : 'The gateway refused.';
    const retryAfterSeconds = (error as { retryAfterSeconds?: unknown }).retryAfterSeconds;
    return new DoormanError(code, message, {
      cause: error,
      ...(typeof retryAfterSeconds === 'number' ? { retryAfterSeconds } : {}),
    });
  }
  return new DoormanError('internal', 'Doorman hit an unexpected problem. Please try again.', {
    cause: error,
  });
}

/**
 * Parses service input with the channel's schema, so direct callers (checklist, lockdown,
 * tests) get the same typed `invalidInput` as the IPC boundary, naming fields, never values.
 */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || '(input)'))];
  const first = parsed.error.issues[0]?.message;
  return failInvalid(
    first && !first.startsWith('Invalid') ? first : 'Some of the information sent was not valid.',
    fields,
  );
}

function failInvalid(message: string, fields: string[]): never {
  throw new DoormanError('invalidInput', message, { fields: fields.slice(0, 20) });
}
