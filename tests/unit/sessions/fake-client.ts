import { DoormanError, type ErrorCode } from '../../../src/shared/errors';
import type {
  CreatedManagementSession,
  GatewayClient,
  GatewayLoginSession,
  GatewayManagementSession,
  GatewayPermission,
  TwoFactorProof,
} from '../../../src/main/gateway/types';

type Method = keyof GatewayClient;

/**
 * A hand-written GatewayClient for service tests: in-memory sessions, a call log, and
 * per-method faults (thrown as errors with a gateway code, like GatewayError).
 */
export class FakeGatewayClient implements GatewayClient {
  management: GatewayManagementSession[] = [];
  logins: GatewayLoginSession[] = [];
  permissions: GatewayPermission[] | null = null;
  assumedRoutes = true;
  requireTwoFactorForEdit = false;
  validProof: TwoFactorProof = { token: 'tok-1', code: '123456' };
  calls: { method: Method; args: unknown[] }[] = [];
  private readonly faults = new Map<Method, { code: ErrorCode; afterHandling: boolean }[]>();
  private seq = 0;
  now = () => new Date('2026-11-23T10:00:00.000Z');

  /** The next call of `method` fails with `code`; `afterHandling`: the change happens first. */
  failNext(method: Method, code: ErrorCode, afterHandling = false): void {
    const list = this.faults.get(method) ?? [];
    list.push({ code, afterHandling });
    this.faults.set(method, list);
  }

  count(method: Method): number {
    return this.calls.filter((c) => c.method === method).length;
  }

  private async enter<T>(
    method: Method,
    args: unknown[],
    assumed: boolean,
    run: () => T,
  ): Promise<T> {
    this.calls.push({ method, args });
    await Promise.resolve();
    if (assumed && !this.assumedRoutes) throw new DoormanError('unsupported', 'not offered');
    const fault = this.faults.get(method)?.shift();
    if (fault && !fault.afterHandling) throw new DoormanError(fault.code, `fake ${fault.code}`);
    const result = run();
    if (fault) throw new DoormanError(fault.code, `fake ${fault.code}`);
    return result;
  }

  verifyKey = async () => undefined;
  listAccounts = async () => [];
  getAccountsByNativeIds = async () => [];
  getProfile = async () => ({ id: '1', username: 'u', displayName: null, avatarUrl: null });
  connect = async (): Promise<never> => {
    throw new Error('not in this fake');
  };
  verifyConnectTwoFactor = async (): Promise<never> => {
    throw new Error('not in this fake');
  };
  disconnect = async () => undefined;
  sendTwoFactorCode = async () => ({ id: '1', token: 'tok-1', maskedEmail: null, type: 2 });
  verifyTwoFactorCode = async () => undefined;

  listLoginSessions(accountId: string) {
    return this.enter('listLoginSessions', [accountId], true, () =>
      this.logins.map((s) => ({ ...s })),
    );
  }
  closeLoginSession(accountId: string, sessionId: string) {
    return this.enter('closeLoginSession', [accountId, sessionId], true, () => {
      const before = this.logins.length;
      this.logins = this.logins.filter((s) => s.id !== sessionId);
      if (before === this.logins.length) throw new DoormanError('notFound', 'gone');
    });
  }
  closeOtherLoginSessions(accountId: string) {
    return this.enter('closeOtherLoginSessions', [accountId], true, () => {
      this.logins = this.logins.filter((s) => s.current);
    });
  }
  listManagementSessions(accountId: string) {
    return this.enter('listManagementSessions', [accountId], true, () =>
      this.management.map((s) => ({ ...s, permissions: [...s.permissions] })),
    );
  }
  createManagementSession(accountId: string, input: { label: string; permissions: string[] }) {
    return this.enter('createManagementSession', [accountId, input], true, () => {
      this.seq += 1;
      const session: GatewayManagementSession = {
        id: `ms_${this.seq}`,
        label: input.label,
        permissions: [...input.permissions],
        createdAt: this.now().toISOString(),
        lastUsedAt: null,
        status: 'active',
      };
      this.management.push(session);
      const created: CreatedManagementSession = {
        ...session,
        link: `https://fansly.com/managementsession/claim/secret-claim-token-${this.seq}-xyz`,
      };
      return created;
    });
  }
  updateManagementSession(
    accountId: string,
    sessionId: string,
    change: { label?: string; permissions?: string[] },
    twofa?: TwoFactorProof,
  ) {
    return this.enter(
      'updateManagementSession',
      [accountId, sessionId, change, twofa],
      true,
      () => {
        const session = this.management.find((s) => s.id === sessionId);
        if (!session) throw new DoormanError('notFound', 'gone');
        if (
          this.requireTwoFactorForEdit &&
          (twofa?.token !== this.validProof.token || twofa?.code !== this.validProof.code)
        ) {
          throw new DoormanError('twoFactorRequired', 'Fansly asks for 2FA');
        }
        if (change.label !== undefined) session.label = change.label;
        if (change.permissions !== undefined) session.permissions = [...change.permissions];
        return { ...session };
      },
    );
  }
  revokeManagementSession(accountId: string, sessionId: string) {
    return this.enter('revokeManagementSession', [accountId, sessionId], true, () => {
      const before = this.management.length;
      this.management = this.management.filter((s) => s.id !== sessionId);
      if (before === this.management.length) throw new DoormanError('notFound', 'gone');
    });
  }
  listPermissions(accountId: string) {
    return this.enter('listPermissions', [accountId], true, () => {
      if (!this.permissions) throw new DoormanError('unsupported', 'no list');
      return this.permissions;
    });
  }
}

export function loginSession(
  id: string,
  extra: Partial<GatewayLoginSession> = {},
): GatewayLoginSession {
  return {
    id,
    ip: '203.0.113.7',
    city: 'Lisbon',
    stateCode: null,
    countryCode: 'PT',
    lastUsedAt: Date.parse('2026-11-22T10:00:00.000Z'),
    status: 'active',
    deviceId: null,
    device: 'Firefox on Linux',
    current: false,
    ...extra,
  };
}
