import { z } from 'zod';
import {
  DEFAULT_SETTINGS,
  settingsSchema,
  type Settings,
  type SettingsPatch,
} from '../../shared/contract';
import { JsonStore, type StorageNoticeLog } from '../platform/json-store';
import type { EventBus } from '../platform/events';

export interface LoginItems {
  /** Registers or removes Doorman as a login item (macOS/Windows) or autostart entry (Linux). */
  apply(enabled: boolean, startHidden: boolean): Promise<void> | void;
}

/** Settings on disk; unknown or damaged fields fall back to defaults field by field. */
export const storedSettingsSchema = z.object({
  language: settingsSchema.shape.language.catch(DEFAULT_SETTINGS.language),
  theme: settingsSchema.shape.theme.catch(DEFAULT_SETTINGS.theme),
  gatewayBaseUrl: settingsSchema.shape.gatewayBaseUrl.catch(DEFAULT_SETTINGS.gatewayBaseUrl),
  launchAtLogin: z.boolean().catch(DEFAULT_SETTINGS.launchAtLogin),
  startHidden: z.boolean().catch(DEFAULT_SETTINGS.startHidden),
  refreshIntervalMinutes: settingsSchema.shape.refreshIntervalMinutes.catch(
    DEFAULT_SETTINGS.refreshIntervalMinutes,
  ),
  notifyNewLogin: z.boolean().catch(DEFAULT_SETTINGS.notifyNewLogin),
  notifyReviewDue: z.boolean().catch(DEFAULT_SETTINGS.notifyReviewDue),
  notifyContractEnding: z.boolean().catch(DEFAULT_SETTINGS.notifyContractEnding),
  passwordMaxAgeDays: settingsSchema.shape.passwordMaxAgeDays.catch(
    DEFAULT_SETTINGS.passwordMaxAgeDays,
  ),
  emailCheckMaxAgeDays: settingsSchema.shape.emailCheckMaxAgeDays.catch(
    DEFAULT_SETTINGS.emailCheckMaxAgeDays,
  ),
});

export class SettingsService {
  private readonly store: JsonStore<Settings>;
  private readonly listeners = new Set<(next: Settings, previous: Settings) => void>();

  constructor(
    deps: { dataDir: string; notices: StorageNoticeLog },
    private readonly events: EventBus,
    private readonly loginItems: LoginItems,
  ) {
    this.store = new JsonStore<Settings>({
      dir: deps.dataDir,
      name: 'settings',
      schema: storedSettingsSchema as unknown as z.ZodType<Settings>,
      defaults: () => ({ ...DEFAULT_SETTINGS }),
      version: 1,
      notices: deps.notices,
    });
  }

  private queue: Promise<unknown> = Promise.resolve();

  get(): Settings {
    return this.store.get();
  }

  /**
   * One change at a time: a change waits for the login items of the one before it, so it
   * never starts from settings that are about to be overwritten.
   */
  set(patch: SettingsPatch): Promise<Settings> {
    const run = this.queue.then(() => this.apply(patch));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async apply(patch: SettingsPatch): Promise<Settings> {
    const previous = this.store.get();
    const next = settingsSchema.parse({ ...previous, ...patch });
    if (
      next.launchAtLogin !== previous.launchAtLogin ||
      next.startHidden !== previous.startHidden
    ) {
      await this.loginItems.apply(next.launchAtLogin, next.startHidden);
    }
    this.store.set(next);
    for (const listener of this.listeners) listener(next, previous);
    // The key goes only to the address it was saved for: a new address changes the vault's
    // status (and what the accounts list can be asked with).
    if (next.gatewayBaseUrl !== previous.gatewayBaseUrl) {
      this.events.changed('settings', 'vault', 'accounts');
    } else {
      this.events.changed('settings');
    }
    return next;
  }

  /** Lets other services react (the gateway client re-reads its base URL, the tray its language). */
  onChange(listener: (next: Settings, previous: Settings) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
