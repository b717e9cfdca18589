import { z } from 'zod';
import type { SetApiKeyInput, VaultStatus } from '../../shared/contract';
import { DoormanError } from '../../shared/errors';
import type { GatewayClient } from '../gateway/types';
import type { EventBus } from '../platform/events';
import { JsonStore, type StorageNoticeLog } from '../platform/json-store';
import { registerSecret, type Logger } from '../platform/log';
import type { SecretBox } from '../platform/secret-box';
import type { ActivityRecorder } from './activity-recorder';
import { failureCode } from './two-factor-store';

/**
 * The API key vault. The key is encrypted by the SecretBox (Electron safeStorage) before
 * it reaches its store, decrypted once into main memory, and handed only to the gateway
 * client (`getKey`). The renderer learns `status()`: set or not, and the last four.
 */
const storedVaultSchema = z.object({
  /** base64 of the SecretBox output; never the key itself. */
  cipher: z.string().nullable(),
  lastFour: z.string().max(4).nullable(),
  /** The safeStorage backend that encrypted `cipher`. */
  backend: z.string().max(40).nullable(),
  checked: z.boolean(),
  savedAt: z.string().nullable(),
  /** The backend change already written to the activity log, so it is recorded once. */
  backendChangeRecordedFor: z.string().max(40).nullable(),
  /**
   * The origin of the gateway address the key was saved for. The key goes nowhere else: a
   * script in the window that changed the address (settings:set) would otherwise have it
   * sent to a server of its choosing. Absent in files from before: bound at the next start.
   */
  gatewayOrigin: z.string().max(300).nullable().default(null),
});
type StoredVault = z.infer<typeof storedVaultSchema>;

const EMPTY: StoredVault = {
  cipher: null,
  lastFour: null,
  backend: null,
  checked: false,
  savedAt: null,
  backendChangeRecordedFor: null,
  gatewayOrigin: null,
};

/** The origin of a gateway address; the address itself when it does not parse. */
export function gatewayOriginOf(baseUrl: string): string {
  try {
    return new URL(baseUrl.trim()).origin;
  } catch {
    return baseUrl.trim();
  }
}

/** Keys travel in an HTTP header: anything with spaces or control characters is a paste slip. */
const KEY_SHAPE = /^[\x21-\x7e]+$/;

export interface VaultDeps {
  dataDir: string;
  secretBox: SecretBox;
  gateway: Pick<GatewayClient, 'verifyKey'>;
  events: EventBus;
  activity: ActivityRecorder;
  log: Logger;
  clock: () => Date;
  notices?: StorageNoticeLog;
  /** The gateway address in use now (settings). */
  gatewayBaseUrl: () => string;
}

export type VaultChange = 'set' | 'replaced' | 'removed';

export class VaultService {
  private readonly store: JsonStore<StoredVault>;
  /** The decrypted key, only after a successful decrypt under the recorded backend. */
  private key: string | null = null;
  private unreadable = false;
  private loaded: Promise<void> | null = null;
  private readonly listeners = new Set<(change: VaultChange) => void>();

  constructor(private readonly deps: VaultDeps) {
    this.store = new JsonStore<StoredVault>({
      dir: deps.dataDir,
      name: 'vault',
      schema: storedVaultSchema,
      defaults: () => ({ ...EMPTY }),
      version: 1,
      notices: deps.notices,
      clock: deps.clock,
    });
  }

  start(): Promise<void> {
    return this.load();
  }

  stop(): void {
    this.key = null;
  }

  /** Lets other services react to a new or removed key (the accounts cache belongs to a key). */
  onChange(listener: (change: VaultChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * For the gateway client only, for a request to `baseUrl`: null when no key is set, it
   * cannot be read safely, or it was saved for another gateway address.
   */
  async keyFor(baseUrl: string): Promise<string | null> {
    await this.load();
    return this.isBoundTo(baseUrl) ? this.key : null;
  }

  /** The key for the gateway address in use now (see keyFor). */
  getKey(): Promise<string | null> {
    return this.keyFor(this.deps.gatewayBaseUrl());
  }

  async hasUsableKey(): Promise<boolean> {
    return (await this.getKey()) !== null;
  }

  async status(): Promise<VaultStatus> {
    await this.load();
    const stored = this.store.get();
    const isSet = stored.cipher !== null;
    return {
      isSet,
      lastFour: stored.lastFour,
      checked: isSet && stored.checked,
      backend: this.deps.secretBox.backend(),
      osProtected: this.deps.secretBox.isOsProtected(),
      backendChanged: this.backendChanged(stored),
      unreadable: isSet && this.unreadable,
      gatewayChanged: isSet && !this.isBoundTo(this.deps.gatewayBaseUrl()),
      savedAt: stored.savedAt,
    };
  }

  private isBoundTo(baseUrl: string): boolean {
    return this.store.get().gatewayOrigin === gatewayOriginOf(baseUrl);
  }

  async setKey(input: SetApiKeyInput): Promise<VaultStatus> {
    await this.load();
    const candidate = input.apiKey.trim();
    if (!candidate) {
      throw new DoormanError('invalidInput', 'Paste the API key from your gateway dashboard.', {
        fields: ['apiKey'],
      });
    }
    // Registered before anything can fail, so an error that quotes it is still redacted.
    registerSecret(candidate);
    if (candidate.length < 8 || !KEY_SHAPE.test(candidate)) {
      throw new DoormanError(
        'invalidInput',
        'That does not look like an API key: it is too short or contains spaces or line breaks.',
        { fields: ['apiKey'] },
      );
    }
    const box = this.deps.secretBox;
    if (!(await box.isAvailable())) {
      throw new DoormanError(
        'keychainUnavailable',
        'Your system cannot encrypt the key right now, so Doorman did not save it.',
      );
    }
    if (!box.isOsProtected() && input.acceptUnprotected !== true) {
      throw new DoormanError(
        'consentRequired',
        'Your system keychain does not protect the key here. Agree to store it anyway, or set up a keychain first.',
      );
    }

    let checked = true;
    try {
      await this.deps.gateway.verifyKey(candidate);
    } catch (error) {
      const code = failureCode(error);
      if (code === 'unauthorized') {
        throw new DoormanError('unauthorized', 'The gateway rejected this key. Nothing was saved.');
      }
      if (code === 'forbidden') {
        throw new DoormanError(
          'forbidden',
          'The gateway knows this key but it lacks permission for accounts. Nothing was saved.',
        );
      }
      if (code === null || code === 'noApiKey' || code === 'invalidInput') throw error;
      // The gateway could not be asked (down, slow, rate-limited, odd answer).
      if (input.saveUnchecked !== true) {
        throw new DoormanError(
          code,
          'Doorman could not reach the gateway to check this key. You can save it unchecked and check later.',
          { cause: error },
        );
      }
      checked = false;
    }

    const cipher = await box.encrypt(candidate);
    // A box that cannot give the key back would lock the creator out later: refuse now.
    const roundTrip = await box.decrypt(cipher).catch(() => null);
    if (roundTrip !== candidate) {
      throw new DoormanError(
        'keychainUnavailable',
        'Your system could not encrypt the key reliably, so Doorman did not save it.',
      );
    }

    const previous = this.store.get();
    const change: VaultChange = previous.cipher === null ? 'set' : 'replaced';
    const sameKey = this.key === candidate;
    this.store.set({
      cipher: cipher.toString('base64'),
      lastFour: candidate.slice(-4),
      backend: box.backend(),
      checked,
      savedAt: this.deps.clock().toISOString(),
      backendChangeRecordedFor: null,
      // Checked (or saved unchecked) against this address: it is the only one it goes to.
      gatewayOrigin: gatewayOriginOf(this.deps.gatewayBaseUrl()),
    });
    this.key = candidate;
    this.unreadable = false;
    this.deps.activity.record({
      kind: 'keySet',
      summary: `${change === 'set' ? 'API key set' : 'API key replaced'}${
        checked ? ', checked with the gateway' : ', not checked (gateway unreachable)'
      }; stored with ${box.backend()}${box.isOsProtected() ? '' : ' (not OS-protected)'}`,
      params: {
        variant: change,
        check: checked ? 'checked' : 'unchecked',
        backend: box.backend(),
        protection: box.isOsProtected() ? 'os' : 'none',
      },
    });
    this.deps.log.info(`vault: API key ${change} (${checked ? 'checked' : 'unchecked'})`);
    if (!sameKey) this.notify(change);
    this.deps.events.changed('vault', 'accounts');
    return this.status();
  }

  /** Asks the gateway whether the saved key works; marks it checked when it does. */
  async checkKey(): Promise<VaultStatus> {
    const key = await this.getKey();
    if (!key) {
      throw new DoormanError(
        'noApiKey',
        (await this.status()).gatewayChanged
          ? 'The saved key belongs to another gateway address: enter it again for this one.'
          : 'No usable API key is saved.',
      );
    }
    try {
      await this.deps.gateway.verifyKey(key);
    } catch (error) {
      if (failureCode(error) === 'unauthorized') {
        throw new DoormanError('unauthorized', 'The gateway rejected the saved key.');
      }
      throw error;
    }
    this.markChecked();
    return this.status();
  }

  /** A gateway call with the saved key worked: the key is good. */
  markChecked(): void {
    const stored = this.store.get();
    if (stored.cipher === null || stored.checked || this.key === null) return;
    this.store.set({ ...stored, checked: true });
    this.deps.events.changed('vault');
  }

  async removeKey(): Promise<VaultStatus> {
    await this.load();
    const wasSet = this.store.get().cipher !== null;
    this.store.set({ ...EMPTY });
    this.key = null;
    this.unreadable = false;
    if (wasSet) {
      this.deps.activity.record({
        kind: 'keyRemoved',
        summary: 'API key removed from Doorman',
        params: {},
      });
      this.deps.log.info('vault: API key removed');
      this.notify('removed');
    }
    this.deps.events.changed('vault', 'accounts');
    return this.status();
  }

  private backendChanged(stored: StoredVault): boolean {
    return (
      stored.cipher !== null &&
      stored.backend !== null &&
      stored.backend !== this.deps.secretBox.backend()
    );
  }

  private load(): Promise<void> {
    this.loaded ??= this.decryptSaved();
    return this.loaded;
  }

  private async decryptSaved(): Promise<void> {
    const stored = this.store.get();
    if (stored.cipher === null) return;
    if (stored.gatewayOrigin === null) {
      // Saved before keys were bound to an address: bound to the one in use now.
      this.store.set({ ...stored, gatewayOrigin: gatewayOriginOf(this.deps.gatewayBaseUrl()) });
    }
    const current = this.deps.secretBox.backend();
    if (this.backendChanged(stored)) {
      // Decrypting under another backend may "work" with the wrong secret or silently
      // downgrade protection (e.g. keychain to basic_text): ask for the key again instead.
      this.deps.log.warn(
        `vault: the key was saved with ${stored.backend} but the keychain backend is now ${current}`,
      );
      if (stored.backendChangeRecordedFor !== current) {
        this.deps.activity.record({
          kind: 'keychainBackendChanged',
          summary: `Keychain backend changed from ${stored.backend} to ${current}; the API key must be entered again`,
          params: { previousBackend: stored.backend ?? '', backend: current },
        });
        this.store.set({ ...stored, backendChangeRecordedFor: current });
      }
      return;
    }
    try {
      const key = await this.deps.secretBox.decrypt(Buffer.from(stored.cipher, 'base64'));
      registerSecret(key);
      this.key = key;
    } catch {
      this.unreadable = true;
      this.deps.log.warn('vault: the saved key could not be decrypted; it must be entered again');
    }
  }

  private notify(change: VaultChange): void {
    for (const listener of this.listeners) listener(change);
  }
}
