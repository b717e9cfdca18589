import type { AppError, Result } from '../../shared/error-codes';
import { toAppError, unwrap } from '../client';

/** Opening a list asks the gateway only when it is older than this (every call costs credits). */
export const LIST_FRESH_MS = 60_000;

/** True for a list never fetched from the gateway, or fetched more than LIST_FRESH_MS ago. */
export function isStale(asOf: string | null, now = Date.now()): boolean {
  return asOf === null || now - Date.parse(asOf) > LIST_FRESH_MS;
}

/** The part of a per-account list store (management sessions, login sessions) shared by both. */
export interface AccountListState<L> {
  accountId: string | null;
  list: L | null;
  loadError: AppError | null;
  refreshing: boolean;
}

/**
 * Asks the gateway for the shown account's list: one refresh at a time, and an answer for an
 * account no longer shown is dropped.
 */
export async function refreshAccountList<L>(
  get: () => AccountListState<L>,
  set: (patch: Partial<AccountListState<L>>) => void,
  ask: (accountId: string) => Promise<Result<L>>,
): Promise<void> {
  const accountId = get().accountId;
  if (!accountId || get().refreshing) return;
  set({ refreshing: true });
  try {
    const list = await unwrap(ask(accountId));
    if (get().accountId === accountId) set({ list, loadError: null });
  } catch (error) {
    if (get().accountId === accountId) set({ loadError: toAppError(error) });
  } finally {
    set({ refreshing: false });
  }
}
