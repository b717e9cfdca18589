/**
 * Keeps Doorman under the gateway's per-minute limit and caps concurrent requests, so a
 * refresh never trips a 429 in normal use (each 429 is still a wasted, credit-costing call).
 *
 * It learns the limit from `X-RateLimit-Limit` / `-Remaining` on every answer. Until the
 * first answer arrives it lets one request through at a time, so a burst at start-up cannot
 * overrun a limit it has not seen yet. Two budgets are enforced:
 * - our own sliding window: no more sends in 60 s than the advertised limit;
 * - the gateway's `Remaining` (which also counts other apps using the same key), minus
 *   what we sent since, plus what of ours has since left the window.
 */

export interface LimiterOptions {
  maxConcurrent: number;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

const WINDOW_MS = 60_000;

export interface RateHeaders {
  get(name: string): string | null;
}

export class RequestLimiter {
  private active = 0;
  private waiters: (() => void)[] = [];
  private sent: number[] = [];
  private learned = false;
  private limit: number | null = null;
  private remaining: number | null = null;
  private remainingAt = 0;
  private sentSinceRemaining = 0;
  private expiredSinceRemaining = 0;
  private blockedUntil = 0;

  constructor(private readonly options: LimiterOptions) {}

  /** Waits for a free slot and budget; returns the function that frees the slot. */
  async acquire(): Promise<() => void> {
    await this.takeSlot();
    try {
      await this.waitForBudget();
    } catch (error) {
      this.releaseSlot();
      throw error;
    }
    this.sent.push(this.options.now());
    this.sentSinceRemaining += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.releaseSlot();
    };
  }

  /** Reads the rate headers of an answer (any status). */
  observe(headers: RateHeaders): void {
    this.learned = true;
    const limit = Number.parseInt(headers.get('x-ratelimit-limit') ?? '', 10);
    this.limit = Number.isFinite(limit) && limit > 0 ? limit : null;
    const remaining = Number.parseInt(headers.get('x-ratelimit-remaining') ?? '', 10);
    if (Number.isFinite(remaining) && remaining >= 0) {
      this.remaining = remaining;
      this.remainingAt = this.options.now();
      // Requests still in flight may not be counted in this figure yet: assume they are not.
      this.sentSinceRemaining = Math.max(0, this.active - 1);
      this.expiredSinceRemaining = 0;
    }
    this.wakeWaiters();
  }

  /**
   * After a 429: nobody sends until the gateway's retry-after has passed. That figure
   * replaces the `Remaining: 0` of the same answer, which would otherwise hold us back for
   * a whole window.
   */
  blockFor(seconds: number): void {
    this.blockedUntil = Math.max(this.blockedUntil, this.options.now() + seconds * 1000);
    this.remaining = null;
  }

  /** For diagnostics and tests. */
  snapshot(): { active: number; limit: number | null; remainingEstimate: number | null } {
    return { active: this.active, limit: this.limit, remainingEstimate: this.estimate() };
  }

  private estimate(): number | null {
    if (this.remaining === null) return null;
    return this.remaining - this.sentSinceRemaining + this.expiredSinceRemaining;
  }

  private capacity(): number {
    return this.learned ? this.options.maxConcurrent : 1;
  }

  private async takeSlot(): Promise<void> {
    while (this.active >= this.capacity()) {
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
    this.active += 1;
  }

  private releaseSlot(): void {
    this.active -= 1;
    this.wakeWaiters();
  }

  private wakeWaiters(): void {
    let free = this.capacity() - this.active;
    while (free > 0 && this.waiters.length > 0) {
      this.waiters.shift()!();
      free -= 1;
    }
  }

  private prune(t: number): void {
    while (this.sent.length > 0 && this.sent[0]! <= t - WINDOW_MS) {
      this.sent.shift();
      this.expiredSinceRemaining += 1;
    }
  }

  private async waitForBudget(): Promise<void> {
    for (;;) {
      const t = this.options.now();
      this.prune(t);
      let until = this.blockedUntil;
      if (this.limit !== null && this.sent.length >= this.limit) {
        until = Math.max(until, this.sent[this.sent.length - this.limit]! + WINDOW_MS);
      }
      const estimate = this.estimate();
      if (estimate !== null && estimate <= 0) {
        if (this.sent.length > 0) {
          until = Math.max(until, this.sent[0]! + WINDOW_MS);
        } else if (this.remainingAt + WINDOW_MS > t) {
          // Spent by someone else on the same key: their calls leave the window within a minute.
          until = Math.max(until, this.remainingAt + WINDOW_MS);
        } else {
          this.remaining = null;
        }
      }
      if (until <= t) return;
      await this.options.sleep(until - t);
    }
  }
}
