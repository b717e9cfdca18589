import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import {
  DEMO,
  FAKE_PERMISSIONS,
  FakeState,
  randomHex,
  seedDemo,
  type FakeLoginSession,
  type FakeManagementSession,
  type FakeUser,
} from './state';

/**
 * A local stand-in for the Fansly API gateway (../../../shared/GATEWAY.md): a real HTTP
 * server on 127.0.0.1 with every route, both envelopes, the key check, the per-minute
 * limit, the 2FA step-up and per-route fault injection. No Electron here: tests, the web
 * end-to-end run and `npm run fake-gateway` all use it.
 *
 * Route keys (for faults and the request log) are `METHOD /template`, exactly as written in
 * GATEWAY.md, e.g. `GET /accounts`, `PATCH /{accountId}/management/sessions/{id}`.
 */

export const API_PREFIX = '/api/fansly';

export type FakeRouteKey =
  | 'POST /connect'
  | 'POST /verify-2fa'
  | 'GET /accounts'
  | 'GET /accounts/by-ids'
  | 'DELETE /accounts/{accountId}'
  | 'GET /{accountId}/me'
  | 'POST /{accountId}/twofa/session'
  | 'POST /{accountId}/twofa/session/verify'
  | 'GET /{accountId}/sessions'
  | 'POST /{accountId}/sessions/close'
  | 'GET /{accountId}/management/sessions'
  | 'POST /{accountId}/management/sessions'
  | 'PATCH /{accountId}/management/sessions/{id}'
  | 'DELETE /{accountId}/management/sessions/{id}'
  | 'GET /{accountId}/management/permissions';

export type Fault =
  /** Extra delay before the route answers normally. */
  | { kind: 'latency'; ms: number }
  /** An error envelope with this HTTP status (500 by default message). */
  | { kind: 'status'; status: number; message?: string }
  /** The documented 429 body and headers, with `X-RateLimit-Retry-After`. */
  | { kind: 'rateLimit'; retryAfterSeconds: number }
  /** Assumed quota-exhausted answer: 429 whose message mentions credits, no retry-after. */
  | { kind: 'quota' }
  /** HTTP 200 with a body that is not JSON. */
  | { kind: 'malformed' }
  /** Any body you like (e.g. odd envelopes), raw string or JSON value. */
  | { kind: 'body'; status: number; body: unknown; headers?: Record<string, string> }
  /** The connection is destroyed without an answer. */
  | { kind: 'reset' }
  /** No answer at all until the server closes. */
  | { kind: 'hang' };

export type FaultRule = Fault & {
  /** How many matching requests it applies to (default: all). */
  times?: number;
  /**
   * Run the route first (state changes), then misbehave: a create that happened on the
   * gateway but whose answer was lost. Only for status, malformed, reset and hang.
   */
  afterHandling?: boolean;
};

export interface RequestRecord {
  method: string;
  /** Path after `/api/fansly`, without the query. */
  path: string;
  query: string;
  /** The matched route key, or null when no route matched. */
  route: FakeRouteKey | null;
  /** HTTP status sent, or 'reset' / 'hang'. */
  outcome: number | 'reset' | 'hang' | 'pending';
  at: number;
  /** Parsed JSON body (test-only memory: may hold demo credentials). */
  body: unknown;
  keyUsed: 'valid' | 'forbidden' | 'invalid' | 'missing';
}

export interface FakeGatewayOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Keys with every permission. Default: one random key. */
  apiKeys?: string[];
  /** Keys that authenticate but lack permission: every route answers 403. */
  forbiddenApiKeys?: string[];
  /** Requests per minute per key (sliding window); null = unlimited. Default 600 (Starter). */
  rateLimitPerMinute?: number | null;
  plan?: string;
  /** Delay before every answer, in ms. Default 0. */
  latencyMs?: number;
  /** Serve the routes GATEWAY.md marks assumed. Default true. */
  assumedRoutes?: boolean;
  /** Credits left this month; null = unlimited (default). Each answered request costs one. */
  credits?: number | null;
  /** 'demo' (default) seeds DEMO data; 'empty' starts with nothing. */
  seed?: 'demo' | 'empty';
  /** Every 2FA code "sent" is this one (handy by hand); default random 6 digits. */
  fixedTwoFactorCode?: string | null;
  /** Clock for the rate window, codes and timestamps. Default Date.now. */
  now?: () => number;
  /** Called with a short line for each request (the CLI prints them). */
  onRequest?: (record: RequestRecord) => void;
}

export interface FakeGatewaySettings {
  rateLimitPerMinute: number | null;
  plan: string;
  latencyMs: number;
  assumedRoutes: boolean;
  credits: number | null;
}

export interface FakeFaults {
  set(route: FakeRouteKey | '*', rule: FaultRule): void;
  clear(route?: FakeRouteKey | '*'): void;
}

export interface FakeGateway {
  /** Base URL to give the client, e.g. `http://127.0.0.1:4477` (no `/api/fansly`). */
  url: string;
  port: number;
  /** A key with every permission. */
  apiKey: string;
  /** A key that authenticates but has no permission (403). */
  forbiddenApiKey: string;
  state: FakeState;
  settings: FakeGatewaySettings;
  faults: FakeFaults;
  requests: RequestRecord[];
  /** How many requests hit this route (all outcomes). */
  count(route: FakeRouteKey): number;
  /** Requests answered 429 because of the rate limit (not injected faults). */
  rateLimitedCount(): number;
  /** The last 2FA code "sent" (connect or step-up). */
  lastCode(): string | null;
  /** Turn the assumed routes off (404) or back on. */
  setAssumedRoutes(enabled: boolean): void;
  /** Back to the initial seed, settings and keys; faults, log and rate windows cleared. */
  reset(): void;
  close(): Promise<void>;
}

interface RouteDef {
  key: FakeRouteKey;
  method: string;
  pattern: RegExp;
  assumed: boolean;
  handle: (ctx: Ctx) => Answer;
}

interface Ctx {
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  state: FakeState;
  now: number;
}

interface Answer {
  status: number;
  body: unknown;
}

const RATE_LIMIT_MESSAGE = 'Rate limit exceeded. Please wait before making more requests.';
const QUOTA_MESSAGE =
  'Monthly credit quota exhausted. Requests are paused until credits are added.';
const STEP_UP_MESSAGE = 'Two-factor verification required (2FA)';

function envelope(statusCode: number, message: string, data: unknown): Record<string, unknown> {
  return { statusCode, message, data, timestamp: new Date().toISOString() };
}

function ok(data: unknown, statusCode = 200): Answer {
  return { status: statusCode, body: envelope(statusCode, 'Success', data) };
}

/** The account-route form: `data: { status_code, data: { success, response } }`. */
function nested(response: unknown, httpStatus = 200, outer = 200, inner = 200): Answer {
  return {
    status: httpStatus,
    body: envelope(outer, 'Success', { status_code: inner, data: { success: true, response } }),
  };
}

function fail(status: number, message: string): Answer {
  return { status, body: envelope(status, message, null) };
}

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function loginSessionJson(session: FakeLoginSession): Record<string, unknown> {
  return { ...session };
}

function managementSessionJson(session: FakeManagementSession): Record<string, unknown> {
  const { claimToken: _secret, ...visible } = session;
  return visible;
}

function connectionJson(ctx: Ctx, accountId: string): Record<string, unknown> {
  const connection = ctx.state.connections.get(accountId)!;
  const user = ctx.state.userByNativeId(connection.nativeId);
  return {
    id: connection.accountId,
    fanslyId: connection.nativeId,
    username: user?.username ?? null,
    displayName: user?.displayName ?? null,
    name: connection.name,
    countryCode: connection.countryCode,
    status: connection.status,
    createdAt: new Date(connection.connectedAt).toISOString(),
  };
}

function profileJson(user: FakeUser): Record<string, unknown> {
  return {
    id: user.nativeId,
    username: user.username,
    displayName: user.displayName,
    avatar: user.avatarUrl ? { location: user.avatarUrl } : null,
  };
}

const COUNTRY = /^[A-Z]{2}$/;

function connectInput(body: unknown): { error: string } | Record<string, string> {
  const b = asRecord(body);
  for (const field of ['username', 'password', 'name', 'countryCode']) {
    if (typeof b[field] !== 'string' || (b[field] as string).trim() === '')
      return { error: `${field} is required` };
  }
  if (!COUNTRY.test(b.countryCode as string)) return { error: 'countryCode must be ISO alpha-2' };
  return b as Record<string, string>;
}

function withUser(ctx: Ctx, handle: (user: FakeUser) => Answer): Answer {
  const user = ctx.state.userOf(ctx.params.accountId ?? '');
  if (!user) return fail(404, 'Account not found');
  return handle(user);
}

function validPermissions(value: unknown): string[] | null {
  if (!Array.isArray(value) || value.length === 0) return null;
  const known = new Set(FAKE_PERMISSIONS.map((p) => p.id));
  if (!value.every((p) => typeof p === 'string' && known.has(p))) return null;
  return [...new Set(value as string[])];
}

function validLabel(value: unknown): string | null {
  return typeof value === 'string' && value.trim().length > 0 && value.length <= 100
    ? value.trim()
    : null;
}

const ID = '([^/]+)';

function route(key: FakeRouteKey, assumed: boolean, handle: (ctx: Ctx) => Answer): RouteDef {
  const [method, template] = key.split(' ') as [string, string];
  const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, ID)}$`);
  return { key, method, pattern, assumed, handle };
}

/** Literal routes first, so `/accounts/by-ids` never reads as an account id. */
const ROUTES: RouteDef[] = [
  route('POST /connect', false, (ctx) => {
    const input = connectInput(ctx.body);
    if ('error' in input) return fail(400, input.error);
    const user = ctx.state.users.get(input.username!.toLowerCase());
    if (user && user.password !== input.password) return fail(400, 'Invalid username or password');
    const known =
      user ?? ctx.state.addUser({ username: input.username!, password: input.password! });
    if (known.requiresTwoFactorOnConnect) {
      const challenge = ctx.state.openConnectChallenge(known);
      return ok({
        requires_2fa: true,
        twofa_token: challenge.token,
        masked_email: known.maskedEmail,
      });
    }
    const connection = ctx.state.connect(known, input.name!, input.countryCode!);
    return ok(connectionJson(ctx, connection.accountId), 201);
  }),
  route('POST /verify-2fa', false, (ctx) => {
    const input = connectInput(ctx.body);
    if ('error' in input) return fail(400, input.error);
    const b = asRecord(ctx.body);
    const challenge = ctx.state.connectChallenges.get(String(b.twoFactorToken ?? ''));
    if (
      !challenge ||
      challenge.expiresAt < ctx.now ||
      challenge.username.toLowerCase() !== input.username!.toLowerCase()
    )
      return fail(400, 'Two-factor token is invalid or expired');
    // A wrong code leaves the challenge open: the creator can try again.
    if (String(b.twoFactorCode ?? '') !== challenge.code)
      return fail(400, 'Invalid two-factor code');
    const user = ctx.state.users.get(challenge.username.toLowerCase())!;
    if (user.password !== input.password) return fail(400, 'Invalid username or password');
    ctx.state.connectChallenges.delete(challenge.token);
    const connection = ctx.state.connect(user, input.name!, input.countryCode!);
    return ok(connectionJson(ctx, connection.accountId), 201);
  }),
  route('GET /accounts', false, (ctx) =>
    ok([...ctx.state.connections.keys()].map((id) => connectionJson(ctx, id))),
  ),
  route('GET /accounts/by-ids', false, (ctx) => {
    const ids = (ctx.query.get('ids') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (ids.length === 0 || ids.some((id) => !/^\d+$/.test(id)))
      return fail(400, 'ids must be a comma-separated list of numeric Fansly ids');
    const found = ids
      .map((id) => ctx.state.userByNativeId(id))
      .filter((u): u is FakeUser => u !== undefined)
      .map(profileJson);
    return nested(found);
  }),
  route('DELETE /accounts/{accountId}', false, (ctx) => {
    const id = ctx.params.accountId ?? '';
    if (!ctx.state.connections.delete(id)) return fail(404, 'Account not found');
    return ok({ deleted: true });
  }),
  route('GET /{accountId}/me', false, (ctx) =>
    withUser(ctx, (user) => nested({ account: profileJson(user) })),
  ),
  route('POST /{accountId}/twofa/session', false, (ctx) =>
    withUser(ctx, (user) => {
      if (asRecord(ctx.body).useEmailTwoFAFallback !== true)
        return fail(400, 'useEmailTwoFAFallback is required');
      const challenge = ctx.state.openStepUp(ctx.params.accountId!);
      // Exactly the seed 002 shape: HTTP 200, statusCode 201, inner status_code 200.
      return nested(
        {
          emailTwofa: {
            id: challenge.id,
            token: challenge.token,
            email: user.maskedEmail,
            type: 2,
          },
        },
        200,
        201,
        200,
      );
    }),
  ),
  route('POST /{accountId}/twofa/session/verify', false, (ctx) =>
    withUser(ctx, () => {
      const b = asRecord(ctx.body);
      if (typeof b.token !== 'string' || typeof b.code !== 'string')
        return fail(400, 'token and code are required');
      if (!ctx.state.verifyStepUp(ctx.params.accountId!, b.token, b.code)) {
        // Fansly's own style: HTTP 200 whose inner answer says it failed.
        return {
          status: 200,
          body: envelope(200, 'Success', {
            status_code: 400,
            data: { success: false, error: { code: 10, details: 'Invalid code' } },
          }),
        };
      }
      return nested({ verified: true }, 200, 201, 200);
    }),
  ),
  route('GET /{accountId}/sessions', true, (ctx) =>
    withUser(ctx, (user) => nested(user.loginSessions.map(loginSessionJson))),
  ),
  route('POST /{accountId}/sessions/close', true, (ctx) =>
    withUser(ctx, (user) => {
      const b = asRecord(ctx.body);
      if (b.allExceptCurrent === true) {
        const closed = user.loginSessions.filter((s) => !s.current).length;
        user.loginSessions = user.loginSessions.filter((s) => s.current);
        return nested({ closed });
      }
      if (typeof b.sessionId !== 'string' || b.sessionId === '')
        return fail(400, 'sessionId or allExceptCurrent is required');
      const session = user.loginSessions.find((s) => s.id === b.sessionId);
      if (!session) return fail(404, 'Session not found');
      if (session.current) return fail(400, 'The current session cannot be closed');
      user.loginSessions = user.loginSessions.filter((s) => s !== session);
      return nested({ closed: 1 });
    }),
  ),
  route('GET /{accountId}/management/sessions', true, (ctx) =>
    withUser(ctx, (user) => nested(user.managementSessions.map(managementSessionJson))),
  ),
  route('POST /{accountId}/management/sessions', true, (ctx) =>
    withUser(ctx, (user) => {
      const b = asRecord(ctx.body);
      const label = validLabel(b.label);
      const permissions = validPermissions(b.permissions);
      if (!label) return fail(400, 'label is required (1 to 100 characters)');
      if (!permissions) return fail(400, 'permissions must be a non-empty list of known ids');
      const session = ctx.state.createManagementSession(user, label, permissions);
      return nested(
        {
          ...managementSessionJson(session),
          link: `https://fansly.com/managementsession/claim/${session.claimToken}`,
        },
        201,
        201,
        200,
      );
    }),
  ),
  route('PATCH /{accountId}/management/sessions/{id}', true, (ctx) =>
    withUser(ctx, (user) => {
      const session = user.managementSessions.find((s) => s.id === ctx.params.id);
      if (!session) return fail(404, 'Management session not found');
      const b = asRecord(ctx.body);
      const proof = asRecord(b.twofa);
      if (
        typeof proof.token !== 'string' ||
        typeof proof.code !== 'string' ||
        !ctx.state.consumeStepUp(ctx.params.accountId!, proof.token, proof.code)
      )
        return fail(403, STEP_UP_MESSAGE);
      if (b.label !== undefined) {
        const label = validLabel(b.label);
        if (!label) return fail(400, 'label must be 1 to 100 characters');
        session.label = label;
      }
      if (b.permissions !== undefined) {
        const permissions = validPermissions(b.permissions);
        if (!permissions) return fail(400, 'permissions must be a non-empty list of known ids');
        session.permissions = permissions;
      }
      return nested(managementSessionJson(session));
    }),
  ),
  route('DELETE /{accountId}/management/sessions/{id}', true, (ctx) =>
    withUser(ctx, (user) => {
      const before = user.managementSessions.length;
      user.managementSessions = user.managementSessions.filter((s) => s.id !== ctx.params.id);
      if (user.managementSessions.length === before)
        return fail(404, 'Management session not found');
      return nested({ revoked: true });
    }),
  ),
  route('GET /{accountId}/management/permissions', true, (ctx) =>
    withUser(ctx, () => nested(FAKE_PERMISSIONS)),
  ),
];

const PARAM_NAMES: Record<FakeRouteKey, string[]> = Object.fromEntries(
  ROUTES.map((r) => [r.key, [...r.key.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!)]),
) as Record<FakeRouteKey, string[]>;

function matchRoute(
  method: string,
  path: string,
  assumedOn: boolean,
): { def: RouteDef; params: Record<string, string> } | null {
  for (const def of ROUTES) {
    if (def.method !== method || (def.assumed && !assumedOn)) continue;
    const m = def.pattern.exec(path);
    if (!m) continue;
    const params: Record<string, string> = {};
    PARAM_NAMES[def.key].forEach((name, i) => {
      params[name] = decodeURIComponent(m[i + 1] ?? '');
    });
    return { def, params };
  }
  return null;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startFakeGateway(options: FakeGatewayOptions = {}): Promise<FakeGateway> {
  const now = options.now ?? Date.now;
  const apiKeys = options.apiKeys ?? [`fk_test_${randomHex(16)}`];
  const forbiddenApiKeys = options.forbiddenApiKeys ?? [`fk_noperm_${randomHex(16)}`];
  const initialSettings = (): FakeGatewaySettings => ({
    rateLimitPerMinute: options.rateLimitPerMinute === undefined ? 600 : options.rateLimitPerMinute,
    plan: options.plan ?? 'Starter',
    latencyMs: options.latencyMs ?? 0,
    assumedRoutes: options.assumedRoutes ?? true,
    credits: options.credits ?? null,
  });
  const freshState = (): FakeState => {
    const state = new FakeState(now, options.fixedTwoFactorCode ?? null);
    if ((options.seed ?? 'demo') === 'demo') seedDemo(state, now());
    return state;
  };

  const faultRules = new Map<string, FaultRule[]>();
  const windows = new Map<string, number[]>();
  const requests: RequestRecord[] = [];
  let rateLimited = 0;
  let closing = false;

  const gateway: FakeGateway = {
    url: '',
    port: 0,
    apiKey: apiKeys[0]!,
    forbiddenApiKey: forbiddenApiKeys[0]!,
    state: freshState(),
    settings: initialSettings(),
    requests,
    faults: {
      set(routeKey, rule) {
        const list = faultRules.get(routeKey) ?? [];
        list.push({ ...rule });
        faultRules.set(routeKey, list);
      },
      clear(routeKey) {
        if (routeKey) faultRules.delete(routeKey);
        else faultRules.clear();
      },
    },
    count: (routeKey) => requests.filter((r) => r.route === routeKey).length,
    rateLimitedCount: () => rateLimited,
    lastCode: () => gateway.state.sentCodes.at(-1)?.code ?? null,
    setAssumedRoutes(enabled) {
      gateway.settings.assumedRoutes = enabled;
    },
    reset() {
      gateway.state = freshState();
      gateway.settings = initialSettings();
      faultRules.clear();
      windows.clear();
      requests.length = 0;
      rateLimited = 0;
    },
    close: async () => {
      closing = true;
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  /** Takes the next applicable fault for this route (route-specific first, then '*'). */
  function takeFault(routeKey: string): FaultRule | null {
    for (const key of [routeKey, '*']) {
      const list = faultRules.get(key);
      if (!list) continue;
      while (list.length > 0) {
        const rule = list[0]!;
        if (rule.times !== undefined && rule.times <= 0) {
          list.shift();
          continue;
        }
        if (rule.times !== undefined) rule.times -= 1;
        return rule;
      }
    }
    return null;
  }

  function rateHeaders(key: string): { headers: Record<string, string>; retryAfter: number } {
    const limit = gateway.settings.rateLimitPerMinute;
    const headers: Record<string, string> = { 'X-RateLimit-Plan': gateway.settings.plan };
    if (limit === null) {
      headers['X-RateLimit-Limit'] = 'unlimited';
      return { headers, retryAfter: 0 };
    }
    const t = now();
    const window = (windows.get(key) ?? []).filter((at) => at > t - 60_000);
    windows.set(key, window);
    headers['X-RateLimit-Limit'] = String(limit);
    headers['X-RateLimit-Remaining'] = String(Math.max(0, limit - window.length));
    const retryAfter =
      window.length >= limit ? Math.max(1, Math.ceil((window[0]! + 60_000 - t) / 1000)) : 0;
    return { headers, retryAfter };
  }

  function send(
    res: ServerResponse,
    record: RequestRecord,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ): void {
    record.outcome = status;
    if (res.destroyed || res.writableEnded) return;
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
    res.end(text);
  }

  function misbehave(
    res: ServerResponse,
    record: RequestRecord,
    fault: FaultRule,
    headers: Record<string, string>,
  ): void {
    switch (fault.kind) {
      case 'status':
        return send(
          res,
          record,
          fault.status,
          envelope(fault.status, fault.message ?? 'Internal server error', null),
          headers,
        );
      case 'rateLimit':
        return send(res, record, 429, envelope(429, RATE_LIMIT_MESSAGE, null), {
          ...headers,
          'X-RateLimit-Remaining': '0',
          'X-RateLimit-Retry-After': String(fault.retryAfterSeconds),
        });
      case 'quota':
        return send(res, record, 429, envelope(429, QUOTA_MESSAGE, null), headers);
      case 'malformed':
        return send(res, record, 200, '{"statusCode":200,"data":[{"id":', headers);
      case 'body':
        return send(res, record, fault.status, fault.body, { ...headers, ...fault.headers });
      case 'reset':
        record.outcome = 'reset';
        res.socket?.destroy();
        return;
      case 'hang':
        record.outcome = 'hang';
        return;
      case 'latency':
        return;
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = (req.method ?? 'GET').toUpperCase();
    const raw = await readBody(req);
    const inPrefix = url.pathname.startsWith(`${API_PREFIX}/`);
    const path = inPrefix ? url.pathname.slice(API_PREFIX.length) : url.pathname;
    const key = req.headers['x-api-key'];
    const keyText = typeof key === 'string' ? key : '';
    const record: RequestRecord = {
      method,
      path,
      query: url.search,
      route: null,
      outcome: 'pending',
      at: now(),
      body: undefined,
      keyUsed: !keyText
        ? 'missing'
        : apiKeys.includes(keyText)
          ? 'valid'
          : forbiddenApiKeys.includes(keyText)
            ? 'forbidden'
            : 'invalid',
    };
    requests.push(record);

    let body: unknown = undefined;
    let badJson = false;
    if (raw.length > 0) {
      try {
        body = JSON.parse(raw);
      } catch {
        badJson = true;
      }
    }
    record.body = body;

    if (gateway.settings.latencyMs > 0) await delay(gateway.settings.latencyMs);
    if (closing) return;

    const matched = inPrefix ? matchRoute(method, path, gateway.settings.assumedRoutes) : null;
    if (!matched) {
      send(res, record, 404, envelope(404, `Cannot ${method} ${url.pathname}`, null));
      options.onRequest?.(record);
      return;
    }
    record.route = matched.def.key;

    const fault = takeFault(matched.def.key);
    if (fault?.kind === 'latency') await delay(fault.ms);
    if (closing) return;
    if (fault && fault.kind !== 'latency' && !fault.afterHandling) {
      misbehave(res, record, fault, {});
      options.onRequest?.(record);
      return;
    }

    if (record.keyUsed === 'missing' || record.keyUsed === 'invalid') {
      send(res, record, 401, envelope(401, 'Invalid or missing API key', null));
      options.onRequest?.(record);
      return;
    }
    const rate = rateHeaders(keyText);
    if (rate.retryAfter > 0) {
      rateLimited += 1;
      send(res, record, 429, envelope(429, RATE_LIMIT_MESSAGE, null), {
        ...rate.headers,
        'X-RateLimit-Retry-After': String(rate.retryAfter),
      });
      options.onRequest?.(record);
      return;
    }
    if (gateway.settings.credits !== null && gateway.settings.credits <= 0) {
      send(res, record, 429, envelope(429, QUOTA_MESSAGE, null), rate.headers);
      options.onRequest?.(record);
      return;
    }
    // The request now counts against the window and costs a credit.
    const window = windows.get(keyText) ?? [];
    window.push(now());
    windows.set(keyText, window);
    if (gateway.settings.credits !== null) gateway.settings.credits -= 1;
    const headers = rateHeaders(keyText).headers;

    if (record.keyUsed === 'forbidden') {
      send(
        res,
        record,
        403,
        envelope(403, 'This API key does not have permission for this action', null),
        headers,
      );
      options.onRequest?.(record);
      return;
    }
    if (badJson) {
      send(res, record, 400, envelope(400, 'Body must be valid JSON', null), headers);
      options.onRequest?.(record);
      return;
    }

    const answer = matched.def.handle({
      params: matched.params,
      query: url.searchParams,
      body,
      state: gateway.state,
      now: now(),
    });
    if (fault && fault.afterHandling) misbehave(res, record, fault, headers);
    else send(res, record, answer.status, answer.body, headers);
    options.onRequest?.(record);
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent && !res.destroyed) {
        res.writeHead(500, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(envelope(500, 'Internal server error', null)));
      }
    });
  });
  // Keep-alive sockets must not keep a closed fake (or a test run) alive.
  server.keepAliveTimeout = 1000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  gateway.port = address.port;
  gateway.url = `http://127.0.0.1:${address.port}`;
  return gateway;
}

export { DEMO, FAKE_PERMISSIONS, FakeState };
