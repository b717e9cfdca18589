import { randomUUID } from 'node:crypto';
import { ERROR_CODES, type ErrorCode } from '../../shared/errors';

/**
 * Pending one-time-code challenges kept in main memory only. Each has a random id (the only
 * thing the renderer holds), an expiry, and a number of wrong codes it takes before it
 * closes. Expired challenges are dropped by a timer as well as on access, so whatever they
 * hold (a gateway token, a password waiting for its 2FA code) does not outlive them.
 */
export interface Challenge<T> {
  id: string;
  data: T;
  createdAt: Date;
  expiresAt: Date;
  triesLeft: number;
}

export interface PendingChallengesOptions<T> {
  clock: () => Date;
  ttlMs: number;
  maxTries: number;
  /** Called once whenever a challenge goes (verified, expired, cancelled, out of tries). */
  onDrop?: (challenge: Challenge<T>) => void;
}

export class PendingChallenges<T> {
  private readonly items = new Map<string, Challenge<T>>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(private readonly options: PendingChallengesOptions<T>) {}

  open(data: T): Challenge<T> {
    this.sweep();
    const now = this.options.clock();
    const challenge: Challenge<T> = {
      id: randomUUID(),
      data,
      createdAt: now,
      expiresAt: new Date(now.getTime() + this.options.ttlMs),
      triesLeft: this.options.maxTries,
    };
    this.items.set(challenge.id, challenge);
    const timer = setTimeout(() => this.drop(challenge.id), this.options.ttlMs);
    timer.unref?.();
    this.timers.set(challenge.id, timer);
    return challenge;
  }

  /** The open, unexpired challenge with this id, or null. */
  get(id: string): Challenge<T> | null {
    this.sweep();
    return this.items.get(id) ?? null;
  }

  /** Counts a wrong code; returns the tries left and closes the challenge at zero. */
  wrongCode(id: string): number {
    const challenge = this.items.get(id);
    if (!challenge) return 0;
    challenge.triesLeft = Math.max(0, challenge.triesLeft - 1);
    if (challenge.triesLeft === 0) this.drop(id);
    return challenge.triesLeft;
  }

  drop(id: string): void {
    const challenge = this.items.get(id);
    const timer = this.timers.get(id);
    if (timer) clearTimeout(timer);
    this.timers.delete(id);
    if (!challenge) return;
    this.items.delete(id);
    this.options.onDrop?.(challenge);
  }

  dropWhere(predicate: (challenge: Challenge<T>) => boolean): void {
    for (const challenge of [...this.items.values()]) {
      if (predicate(challenge)) this.drop(challenge.id);
    }
  }

  clear(): void {
    for (const id of [...this.items.keys()]) this.drop(id);
  }

  get size(): number {
    this.sweep();
    return this.items.size;
  }

  private sweep(): void {
    const now = this.options.clock().getTime();
    for (const challenge of [...this.items.values()]) {
      if (challenge.expiresAt.getTime() <= now) this.drop(challenge.id);
    }
  }
}

const CODES = new Set<string>(ERROR_CODES);

/**
 * The typed code of a failure from the gateway client (GatewayError) or a service
 * (DoormanError); null for anything else, which is then a bug and propagates as such.
 */
export function failureCode(error: unknown): ErrorCode | null {
  if (typeof error !== 'object' || error === null || !('code' in error)) return null;
  const code = (error as { code: unknown }).code;
  return typeof code === 'string' && CODES.has(code) ? (code as ErrorCode) : null;
}

/** Gateway answers that mean "that code was not right" rather than "something broke". */
export function isWrongCodeFailure(error: unknown): boolean {
  const code = failureCode(error);
  return code === 'badRequest' || code === 'forbidden' || code === 'twoFactorRequired';
}

/** Failures where the gateway simply could not be asked or could not answer now. */
export function isUnreachableFailure(error: unknown): boolean {
  const code = failureCode(error);
  return (
    code === 'network' ||
    code === 'timeout' ||
    code === 'server' ||
    code === 'rateLimited' ||
    code === 'quotaExhausted' ||
    code === 'malformed'
  );
}
