/**
 * What the rest of main needs from the Fansly API gateway (see ../shared/GATEWAY.md).
 * `client.ts` implements it over HTTP; services depend on this interface only.
 * Every method throws GatewayError (gateway/errors.ts) on failure.
 */

export interface ConnectedAccount {
  /** The gateway's own id (`fansly_42dbe…`): goes in paths. */
  accountId: string;
  /** The native Fansly id (numeric string), when the gateway gives it. */
  nativeId: string | null;
  username: string;
  displayName: string | null;
  /** The label shown on the gateway dashboard (`name` at connect time). */
  label: string | null;
  status: string | null;
}

export interface AccountProfile {
  id: string;
  username: string;
  displayName: string | null;
  avatarUrl: string | null;
}

export type ConnectResult =
  | { kind: 'connected'; account: ConnectedAccount }
  | { kind: 'twoFactorRequired'; twoFactorToken: string; deliveryHint: string | null };

export interface ConnectInput {
  username: string;
  password: string;
  name: string;
  countryCode: string;
}

/** `POST /{accountId}/twofa/session` answer (seed 002): `emailTwofa`. */
export interface TwoFactorCodeSent {
  id: string;
  token: string;
  /** Masked, e.g. "a*********y@g****.com". */
  maskedEmail: string | null;
  type: number;
}

export interface GatewayLoginSession {
  id: string;
  ip: string | null;
  city: string | null;
  stateCode: string | null;
  countryCode: string | null;
  /** Epoch milliseconds. */
  lastUsedAt: number | null;
  status: string | null;
  deviceId: string | null;
  /** A device description when the gateway gives one (user agent or similar). */
  device: string | null;
  current: boolean;
}

export interface GatewayManagementSession {
  id: string;
  label: string;
  permissions: string[];
  /** ISO-8601 (converted from epoch ms when the gateway sends numbers). */
  createdAt: string | null;
  lastUsedAt: string | null;
  status: string | null;
}

export interface CreatedManagementSession extends GatewayManagementSession {
  /** The one-time claim URL. A secret: never logged, never stored in plain text. */
  link: string;
}

export interface GatewayPermission {
  id: string;
  label: string;
}

export interface TwoFactorProof {
  token: string;
  code: string;
}

export interface GatewayClient {
  /** Checks a key (the given one, or the saved one) with one cheap call. */
  verifyKey(apiKey?: string): Promise<void>;
  listAccounts(): Promise<ConnectedAccount[]>;
  getAccountsByNativeIds(nativeIds: string[]): Promise<AccountProfile[]>;
  getProfile(accountId: string): Promise<AccountProfile>;
  connect(input: ConnectInput): Promise<ConnectResult>;
  verifyConnectTwoFactor(
    input: ConnectInput & { twoFactorToken: string; twoFactorCode: string },
  ): Promise<ConnectedAccount>;
  disconnect(accountId: string): Promise<void>;
  sendTwoFactorCode(accountId: string): Promise<TwoFactorCodeSent>;
  verifyTwoFactorCode(accountId: string, proof: TwoFactorProof & { mode?: number }): Promise<void>;
  listLoginSessions(accountId: string): Promise<GatewayLoginSession[]>;
  closeLoginSession(accountId: string, sessionId: string): Promise<void>;
  closeOtherLoginSessions(accountId: string): Promise<void>;
  listManagementSessions(accountId: string): Promise<GatewayManagementSession[]>;
  createManagementSession(
    accountId: string,
    input: { label: string; permissions: string[] },
    twofa?: TwoFactorProof,
  ): Promise<CreatedManagementSession>;
  updateManagementSession(
    accountId: string,
    sessionId: string,
    change: { label?: string; permissions?: string[] },
    twofa?: TwoFactorProof,
  ): Promise<GatewayManagementSession>;
  revokeManagementSession(accountId: string, sessionId: string): Promise<void>;
  listPermissions(accountId: string): Promise<GatewayPermission[]>;
}
