import { z } from 'zod';
import {
  accountSchema,
  type Account,
  type AccountsList,
  type ConnectAccountInput,
  type ConnectResult,
  type ConnectionState,
  type VerifyConnectResult,
} from '../../shared/contract';
import { connectAccountInputSchema } from '../../shared/contract';
import { isCountryCode } from '../../shared/domain/countries';
import { DoormanError, type AppError } from '../../shared/errors';
import type { ConnectedAccount, ConnectInput, GatewayClient } from '../gateway/types';
import type { EventBus } from '../platform/events';
import { JsonStore, type StorageNoticeLog } from '../platform/json-store';
import { forgetSecret, registerSecret, type Logger } from '../platform/log';
import type { ActivityRecorder } from './activity-recorder';
import { TWO_FACTOR_MAX_TRIES } from '../../shared/contract';
import { failureCode, isWrongCodeFailure, PendingChallenges } from './two-factor-store';
import type { VaultService } from './vault';

/**
 * Connected Fansly accounts. The list comes from the gateway (`GET /accounts`, the profile
 * from `/{id}/me` when the list lacks it) and is cached on disk with its "as of" time, so
 * it is shown offline. Connecting passes the username and password straight to the
 * gateway; when it asks for a 2FA code, the credentials wait in memory under a random
 * challenge id until the code arrives or the challenge ends, and are never stored or logged.
 */
const cachedAccountSchema = accountSchema.extend({
  profileFetchedAt: z.string().nullable(),
});
type CachedAccount = z.infer<typeof cachedAccountSchema>;

export const accountsCacheSchema = z.object({
  asOf: z.string().nullable(),
  accounts: z.array(cachedAccountSchema),
});
type AccountsCache = z.infer<typeof accountsCacheSchema>;

/** A list fetched this recently is served without asking the gateway (requests cost credits). */
const FRESH_MS = 5 * 60_000;
/** A profile is fetched at most this often per account, and only when the list lacks it. */
const PROFILE_MAX_AGE_MS = 24 * 60 * 60_000;
export const CONNECT_CHALLENGE_TTL_MS = 10 * 60_000;

interface PendingConnect {
  credentials: ConnectInput;
  twoFactorToken: string;
}

export interface AccountsDeps {
  dataDir: string;
  gateway: GatewayClient;
  vault: Pick<VaultService, 'hasUsableKey' | 'markChecked' | 'onChange'>;
  events: EventBus;
  activity: ActivityRecorder;
  log: Logger;
  clock: () => Date;
  notices?: StorageNoticeLog;
}

/** Whether two cached lists differ in what any screen shows (not only in when they were read). */
function shownDiffers(before: CachedAccount[], after: CachedAccount[]): boolean {
  const shown = (list: CachedAccount[]) =>
    JSON.stringify(
      list.map(({ lastRefreshedAt: _when, profileFetchedAt: _profile, ...rest }) => rest),
    );
  return shown(before) !== shown(after);
}

export class AccountsService {
  private readonly store: JsonStore<AccountsCache>;
  private readonly pending: PendingChallenges<PendingConnect>;
  /** When the gateway last answered the list in this run (null: not yet). */
  private fetchedAt: number | null = null;
  /** Why the last refresh failed, until one succeeds. */
  private lastFailure: AppError | null = null;
  private inFlight: Promise<AccountsList> | null = null;
  /** Bumped when the key changes: a list asked for with the previous key is not kept. */
  private keyGeneration = 0;
  private unsubscribeVault: (() => void) | null = null;

  constructor(private readonly deps: AccountsDeps) {
    this.store = new JsonStore<AccountsCache>({
      dir: deps.dataDir,
      // "Last-known lists" in the storage notices; holds only the accounts list and its time.
      name: 'cache',
      schema: accountsCacheSchema,
      defaults: () => ({ asOf: null, accounts: [] }),
      version: 1,
      notices: deps.notices,
      clock: deps.clock,
    });
    this.pending = new PendingChallenges<PendingConnect>({
      clock: deps.clock,
      ttlMs: CONNECT_CHALLENGE_TTL_MS,
      maxTries: TWO_FACTOR_MAX_TRIES,
      onDrop: (challenge) => {
        forgetSecret(challenge.data.credentials.password);
        forgetSecret(challenge.data.twoFactorToken);
        // Drop the references so the password is not reachable from here any more.
        challenge.data.credentials.password = '';
        challenge.data.twoFactorToken = '';
      },
    });
  }

  start(): void {
    // The cached accounts belong to the key they were listed with.
    this.unsubscribeVault = this.deps.vault.onChange(() => this.forgetCache());
  }

  stop(): void {
    this.unsubscribeVault?.();
    this.pending.clear();
  }

  /** The last-known list; asks the gateway only when it is not fresh. */
  async list(): Promise<AccountsList> {
    const fresh = this.fetchedAt !== null && this.now() - this.fetchedAt < FRESH_MS;
    if (fresh && this.lastFailure === null) return this.fromCache(false);
    return this.refresh();
  }

  /** Asks the gateway now; on failure serves the last-known list marked offline. */
  refresh(): Promise<AccountsList> {
    if (!this.inFlight) {
      const request: Promise<AccountsList> = this.fetchList().finally(() => {
        if (this.inFlight === request) this.inFlight = null;
      });
      this.inFlight = request;
    }
    return this.inFlight;
  }

  /** Accounts as last known, without asking the gateway (for other services). */
  cached(): Account[] {
    return this.store.get().accounts.map(toAccount);
  }

  async connect(raw: ConnectAccountInput): Promise<ConnectResult> {
    const input = this.parseConnect(raw);
    await this.requireKey();
    const credentials: ConnectInput = {
      username: input.username,
      password: input.password,
      name: input.label || input.username,
      countryCode: input.countryCode,
    };
    registerSecret(credentials.password);
    let result;
    try {
      result = await this.deps.gateway.connect(credentials);
    } catch (error) {
      if (failureCode(error) === null) {
        // Logged here, while the password is still registered for redaction, so an odd
        // error that quoted the request cannot carry it into the log afterwards.
        this.deps.log.error('accounts: connecting failed unexpectedly', error);
        forgetSecret(credentials.password);
        throw new DoormanError('internal', 'Doorman could not connect the account. Try again.');
      }
      forgetSecret(credentials.password);
      throw this.connectFailure(error);
    }
    if (result.kind === 'connected') {
      forgetSecret(credentials.password);
      return { status: 'connected', account: this.saveConnected(result.account, credentials.name) };
    }
    registerSecret(result.twoFactorToken);
    const challenge = this.pending.open({
      credentials,
      twoFactorToken: result.twoFactorToken,
    });
    this.deps.log.info('accounts: the gateway asked for a 2FA code to connect an account');
    return {
      status: 'twoFactorRequired',
      challengeId: challenge.id,
      deliveryHint: result.deliveryHint,
      expiresAt: challenge.expiresAt.toISOString(),
    };
  }

  async verifyConnect(input: { challengeId: string; code: string }): Promise<VerifyConnectResult> {
    const challenge = this.pending.get(input.challengeId);
    if (!challenge) {
      throw new DoormanError(
        'notFound',
        'This sign-in step has ended (it expired or was cancelled). Start connecting again.',
      );
    }
    let connected: ConnectedAccount;
    try {
      connected = await this.deps.gateway.verifyConnectTwoFactor({
        ...challenge.data.credentials,
        twoFactorToken: challenge.data.twoFactorToken,
        twoFactorCode: input.code,
      });
    } catch (error) {
      if (isWrongCodeFailure(error)) {
        const triesLeft = this.pending.wrongCode(challenge.id);
        this.deps.log.info(`accounts: wrong 2FA code while connecting (${triesLeft} tries left)`);
        return { status: 'wrongCode', triesLeft };
      }
      // Unreachable gateway and the like: the challenge stays open for another try.
      throw error;
    }
    const label = challenge.data.credentials.name;
    this.pending.drop(challenge.id);
    return { status: 'connected', account: this.saveConnected(connected, label) };
  }

  cancelConnect(challengeId: string): void {
    this.pending.drop(challengeId);
  }

  /** Pending sign-ins (for tests and diagnostics: how many passwords are held in memory). */
  pendingConnects(): number {
    return this.pending.size;
  }

  async disconnect(accountId: string): Promise<void> {
    await this.requireKey();
    const known = this.store.get().accounts.find((a) => a.accountId === accountId);
    try {
      await this.deps.gateway.disconnect(accountId);
    } catch (error) {
      // Already gone on the gateway: the outcome the creator asked for.
      if (failureCode(error) !== 'notFound') throw error;
    }
    this.store.update((cache) => ({
      ...cache,
      accounts: cache.accounts.filter((a) => a.accountId !== accountId),
    }));
    this.deps.activity.record({
      kind: 'accountDisconnected',
      accountId,
      summary: `Disconnected ${known ? `@${known.username}` : accountId} from the gateway`,
      // The window no longer knows the account once it is gone: the entry keeps its name.
      params: { account: known ? `@${known.username}` : accountId },
    });
    this.deps.log.info('accounts: an account was disconnected');
    this.deps.events.changed('accounts');
  }

  private async fetchList(): Promise<AccountsList> {
    if (!(await this.deps.vault.hasUsableKey())) {
      // A key that must be re-entered (keychain changed) leaves a last-known list: say so.
      const cache = this.store.get();
      return {
        ...this.fromCache(cache.asOf !== null),
        error: { code: 'noApiKey', message: 'Add your gateway API key to list accounts.' },
      };
    }
    const generation = this.keyGeneration;
    // The key changed while this list was asked for: it is the old key's; ask again.
    const stale = () => generation !== this.keyGeneration;
    try {
      const listed = await this.deps.gateway.listAccounts();
      if (stale()) return this.refresh();
      this.deps.vault.markChecked();
      const now = this.deps.clock().toISOString();
      const previous = new Map(this.store.get().accounts.map((a) => [a.accountId, a]));
      const accounts = await Promise.all(
        listed.map((account) => this.withProfile(account, previous.get(account.accountId), now)),
      );
      if (stale()) return this.refresh();
      const changed = shownDiffers(this.store.get().accounts, accounts);
      this.store.set({ asOf: now, accounts });
      this.fetchedAt = this.now();
      const hadFailure = this.lastFailure !== null;
      this.lastFailure = null;
      // The tray, the header and the overview build on this list: a gone (or new, renamed,
      // disconnected) account is news for them.
      if (hadFailure || changed) this.deps.events.changed('accounts');
      return this.fromCache(false);
    } catch (error) {
      if (stale()) return this.refresh();
      const code = failureCode(error);
      if (code === null) throw error;
      this.lastFailure = {
        code,
        message: error instanceof Error ? error.message : 'The gateway could not answer.',
      };
      this.deps.log.warn(`accounts: could not refresh the list (${code})`);
      return { ...this.fromCache(true), error: this.lastFailure };
    }
  }

  private async withProfile(
    listed: ConnectedAccount,
    previous: CachedAccount | undefined,
    now: string,
  ): Promise<CachedAccount> {
    const base: CachedAccount = {
      accountId: listed.accountId,
      nativeId: listed.nativeId ?? previous?.nativeId ?? null,
      username: listed.username || previous?.username || '',
      displayName: listed.displayName ?? previous?.displayName ?? null,
      label: listed.label ?? previous?.label ?? null,
      connectionState: connectionState(listed.status),
      lastRefreshedAt: now,
      profileFetchedAt: previous?.profileFetchedAt ?? null,
    };
    const lacksProfile = listed.displayName === null || listed.nativeId === null;
    const profileAge = base.profileFetchedAt
      ? this.now() - Date.parse(base.profileFetchedAt)
      : Infinity;
    if (!lacksProfile || profileAge < PROFILE_MAX_AGE_MS) return base;
    try {
      const profile = await this.deps.gateway.getProfile(listed.accountId);
      return {
        ...base,
        nativeId: base.nativeId ?? (profile.id || null),
        username: base.username || profile.username,
        displayName: profile.displayName ?? base.displayName,
        profileFetchedAt: now,
      };
    } catch (error) {
      // The list itself is good; a missing profile only costs the display name.
      this.deps.log.warn(`accounts: profile unavailable (${failureCode(error) ?? 'error'})`);
      return base;
    }
  }

  private saveConnected(connected: ConnectedAccount, label: string): Account {
    const now = this.deps.clock().toISOString();
    const account: CachedAccount = {
      accountId: connected.accountId,
      nativeId: connected.nativeId,
      username: connected.username,
      displayName: connected.displayName,
      label: connected.label ?? label,
      connectionState: connectionState(connected.status),
      lastRefreshedAt: now,
      profileFetchedAt: null,
    };
    this.store.update((cache) => ({
      asOf: cache.asOf,
      accounts: [...cache.accounts.filter((a) => a.accountId !== account.accountId), account],
    }));
    // The next list asks the gateway, so the profile and order come from there.
    this.fetchedAt = null;
    this.deps.vault.markChecked();
    this.deps.activity.record({
      kind: 'accountConnected',
      accountId: account.accountId,
      summary: `Connected @${account.username} through the gateway`,
      params: { account: `@${account.username}` },
    });
    this.deps.log.info('accounts: an account was connected');
    this.deps.events.changed('accounts');
    return toAccount(account);
  }

  private parseConnect(raw: ConnectAccountInput) {
    const parsed = connectAccountInputSchema.safeParse(raw);
    if (parsed.success) return parsed.data;
    const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.')))];
    if (fields.includes('countryCode') && typeof raw.countryCode === 'string') {
      const code = raw.countryCode.trim().toUpperCase();
      if (!isCountryCode(code)) {
        throw new DoormanError('invalidInput', 'Choose your country from the list.', {
          fields: ['countryCode'],
        });
      }
    }
    throw new DoormanError('invalidInput', 'Fill in the username, password and country.', {
      fields,
    });
  }

  private connectFailure(error: unknown): unknown {
    const code = failureCode(error);
    if (code === 'badRequest' || code === 'forbidden') {
      return new DoormanError(
        code,
        'The gateway could not sign in to Fansly with these details. Check the username, password and country.',
      );
    }
    return error;
  }

  private async requireKey(): Promise<void> {
    if (!(await this.deps.vault.hasUsableKey())) {
      throw new DoormanError('noApiKey', 'Add your gateway API key first.');
    }
  }

  private forgetCache(): void {
    this.keyGeneration += 1;
    this.inFlight = null;
    this.store.set({ asOf: null, accounts: [] });
    this.fetchedAt = null;
    this.lastFailure = null;
    this.pending.clear();
    this.deps.events.changed('accounts');
  }

  private fromCache(offline: boolean): AccountsList {
    const cache = this.store.get();
    return { accounts: cache.accounts.map(toAccount), asOf: cache.asOf, offline };
  }

  private now(): number {
    return this.deps.clock().getTime();
  }
}

function toAccount(cached: CachedAccount): Account {
  const { profileFetchedAt: _profileFetchedAt, ...account } = cached;
  return account;
}

const NEEDS_RECONNECT = /disconnect|expired|invalid|error|relogin|reauth|inactive|revoked|failed/i;
const CONNECTED = /^(active|connected|ok|online|enabled|valid)$/i;

/** The gateway's free-form status, reduced to what the creator needs to know. */
export function connectionState(status: string | null): ConnectionState {
  if (status === null || status === '') return 'connected';
  if (CONNECTED.test(status)) return 'connected';
  if (NEEDS_RECONNECT.test(status)) return 'needsReconnect';
  return 'unknown';
}
