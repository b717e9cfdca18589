import { DoormanError, type ErrorCode } from '../../shared/errors';
import { redact } from '../platform/log';

/** The closed set of ways a gateway call can fail (GATEWAY.md, issue 3). */
export const GATEWAY_ERROR_CODES = [
  'unauthorized',
  'forbidden',
  'twoFactorRequired',
  'notFound',
  'unsupported',
  'badRequest',
  'rateLimited',
  'quotaExhausted',
  'server',
  'network',
  'timeout',
  'malformed',
] as const satisfies readonly ErrorCode[];

export type GatewayErrorCode = (typeof GATEWAY_ERROR_CODES)[number];

/**
 * Plain sentences safe to show (the renderer translates by code anyway): they never carry
 * the key, a body, a link or a URL.
 */
const MESSAGES: Record<GatewayErrorCode, string> = {
  unauthorized: 'The gateway rejected the API key.',
  forbidden: 'This API key is not allowed to do this.',
  twoFactorRequired: 'Fansly asks for a two-factor code before it allows this.',
  notFound: 'The gateway could not find this item. It may have been removed already.',
  unsupported: 'This gateway does not offer this feature yet.',
  badRequest: 'The gateway refused the request as invalid.',
  rateLimited: 'Too many requests to the gateway. Try again shortly.',
  quotaExhausted: 'The gateway credit quota for this month is used up.',
  server: 'The gateway had an internal error. Try again later.',
  network: 'Could not reach the gateway. Check the connection and the gateway address.',
  timeout: 'The gateway did not answer in time.',
  malformed: 'The gateway sent an answer Doorman could not read.',
};

export interface GatewayErrorDetails {
  /** HTTP status, or null when no answer arrived. */
  status?: number | null;
  retryAfterSeconds?: number;
  /** The route that failed (routes.ts name). */
  route?: string;
  /**
   * The gateway's own message, redacted and shortened: for logs and diagnostics only. The
   * creator sees `message`, which Doorman writes.
   */
  gatewayMessage?: string | null;
  /**
   * A request that changes something (POST, PATCH, DELETE) may have reached the gateway
   * before the failure (timeout, reset). The caller must check by listing again, never by
   * sending it twice.
   */
  outcomeUnknown?: boolean;
  cause?: unknown;
}

export class GatewayError extends DoormanError {
  declare readonly code: GatewayErrorCode;
  readonly status: number | null;
  readonly route: string | null;
  readonly gatewayMessage: string | null;
  readonly outcomeUnknown: boolean;

  constructor(code: GatewayErrorCode, details: GatewayErrorDetails = {}) {
    let message = MESSAGES[code];
    if (code === 'rateLimited' && details.retryAfterSeconds !== undefined) {
      message = `Too many requests to the gateway. Try again in ${details.retryAfterSeconds} seconds.`;
    }
    super(code, message, {
      ...(details.retryAfterSeconds !== undefined
        ? { retryAfterSeconds: details.retryAfterSeconds }
        : {}),
      ...(details.cause !== undefined ? { cause: details.cause } : {}),
    });
    this.name = 'GatewayError';
    this.status = details.status ?? null;
    this.route = details.route ?? null;
    this.gatewayMessage =
      details.gatewayMessage == null ? null : redact(details.gatewayMessage).slice(0, 200);
    this.outcomeUnknown = details.outcomeUnknown ?? false;
  }
}

export function isGatewayError(value: unknown): value is GatewayError {
  return value instanceof GatewayError;
}

const STEP_UP = /2fa|two-factor/i;
const QUOTA = /quota|credit/i;

/**
 * Maps a failed answer to a code. `assumedRoute`: 404/405 means the gateway does not offer
 * the route at all (`unsupported`), which is the safe reading: a revocation must never look
 * done because its route is missing.
 */
export function classifyFailure(
  status: number,
  message: string | null,
  assumedRoute: boolean,
): GatewayErrorCode {
  const text = message ?? '';
  if (status === 401) return 'unauthorized';
  if (status === 403) {
    if (STEP_UP.test(text)) return 'twoFactorRequired';
    if (QUOTA.test(text)) return 'quotaExhausted';
    return 'forbidden';
  }
  if (status === 404 || status === 405) return assumedRoute ? 'unsupported' : 'notFound';
  if (status === 408) return 'timeout';
  if (status === 429) return QUOTA.test(text) ? 'quotaExhausted' : 'rateLimited';
  if (status >= 500) return 'server';
  // Other 4xx, including "Invalid two-factor code": the request itself was wrong.
  return 'badRequest';
}
