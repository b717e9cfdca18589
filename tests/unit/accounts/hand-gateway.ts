import type {
  ConnectedAccount,
  ConnectInput,
  GatewayClient,
  TwoFactorCodeSent,
} from '../../../src/main/gateway/types';

/** A failure shaped like the gateway client's GatewayError: a typed `code`. */
export class FakeFailure extends Error {
  constructor(
    readonly code: string,
    message = code,
  ) {
    super(message);
  }
}

/**
 * A GatewayClient in memory for service tests: one valid key, accounts, a connect that may
 * ask for a 2FA code, step-up codes, and a switch that makes every call fail as offline.
 */
export function createHandGateway(options: {
  validKey: string;
  apiKey: () => Promise<string | null>;
}) {
  const accounts = new Map<string, ConnectedAccount>();
  const users = new Map<string, { password: string; twoFactor: boolean }>();
  const connectTokens = new Map<string, { username: string; code: string }>();
  const stepUps = new Map<string, { accountId: string; code: string }>();
  const calls: { method: string; args: unknown[] }[] = [];
  let offline: string | null = null;
  let seq = 0;

  async function guard(method: string, args: unknown[], key?: string) {
    calls.push({ method, args });
    if (offline) throw new FakeFailure(offline, 'The gateway could not be reached.');
    const used = key ?? (await options.apiKey());
    if (used === null) throw new FakeFailure('noApiKey');
    if (used !== options.validKey) throw new FakeFailure('unauthorized', 'Invalid API key');
  }

  function connectAccount(input: ConnectInput): ConnectedAccount {
    const account: ConnectedAccount = {
      accountId: `fansly_${input.username}`,
      nativeId: null,
      username: input.username,
      displayName: null,
      label: input.name,
      status: 'active',
    };
    accounts.set(account.accountId, account);
    return account;
  }

  const client: Partial<GatewayClient> = {
    async verifyKey(key) {
      await guard('verifyKey', [], key);
    },
    async listAccounts() {
      await guard('listAccounts', []);
      return [...accounts.values()].map((a) => ({ ...a }));
    },
    async getProfile(accountId) {
      await guard('getProfile', [accountId]);
      const account = accounts.get(accountId);
      if (!account) throw new FakeFailure('notFound');
      return {
        id: `9000${accountId.length}`,
        username: account.username,
        displayName: `${account.username} (profile)`,
        avatarUrl: null,
      };
    },
    async connect(input) {
      await guard('connect', [input]);
      const user = users.get(input.username);
      if (!user || user.password !== input.password)
        throw new FakeFailure('badRequest', 'Invalid username or password');
      if (user.twoFactor) {
        const token = `connect-token-${++seq}-abcdef`;
        connectTokens.set(token, { username: input.username, code: '246810' });
        return { kind: 'twoFactorRequired', twoFactorToken: token, deliveryHint: 'c***@m***.com' };
      }
      return { kind: 'connected', account: connectAccount(input) };
    },
    async verifyConnectTwoFactor(input) {
      await guard('verifyConnectTwoFactor', [input]);
      const pending = connectTokens.get(input.twoFactorToken);
      if (!pending) throw new FakeFailure('badRequest', 'Two-factor token is invalid or expired');
      if (pending.code !== input.twoFactorCode)
        throw new FakeFailure('badRequest', 'Invalid two-factor code');
      connectTokens.delete(input.twoFactorToken);
      return connectAccount(input);
    },
    async disconnect(accountId) {
      await guard('disconnect', [accountId]);
      if (!accounts.delete(accountId)) throw new FakeFailure('notFound', 'Account not found');
    },
    async sendTwoFactorCode(accountId): Promise<TwoFactorCodeSent> {
      await guard('sendTwoFactorCode', [accountId]);
      if (!accounts.has(accountId)) throw new FakeFailure('notFound');
      const token = `stepup-token-${++seq}-abcdef`;
      stepUps.set(token, { accountId, code: '135790' });
      return { id: `id-${seq}`, token, maskedEmail: 'a*********y@g****.com', type: 2 };
    },
    async verifyTwoFactorCode(accountId, proof) {
      await guard('verifyTwoFactorCode', [accountId, proof]);
      const pending = stepUps.get(proof.token);
      if (!pending || pending.accountId !== accountId || pending.code !== proof.code)
        throw new FakeFailure('badRequest', 'Invalid code');
    },
  };

  return {
    client: client as GatewayClient,
    calls,
    accounts,
    addUser(username: string, password: string, twoFactor = false) {
      users.set(username, { password, twoFactor });
    },
    setOffline(code: string | null) {
      offline = code;
    },
  };
}
