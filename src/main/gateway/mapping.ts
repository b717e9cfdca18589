import { z } from 'zod';
import type {
  AccountProfile,
  ConnectResult,
  ConnectedAccount,
  CreatedManagementSession,
  GatewayLoginSession,
  GatewayManagementSession,
  GatewayPermission,
  TwoFactorCodeSent,
} from './types';

/**
 * Turns gateway payloads (already out of their envelope) into the types of types.ts.
 * Defensive about spelling (camelCase or snake_case), ids as numbers or strings and times
 * as seconds, milliseconds or ISO; strict about what matters: an item without an id, or a
 * list that is not a list, throws MappingError (→ `malformed`). A list with one unreadable
 * item fails as a whole: silently dropping an unknown login session would hide exactly what
 * the creator needs to see.
 */

export class MappingError extends Error {
  constructor(what: string) {
    super(`unexpected ${what} shape`);
    this.name = 'MappingError';
  }
}

const id = z.union([z.string().trim().min(1), z.number().int().nonnegative()]).transform(String);
const text = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((v) => (v === null || v === undefined || v === '' ? null : String(v)));
const flag = z.union([z.boolean(), z.number(), z.string()]).nullish();

/** The largest instant a JavaScript Date holds (±100,000,000 days around 1970). */
const MAX_DATE_MS = 8.64e15;

/**
 * Epoch seconds, milliseconds, microseconds or nanoseconds (number or numeric string) or ISO
 * text → epoch ms; null for anything else, so a stamp Date cannot hold never throws later.
 */
export function toEpochMs(value: unknown): number | null {
  let n: number;
  if (typeof value === 'number') n = value;
  else if (typeof value === 'string' && /^\d+(\.\d+)?$/.test(value.trim())) n = Number(value);
  else if (typeof value === 'string' && value.trim() !== '') {
    const parsed = Date.parse(value);
    return Number.isFinite(parsed) ? parsed : null;
  } else return null;
  if (!Number.isFinite(n) || n <= 0) return null;
  // 1e11 ms is 1973 and 1e11 s the year 5138, so anything smaller is seconds; each unit after
  // that is read as the one whose year 1973–5138 range it falls in.
  const ms = n < 1e11 ? n * 1000 : n < 1e14 ? n : n < 1e17 ? n / 1e3 : n < 1e20 ? n / 1e6 : NaN;
  return Number.isFinite(ms) && ms <= MAX_DATE_MS ? Math.round(ms) : null;
}

function toIso(value: unknown): string | null {
  const ms = toEpochMs(value);
  return ms === null ? null : new Date(ms).toISOString();
}

function truthy(value: z.infer<typeof flag>): boolean {
  return value === true || value === 1 || value === 'true' || value === '1';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A list either bare or under one of these keys. */
function listOf(data: unknown, keys: string[], what: string): unknown[] {
  if (Array.isArray(data)) return data;
  if (isRecord(data)) {
    for (const key of keys) {
      const value = data[key];
      if (Array.isArray(value)) return value;
    }
  }
  throw new MappingError(what);
}

/** `{ account: {...} }` or the object itself. */
function unwrap(data: unknown, key: string): unknown {
  if (isRecord(data) && isRecord(data[key])) return data[key];
  return data;
}

function parse<T extends z.ZodType>(schema: T, value: unknown, what: string): z.output<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw new MappingError(what);
  return result.data;
}

const connectedAccountSchema = z
  .object({
    id: id.optional(),
    accountId: id.optional(),
    account_id: id.optional(),
    fanslyId: id.optional(),
    fansly_id: id.optional(),
    fanslyAccountId: id.optional(),
    nativeId: id.optional(),
    username: text,
    displayName: text,
    display_name: text,
    name: text,
    label: text,
    status: text,
  })
  .transform((a, ctx): ConnectedAccount => {
    const accountId = a.accountId ?? a.account_id ?? a.id;
    if (!accountId) {
      ctx.addIssue({ code: 'custom', message: 'no account id' });
      return z.NEVER;
    }
    const label = a.label ?? a.name;
    return {
      accountId,
      nativeId: a.nativeId ?? a.fanslyId ?? a.fansly_id ?? a.fanslyAccountId ?? null,
      username: a.username ?? label ?? accountId,
      displayName: a.displayName ?? a.display_name,
      label,
      status: a.status,
    };
  });

export function mapConnectedAccount(data: unknown): ConnectedAccount {
  return parse(connectedAccountSchema, unwrap(data, 'account'), 'account');
}

export function mapAccounts(data: unknown): ConnectedAccount[] {
  return listOf(data, ['accounts', 'items', 'data'], 'account list').map(mapConnectedAccount);
}

const avatarSchema = z
  .union([
    z.string(),
    z.object({
      location: z.string().optional(),
      url: z.string().optional(),
      locations: z.array(z.object({ location: z.string() })).optional(),
    }),
  ])
  .nullish()
  .transform((a): string | null => {
    if (!a) return null;
    if (typeof a === 'string') return a || null;
    return a.location ?? a.url ?? a.locations?.[0]?.location ?? null;
  });

const profileSchema = z
  .object({
    id: id.optional(),
    accountId: id.optional(),
    username: z.string().min(1),
    displayName: text,
    display_name: text,
    avatar: avatarSchema,
    avatarUrl: text,
  })
  .transform((p, ctx): AccountProfile => {
    const profileId = p.id ?? p.accountId;
    if (!profileId) {
      ctx.addIssue({ code: 'custom', message: 'no profile id' });
      return z.NEVER;
    }
    return {
      id: profileId,
      username: p.username,
      displayName: p.displayName ?? p.display_name,
      avatarUrl: p.avatarUrl ?? p.avatar,
    };
  });

export function mapProfile(data: unknown): AccountProfile {
  let value = unwrap(data, 'account');
  if (Array.isArray(value) && value.length === 1) value = value[0];
  return parse(profileSchema, value, 'profile');
}

export function mapProfiles(data: unknown): AccountProfile[] {
  return listOf(data, ['accounts', 'items'], 'profile list').map((p) =>
    parse(profileSchema, p, 'profile'),
  );
}

const challengeSchema = z.object({
  requires_2fa: flag,
  requires2fa: flag,
  requiresTwoFactor: flag,
  twofa_token: z.string().min(1).optional(),
  twoFactorToken: z.string().min(1).optional(),
  masked_email: text,
  maskedEmail: text,
  email: text,
  hint: text,
  destination: text,
});

export function mapConnectResult(data: unknown): ConnectResult {
  const challenge = parse(challengeSchema, data ?? {}, 'connect answer');
  const asks =
    truthy(challenge.requires_2fa) ||
    truthy(challenge.requires2fa) ||
    truthy(challenge.requiresTwoFactor);
  if (asks) {
    const token = challenge.twofa_token ?? challenge.twoFactorToken;
    if (!token) throw new MappingError('2FA challenge');
    return {
      kind: 'twoFactorRequired',
      twoFactorToken: token,
      deliveryHint:
        challenge.masked_email ??
        challenge.maskedEmail ??
        challenge.email ??
        challenge.hint ??
        challenge.destination,
    };
  }
  return { kind: 'connected', account: mapConnectedAccount(data) };
}

const codeSentSchema = z
  .object({
    emailTwofa: z.object({
      id,
      token: z.string().min(1),
      email: text,
      type: z.union([z.number(), z.string().regex(/^\d+$/)]).optional(),
    }),
  })
  .transform(({ emailTwofa: e }): TwoFactorCodeSent => ({
    id: e.id,
    token: e.token,
    maskedEmail: e.email,
    type: e.type === undefined ? 2 : Number(e.type),
  }));

export function mapTwoFactorCodeSent(data: unknown): TwoFactorCodeSent {
  return parse(codeSentSchema, data, '2FA code answer');
}

const locationSchema = z
  .object({ city: text, stateCode: text, state_code: text, countryCode: text, country_code: text })
  .nullish();

const loginSessionSchema = z
  .object({
    id,
    ip: text,
    ipAddress: text,
    locationData: locationSchema,
    location: locationSchema,
    lastUsed: z.unknown().optional(),
    lastUsedAt: z.unknown().optional(),
    status: text,
    deviceId: text,
    device: text,
    userAgent: text,
    current: flag,
    isCurrent: flag,
  })
  .transform((s): GatewayLoginSession => {
    const place = s.locationData ?? s.location ?? null;
    return {
      id: s.id,
      ip: s.ip ?? s.ipAddress,
      city: place?.city ?? null,
      stateCode: place?.stateCode ?? place?.state_code ?? null,
      countryCode: place?.countryCode ?? place?.country_code ?? null,
      lastUsedAt: toEpochMs(s.lastUsed ?? s.lastUsedAt),
      status: s.status,
      deviceId: s.deviceId,
      device: s.device ?? s.userAgent,
      current: truthy(s.current) || truthy(s.isCurrent),
    };
  });

export function mapLoginSessions(data: unknown): GatewayLoginSession[] {
  return listOf(data, ['sessions', 'items'], 'login session list').map((s) =>
    parse(loginSessionSchema, s, 'login session'),
  );
}

const permissionIds = z
  .array(z.union([z.string().min(1), z.number(), z.object({ id })]))
  .transform((list) => list.map((p) => (typeof p === 'object' ? p.id : String(p))));

const managementSessionObject = z.object({
  id,
  label: text,
  name: text,
  permissions: permissionIds,
  createdAt: z.unknown().optional(),
  created_at: z.unknown().optional(),
  lastUsedAt: z.unknown().optional(),
  last_used_at: z.unknown().optional(),
  status: text,
});

function toManagementSession(s: z.infer<typeof managementSessionObject>): GatewayManagementSession {
  return {
    id: s.id,
    label: s.label ?? s.name ?? '',
    permissions: s.permissions,
    createdAt: toIso(s.createdAt ?? s.created_at),
    lastUsedAt: toIso(s.lastUsedAt ?? s.last_used_at),
    status: s.status,
  };
}

export function mapManagementSession(data: unknown): GatewayManagementSession {
  const value = unwrap(data, 'session');
  return toManagementSession(parse(managementSessionObject, value, 'management session'));
}

export function mapManagementSessions(data: unknown): GatewayManagementSession[] {
  return listOf(data, ['sessions', 'items'], 'management session list').map(mapManagementSession);
}

const linkSchema = z
  .string()
  .url()
  .refine((link) => link.startsWith('https://'), 'link must be https');

export function mapCreatedManagementSession(data: unknown): CreatedManagementSession {
  const session = mapManagementSession(data);
  const value = unwrap(data, 'session');
  const rawLink = isRecord(value) ? (value.link ?? value.url) : undefined;
  const link = parse(linkSchema, rawLink, 'management session link');
  return { ...session, link };
}

const permissionSchema = z
  .object({ id, label: text, name: text })
  .transform((p): GatewayPermission => ({ id: p.id, label: p.label ?? p.name ?? p.id }));

export function mapPermissions(data: unknown): GatewayPermission[] {
  return listOf(data, ['permissions', 'items'], 'permission list').map((p) =>
    parse(permissionSchema, p, 'permission'),
  );
}
