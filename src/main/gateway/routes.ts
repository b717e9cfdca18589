/**
 * Every gateway route Doorman calls, in one table (../shared/GATEWAY.md). `assumed` routes
 * are ones the gateway does not document yet: a 404/405 from them means "this gateway does
 * not offer it" (`unsupported`), not "not found". The day the gateway documents a route,
 * this file is the one that changes.
 */

export const API_PREFIX = '/api/fansly';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';
export type RouteStatus = 'documented' | 'reported' | 'assumed';

export interface RouteSpec {
  method: HttpMethod;
  /** Path after `/api/fansly`, with `{name}` placeholders spelled as in GATEWAY.md. */
  path: string;
  status: RouteStatus;
}

export const ROUTES = {
  connect: { method: 'POST', path: '/connect', status: 'reported' },
  verifyConnectTwoFactor: { method: 'POST', path: '/verify-2fa', status: 'reported' },
  listAccounts: { method: 'GET', path: '/accounts', status: 'reported' },
  accountsByIds: { method: 'GET', path: '/accounts/by-ids', status: 'documented' },
  profile: { method: 'GET', path: '/{accountId}/me', status: 'reported' },
  disconnect: { method: 'DELETE', path: '/accounts/{accountId}', status: 'documented' },
  sendTwoFactorCode: { method: 'POST', path: '/{accountId}/twofa/session', status: 'documented' },
  verifyTwoFactorCode: {
    method: 'POST',
    path: '/{accountId}/twofa/session/verify',
    status: 'documented',
  },
  listLoginSessions: { method: 'GET', path: '/{accountId}/sessions', status: 'assumed' },
  closeLoginSessions: { method: 'POST', path: '/{accountId}/sessions/close', status: 'assumed' },
  listManagementSessions: {
    method: 'GET',
    path: '/{accountId}/management/sessions',
    status: 'assumed',
  },
  createManagementSession: {
    method: 'POST',
    path: '/{accountId}/management/sessions',
    status: 'assumed',
  },
  updateManagementSession: {
    method: 'PATCH',
    path: '/{accountId}/management/sessions/{id}',
    status: 'assumed',
  },
  revokeManagementSession: {
    method: 'DELETE',
    path: '/{accountId}/management/sessions/{id}',
    status: 'assumed',
  },
  listPermissions: {
    method: 'GET',
    path: '/{accountId}/management/permissions',
    status: 'assumed',
  },
} as const satisfies Record<string, RouteSpec>;

export type RouteName = keyof typeof ROUTES;

/** `METHOD /template`, the same key the fake gateway uses for faults and its request log. */
export function routeKey(name: RouteName): string {
  const spec = ROUTES[name];
  return `${spec.method} ${spec.path}`;
}

/**
 * Fills the placeholders. Each value is URL-encoded, so an id can never add path segments
 * or a query; a missing or empty value is a programming error.
 */
export function buildPath(name: RouteName, params: Record<string, string> = {}): string {
  return ROUTES[name].path.replace(/\{([^}]+)\}/g, (_match, key: string) => {
    const value = params[key];
    if (value === undefined || value === '') {
      throw new Error(`gateway route ${name}: missing path parameter ${key}`);
    }
    return encodeURIComponent(value);
  });
}
