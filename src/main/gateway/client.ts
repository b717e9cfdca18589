import { DoormanError } from '../../shared/errors';
import { checkGatewayBaseUrl } from '../../shared/contract/settings';
import { registerSecret, type Logger } from '../platform/log';
import { readAnswer } from './envelope';
import { GatewayError, classifyFailure, type GatewayErrorCode } from './errors';
import { RequestLimiter } from './limiter';
import {
  MappingError,
  mapAccounts,
  mapConnectResult,
  mapConnectedAccount,
  mapCreatedManagementSession,
  mapLoginSessions,
  mapManagementSession,
  mapManagementSessions,
  mapPermissions,
  mapProfile,
  mapProfiles,
  mapTwoFactorCodeSent,
} from './mapping';
import { API_PREFIX, ROUTES, buildPath, type RouteName } from './routes';
import type {
  AccountProfile,
  ConnectInput,
  ConnectResult,
  ConnectedAccount,
  CreatedManagementSession,
  GatewayClient,
  GatewayLoginSession,
  GatewayManagementSession,
  GatewayPermission,
  TwoFactorCodeSent,
  TwoFactorProof,
} from './types';

export interface HttpGatewayClientOptions {
  /** Electron's `net.fetch` in the app, Node's `fetch` in tests. */
  fetch: typeof fetch;
  /** Read on every call, so a changed setting applies at once. */
  baseUrl: () => string;
  /** The saved key for requests to `baseUrl`, or null when there is none for it. */
  apiKey: (baseUrl: string) => Promise<string | null>;
  log?: Logger;
  /** Per request (one attempt), default 15 s. */
  timeoutMs?: number;
  /** Requests in flight at once, default 4. */
  maxConcurrent?: number;
  /** Attempts for a GET, default 3. Other methods always get exactly one. */
  maxAttempts?: number;
  /** Longest `X-RateLimit-Retry-After` worth waiting for inside one call, default 30 s. */
  maxRetryAfterSeconds?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => number;
}

interface CallInput {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  /** Use this key instead of the saved one (checking a new key before saving it). */
  apiKey?: string;
}

const RETRYABLE: ReadonlySet<GatewayErrorCode> = new Set([
  'network',
  'timeout',
  'server',
  'rateLimited',
]);
const BACKOFF_BASE_MS = 500;
const BACKOFF_MAX_MS = 8_000;

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Seconds from `X-RateLimit-Retry-After` (or the standard `Retry-After`), if readable. */
function retryAfterSeconds(headers: Headers): number | undefined {
  for (const name of ['x-ratelimit-retry-after', 'retry-after']) {
    const value = headers.get(name);
    if (value === null) continue;
    const seconds = Number(value.trim());
    if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  }
  return undefined;
}

/** Ids go in paths; an empty one is a bug in the caller, refused before any request. */
function requireId(value: string, what: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new DoormanError('invalidInput', `The ${what} is missing.`, { fields: [what] });
  }
  return value;
}

/**
 * The one HTTP client for the Fansly API gateway (GATEWAY.md). It owns the key header,
 * both envelopes, timeouts, retries (GETs only), the client-side rate limiter and the
 * mapping to types.ts. Every failure is a GatewayError whose message is safe to show.
 */
export class HttpGatewayClient implements GatewayClient {
  private readonly fetchImpl: typeof fetch;
  private readonly timeoutMs: number;
  private readonly maxAttempts: number;
  private readonly maxRetryAfterSeconds: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly now: () => number;
  private readonly limiter: RequestLimiter;

  constructor(private readonly options: HttpGatewayClientOptions) {
    this.fetchImpl = options.fetch;
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.maxAttempts = Math.max(1, options.maxAttempts ?? 3);
    this.maxRetryAfterSeconds = options.maxRetryAfterSeconds ?? 30;
    this.sleep = options.sleep ?? realSleep;
    this.random = options.random ?? Math.random;
    this.now = options.now ?? Date.now;
    this.limiter = new RequestLimiter({
      maxConcurrent: Math.max(1, options.maxConcurrent ?? 4),
      now: this.now,
      sleep: this.sleep,
    });
  }

  // ---- accounts ----------------------------------------------------------------------

  async verifyKey(apiKey?: string): Promise<void> {
    await this.call('listAccounts', apiKey === undefined ? {} : { apiKey });
  }

  async listAccounts(): Promise<ConnectedAccount[]> {
    return this.mapped('listAccounts', await this.call('listAccounts'), mapAccounts);
  }

  async getAccountsByNativeIds(nativeIds: string[]): Promise<AccountProfile[]> {
    const ids = [...new Set(nativeIds.map((v) => v.trim()).filter(Boolean))];
    if (ids.length === 0) return [];
    if (!ids.every((v) => /^\d+$/.test(v))) {
      throw new DoormanError('invalidInput', 'Fansly account ids are numbers.', {
        fields: ['nativeIds'],
      });
    }
    const data = await this.call('accountsByIds', { query: { ids: ids.join(',') } });
    return this.mapped('accountsByIds', data, mapProfiles);
  }

  async getProfile(accountId: string): Promise<AccountProfile> {
    const data = await this.call('profile', {
      params: { accountId: requireId(accountId, 'accountId') },
    });
    return this.mapped('profile', data, mapProfile);
  }

  async connect(input: ConnectInput): Promise<ConnectResult> {
    const data = await this.call('connect', { body: connectBody(input) });
    const result = this.mapped('connect', data, mapConnectResult);
    if (result.kind === 'twoFactorRequired') registerSecret(result.twoFactorToken);
    return result;
  }

  async verifyConnectTwoFactor(
    input: ConnectInput & { twoFactorToken: string; twoFactorCode: string },
  ): Promise<ConnectedAccount> {
    registerSecret(input.twoFactorToken);
    const data = await this.call('verifyConnectTwoFactor', {
      body: {
        ...connectBody(input),
        twoFactorToken: input.twoFactorToken,
        twoFactorCode: input.twoFactorCode.trim(),
      },
    });
    return this.mapped('verifyConnectTwoFactor', data, mapConnectedAccount);
  }

  async disconnect(accountId: string): Promise<void> {
    await this.call('disconnect', { params: { accountId: requireId(accountId, 'accountId') } });
  }

  // ---- 2FA (seed 002) ----------------------------------------------------------------

  async sendTwoFactorCode(accountId: string): Promise<TwoFactorCodeSent> {
    const data = await this.call('sendTwoFactorCode', {
      params: { accountId: requireId(accountId, 'accountId') },
      body: { useEmailTwoFAFallback: true },
    });
    const sent = this.mapped('sendTwoFactorCode', data, mapTwoFactorCodeSent);
    registerSecret(sent.token);
    return sent;
  }

  async verifyTwoFactorCode(
    accountId: string,
    proof: TwoFactorProof & { mode?: number },
  ): Promise<void> {
    registerSecret(proof.token);
    await this.call('verifyTwoFactorCode', {
      params: { accountId: requireId(accountId, 'accountId') },
      // mode 1 is the only documented example; its meaning is not documented.
      body: { token: proof.token, code: proof.code.trim(), mode: proof.mode ?? 1 },
    });
  }

  // ---- login sessions (assumed routes) -----------------------------------------------

  async listLoginSessions(accountId: string): Promise<GatewayLoginSession[]> {
    const data = await this.call('listLoginSessions', {
      params: { accountId: requireId(accountId, 'accountId') },
    });
    return this.mapped('listLoginSessions', data, mapLoginSessions);
  }

  async closeLoginSession(accountId: string, sessionId: string): Promise<void> {
    await this.call('closeLoginSessions', {
      params: { accountId: requireId(accountId, 'accountId') },
      body: { sessionId: requireId(sessionId, 'sessionId') },
    });
  }

  async closeOtherLoginSessions(accountId: string): Promise<void> {
    await this.call('closeLoginSessions', {
      params: { accountId: requireId(accountId, 'accountId') },
      body: { allExceptCurrent: true },
    });
  }

  // ---- management sessions (assumed routes) ------------------------------------------

  async listManagementSessions(accountId: string): Promise<GatewayManagementSession[]> {
    const data = await this.call('listManagementSessions', {
      params: { accountId: requireId(accountId, 'accountId') },
    });
    return this.mapped('listManagementSessions', data, mapManagementSessions);
  }

  /**
   * `twofa` is the verified proof of the 2FA step-up when the first attempt was refused for
   * it, sent as PATCH sends it (GATEWAY.md documents the field only for PATCH; the step-up
   * retries "the original action" with it).
   */
  async createManagementSession(
    accountId: string,
    input: { label: string; permissions: string[] },
    twofa?: TwoFactorProof,
  ): Promise<CreatedManagementSession> {
    const data = await this.call('createManagementSession', {
      params: { accountId: requireId(accountId, 'accountId') },
      body: { label: input.label, permissions: input.permissions, ...proofBody(twofa) },
    });
    // Register the link before mapping can fail, so no later log line can carry it.
    registerLinkSecrets(data);
    return this.mapped('createManagementSession', data, mapCreatedManagementSession);
  }

  async updateManagementSession(
    accountId: string,
    sessionId: string,
    change: { label?: string; permissions?: string[] },
    twofa?: TwoFactorProof,
  ): Promise<GatewayManagementSession> {
    const body: Record<string, unknown> = {};
    if (change.label !== undefined) body.label = change.label;
    if (change.permissions !== undefined) body.permissions = change.permissions;
    Object.assign(body, proofBody(twofa));
    const data = await this.call('updateManagementSession', {
      params: {
        accountId: requireId(accountId, 'accountId'),
        id: requireId(sessionId, 'sessionId'),
      },
      body,
    });
    return this.mapped('updateManagementSession', data, mapManagementSession);
  }

  async revokeManagementSession(accountId: string, sessionId: string): Promise<void> {
    await this.call('revokeManagementSession', {
      params: {
        accountId: requireId(accountId, 'accountId'),
        id: requireId(sessionId, 'sessionId'),
      },
    });
  }

  async listPermissions(accountId: string): Promise<GatewayPermission[]> {
    const data = await this.call('listPermissions', {
      params: { accountId: requireId(accountId, 'accountId') },
    });
    return this.mapped('listPermissions', data, mapPermissions);
  }

  // ---- transport ---------------------------------------------------------------------

  private mapped<T>(route: RouteName, data: unknown, map: (data: unknown) => T): T {
    try {
      return map(data);
    } catch (error) {
      // Any failure to read the answer is one: a mapper that throws something else (say a
      // RangeError from a date) must not turn a change that happened into a clean failure.
      const reason =
        error instanceof MappingError
          ? error.message
          : `unreadable answer (${error instanceof Error ? error.name : typeof error})`;
      this.options.log?.warn(`gateway ${route}: ${reason}`);
      // A change answered 2xx did happen, but Doorman cannot tell what it made.
      const changes = ROUTES[route].method !== 'GET';
      throw new GatewayError('malformed', { status: 200, route, outcomeUnknown: changes });
    }
  }

  /** One logical call: checks, then attempts (several only for GET). Returns the payload. */
  private async call(route: RouteName, input: CallInput = {}): Promise<unknown> {
    const spec = ROUTES[route];
    const base = this.options.baseUrl().trim();
    if (checkGatewayBaseUrl(base) !== 'ok') {
      throw new DoormanError(
        'invalidInput',
        'The gateway address must start with https:// (http:// only for 127.0.0.1 or localhost).',
        { fields: ['gatewayBaseUrl'] },
      );
    }
    // The key is asked for this address: it is handed out only for the one it was saved for.
    const key = (input.apiKey ?? (await this.options.apiKey(base)))?.trim();
    if (!key) throw new DoormanError('noApiKey', 'No gateway API key is set.');
    registerSecret(key);

    let url = `${base.replace(/\/+$/, '')}${API_PREFIX}${buildPath(route, input.params)}`;
    if (input.query) url += `?${new URLSearchParams(input.query).toString()}`;
    const attempts = spec.method === 'GET' ? this.maxAttempts : 1;

    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.attempt(route, url, key, input.body);
      } catch (error) {
        if (!(error instanceof GatewayError)) throw error;
        const tooLong =
          error.code === 'rateLimited' &&
          (error.retryAfterSeconds ?? 0) > this.maxRetryAfterSeconds;
        if (attempt >= attempts || !RETRYABLE.has(error.code) || tooLong) {
          this.options.log?.warn(
            `gateway ${route} failed: ${error.code}${error.status ? ` (HTTP ${error.status})` : ''}${
              error.gatewayMessage ? `: ${error.gatewayMessage}` : ''
            }`,
          );
          throw error;
        }
        const wait = this.backoffMs(attempt, error.retryAfterSeconds);
        this.options.log?.info(
          `gateway ${route}: ${error.code}, retry ${attempt + 1}/${attempts} in ${wait} ms`,
        );
        await this.sleep(wait);
      }
    }
  }

  /** Exponential backoff with "equal jitter" (half fixed, half random); a longer retry-after from the gateway wins. */
  private backoffMs(attempt: number, retryAfter?: number): number {
    const exponential = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** (attempt - 1));
    const jittered = Math.round(exponential / 2 + this.random() * (exponential / 2));
    return retryAfter !== undefined ? Math.max(retryAfter * 1000, jittered) : jittered;
  }

  private async attempt(
    route: RouteName,
    url: string,
    key: string,
    body: unknown,
  ): Promise<unknown> {
    const spec = ROUTES[route];
    const changes = spec.method !== 'GET';
    const release = await this.limiter.acquire();
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.timeoutMs);
    const started = this.now();
    try {
      let response: Response;
      let text: string;
      try {
        const headers: Record<string, string> = {
          'x-api-key': key,
          Accept: 'application/json',
        };
        if (body !== undefined) headers['Content-Type'] = 'application/json';
        response = await this.fetchImpl(url, {
          method: spec.method,
          headers,
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: controller.signal,
          // A redirect could carry x-api-key to another host: refuse it.
          redirect: 'error',
        });
        text = await response.text();
      } catch (error) {
        const code = timedOut ? 'timeout' : 'network';
        this.options.log?.info(
          `gateway ${spec.method} ${route}: ${code} after ${this.now() - started} ms (${describeCause(error)})`,
        );
        // A change may have reached the gateway before the answer was lost, unless the
        // connection was never made.
        throw new GatewayError(code, {
          status: null,
          route,
          outcomeUnknown: changes && !neverConnected(error),
        });
      }

      this.limiter.observe(response.headers);
      const answer = readAnswer(response.status, text);
      this.options.log?.info(
        `gateway ${spec.method} ${route} -> ${response.status} in ${this.now() - started} ms`,
      );
      if (answer.kind === 'success') return answer.data;
      if (answer.kind === 'malformed') {
        this.options.log?.warn(`gateway ${route}: ${answer.reason}`);
        throw new GatewayError('malformed', {
          status: response.status,
          route,
          outcomeUnknown: changes,
        });
      }
      const code = classifyFailure(answer.status, answer.message, spec.status === 'assumed');
      const retryAfter = code === 'rateLimited' ? retryAfterSeconds(response.headers) : undefined;
      if (code === 'rateLimited') this.limiter.blockFor(retryAfter ?? 1);
      throw new GatewayError(code, {
        status: answer.status,
        route,
        gatewayMessage: answer.message,
        // A 5xx may come after the change was made; a 4xx means it was refused.
        outcomeUnknown: changes && code === 'server',
        ...(retryAfter !== undefined ? { retryAfterSeconds: retryAfter } : {}),
      });
    } finally {
      clearTimeout(timer);
      release();
    }
  }
}

function connectBody(input: ConnectInput): Record<string, string> {
  return {
    username: input.username.trim(),
    password: input.password,
    name: input.name.trim(),
    countryCode: input.countryCode.trim().toUpperCase(),
  };
}

/** The link and its token are secrets: registered before anything could log them. */
/** The 2FA step-up's proof as a request body carries it; registered first, so no log shows it. */
function proofBody(twofa: TwoFactorProof | undefined): { twofa?: { token: string; code: string } } {
  if (!twofa) return {};
  registerSecret(twofa.token);
  return { twofa: { token: twofa.token, code: twofa.code.trim() } };
}

function registerLinkSecrets(data: unknown): void {
  if (typeof data !== 'object' || data === null) return;
  const record = data as Record<string, unknown>;
  const inner =
    typeof record.session === 'object' && record.session !== null
      ? (record.session as Record<string, unknown>)
      : record;
  for (const value of [inner.link, inner.url]) {
    if (typeof value !== 'string') continue;
    registerSecret(value);
    registerSecret(value.split('/').pop());
  }
}

/** Error name and code only (e.g. "TypeError ECONNRESET"): never a message that might hold a URL. */
/**
 * Failures that happen before a request can reach the gateway: no route, no name, refused.
 * Node's fetch names them in `cause.code`, Electron's net.fetch in the message.
 */
const NOT_CONNECTED_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
]);
const NOT_CONNECTED_CHROMIUM =
  /net::ERR_(CONNECTION_REFUSED|NAME_NOT_RESOLVED|INTERNET_DISCONNECTED|ADDRESS_UNREACHABLE|NAME_RESOLUTION_FAILED)\b/;

function neverConnected(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const cause = (error as { cause?: unknown }).cause;
  const code =
    typeof cause === 'object' && cause !== null && 'code' in cause
      ? String((cause as { code: unknown }).code)
      : '';
  return NOT_CONNECTED_CODES.has(code) || NOT_CONNECTED_CHROMIUM.test(error.message);
}

function describeCause(error: unknown): string {
  if (!(error instanceof Error)) return 'unknown';
  const cause = (error as { cause?: unknown }).cause;
  const code =
    typeof cause === 'object' && cause !== null && 'code' in cause
      ? String((cause as { code: unknown }).code)
      : '';
  return `${error.name}${code ? ` ${code}` : ''}`;
}
