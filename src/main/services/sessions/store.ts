import { z } from 'zod';
import { DoormanError } from '../../../shared/errors';
import type { JsonStore } from '../../platform/json-store';
import { managementSessionSchema, trackingModeSchema } from '../../../shared/contract/sessions';
import { loginSessionSchema } from '../../../shared/contract/logins';

/** A create whose answer never arrived: matched by label on the next listing. Holds no link. */
export const pendingCreateSchema = z.object({
  requestId: z.string().max(100),
  label: z.string().max(200),
  permissions: z.array(z.string().max(100)),
  managerId: z.string().max(200).nullable(),
  reviewBy: z.string().nullable(),
  startedAt: z.string(),
});
export type PendingCreate = z.infer<typeof pendingCreateSchema>;

export const managementAccountStateSchema = z.object({
  mode: trackingModeSchema,
  /** Last time the gateway's session routes were tried (manual mode retries rarely). */
  modeCheckedAt: z.string().nullable(),
  asOf: z.string().nullable(),
  offline: z.boolean(),
  sessions: z.record(z.string(), managementSessionSchema),
  pendingCreates: z.array(pendingCreateSchema).max(50),
  /** The gateway's own permission list, when it offers one (null: use the built-in catalogue). */
  catalogue: z.array(z.object({ id: z.string().max(100), label: z.string().max(200) })).nullable(),
});
export type ManagementAccountState = z.infer<typeof managementAccountStateSchema>;

export const sessionsFileSchema = z.object({
  accounts: z.record(z.string(), managementAccountStateSchema),
});
export type SessionsFile = z.infer<typeof sessionsFileSchema>;

export function emptyManagementState(): ManagementAccountState {
  return {
    mode: 'gateway',
    modeCheckedAt: null,
    asOf: null,
    offline: false,
    sessions: {},
    pendingCreates: [],
    catalogue: null,
  };
}

export const storedLoginSessionSchema = loginSessionSchema.omit({ isNew: true });
export type StoredLoginSession = z.infer<typeof storedLoginSessionSchema>;

export const loginAccountStateSchema = z.object({
  mode: trackingModeSchema,
  modeCheckedAt: z.string().nullable(),
  asOf: z.string().nullable(),
  offline: z.boolean(),
  /** When the creator last looked at the list; sessions first seen after it are "new". */
  lastViewedAt: z.string().nullable(),
  /** False until the first successful listing, whose sessions are the baseline (not "new"). */
  baselineTaken: z.boolean(),
  sessions: z.record(z.string(), storedLoginSessionSchema),
});
export type LoginAccountState = z.infer<typeof loginAccountStateSchema>;

export const loginsFileSchema = z.object({
  accounts: z.record(z.string(), loginAccountStateSchema),
});
export type LoginsFile = z.infer<typeof loginsFileSchema>;

export function emptyLoginState(): LoginAccountState {
  return {
    mode: 'gateway',
    modeCheckedAt: null,
    asOf: null,
    offline: false,
    lastViewedAt: null,
    baselineTaken: false,
    sessions: {},
  };
}

/** In manual mode the gateway is asked again at most this often. */
export const MANUAL_RECHECK_MS = 60 * 60 * 1000;

/** Reads a record entry only if it is the record's own (never `constructor` from Object). */
export function own<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** `__proto__` cannot be a key of a stored record (it would vanish on save): refuse it. */
export function storableKey(key: string): string {
  if (key === '__proto__') {
    throw new DoormanError('invalidInput', 'That id is not valid.', { fields: ['accountId'] });
  }
  return key;
}

/** A store holding one state per account (management sessions, login sessions). */
type PerAccountStore<S> = JsonStore<{ accounts: Record<string, S> }>;

/** One account's state, or a fresh empty one when Doorman has none yet. */
export function readAccountState<S>(
  store: PerAccountStore<S>,
  accountId: string,
  empty: () => S,
): S {
  return own(store.get().accounts, accountId) ?? empty();
}

/** Replaces one account's state, leaving every other account's as it is. */
export function updateAccountState<S>(
  store: PerAccountStore<S>,
  accountId: string,
  empty: () => S,
  change: (state: S) => S,
): void {
  const file = store.get();
  store.set({
    accounts: {
      ...file.accounts,
      [storableKey(accountId)]: change(own(file.accounts, accountId) ?? empty()),
    },
  });
}
