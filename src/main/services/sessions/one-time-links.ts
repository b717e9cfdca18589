import { randomBytes } from 'node:crypto';
import { DoormanError } from '../../../shared/errors';
import type { Clipboard } from '../../platform/clipboard';
import { registerSecret } from '../../platform/log';

export type Schedule = (ms: number, run: () => void) => () => void;

const defaultSchedule: Schedule = (ms, run) => {
  const timer = setTimeout(run, ms);
  timer.unref?.();
  return () => clearTimeout(timer);
};

/** How long main keeps a fresh link for the Copy button. */
export const LINK_HOLD_MS = 5 * 60 * 1000;
/** The clipboard is cleared this long after a copy, if it still holds the link. */
export const CLIPBOARD_CLEAR_MS = 60 * 1000;

/**
 * One-time management links, in memory only and only briefly: the create answer carries a
 * link once, and Copy goes through main with an opaque token, so the link is never stored,
 * logged, or kept past a few minutes.
 */
export class OneTimeLinks {
  private readonly held = new Map<string, { link: string; cancel: () => void }>();
  private readonly clearers = new Map<string, () => void>();
  private readonly schedule: Schedule;

  constructor(
    private readonly clipboard: Clipboard,
    options: { schedule?: Schedule; newToken?: () => string } = {},
  ) {
    this.schedule = options.schedule ?? defaultSchedule;
    this.newToken = options.newToken ?? (() => randomBytes(18).toString('base64url'));
  }

  private readonly newToken: () => string;

  hold(link: string): string {
    registerSecret(link);
    const token = this.newToken();
    const cancel = this.schedule(LINK_HOLD_MS, () => this.held.delete(token));
    this.held.set(token, { link, cancel });
    return token;
  }

  /** Puts the link on the clipboard and clears it after a minute unless something else replaced it. */
  async copy(token: string): Promise<{ clearsAfterSeconds: number }> {
    const entry = this.held.get(token);
    if (!entry) {
      throw new DoormanError(
        'notFound',
        'Doorman no longer holds this link: it is shown only once. If it was not saved, revoke the session and create a new one.',
      );
    }
    const { link } = entry;
    await this.clipboard.writeText(link);
    this.clearers.get(link)?.();
    const cancel = this.schedule(CLIPBOARD_CLEAR_MS, () => {
      this.clearers.delete(link);
      void this.clearIfHolding(new Set([link]));
    });
    this.clearers.set(link, cancel);
    return { clearsAfterSeconds: CLIPBOARD_CLEAR_MS / 1000 };
  }

  forget(token: string): void {
    const entry = this.held.get(token);
    if (!entry) return;
    entry.cancel();
    this.held.delete(token);
  }

  /** At quit: drop every link and take any still on the clipboard off it. */
  async stop(): Promise<void> {
    const links = new Set([...this.held.values()].map((e) => e.link));
    for (const entry of this.held.values()) entry.cancel();
    this.held.clear();
    for (const [link, cancel] of this.clearers) {
      cancel();
      links.add(link);
    }
    this.clearers.clear();
    await this.clearIfHolding(links);
  }

  /** Clears the clipboard only if it still holds one of our links (the creator may have copied something else since). */
  private async clearIfHolding(links: Set<string>): Promise<void> {
    try {
      if (links.has(await this.clipboard.readText())) await this.clipboard.clear();
    } catch {
      // A clipboard that cannot be read is left alone rather than wiping someone else's text.
    }
  }
}
