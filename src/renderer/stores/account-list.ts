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
  /**
   * Accounts whose gateway refresh is under way. Per account, so switching account while one
   * refresh is slow still refreshes the newly shown one.
   */
  refreshingAccountIds: readonly string[];
  /** Main announced a change of these lists while the shown account's refresh was under way. */
  changedWhileRefreshing: boolean;
}

/** The shown account's refresh is under way (the Refresh button's spinner). */
export function isShownRefreshing<L>(state: AccountListState<L>): boolean {
  return state.accountId !== null && state.refreshingAccountIds.includes(state.accountId);
}

/**
 * What a list screen does when main announces that the lists changed: reads the list again,
 * except while the shown account's refresh is under way. Main announces a refresh's write too, just
 * before it answers the refresh with that very list, and it answers only after everything it
 * announced before is written, so that answer is at least as new as the announcement (with
 * 10,000 sessions, reading again meant a second 4 MB transfer). If the refresh fails, the
 * list is read again then.
 */
export function reloadOnChange<L>(
  get: () => AccountListState<L>,
  set: (patch: Partial<AccountListState<L>>) => void,
  reload: () => Promise<void>,
): Promise<void> {
  if (isShownRefreshing(get())) {
    set({ changedWhileRefreshing: true });
    return Promise.resolve();
  }
  return reload();
}

/**
 * Asks the gateway for the shown account's list: one refresh at a time per account, and an
 * answer for an account no longer shown is dropped (main has stored it; opening that account
 * again reads it).
 */
export async function refreshAccountList<L>(
  get: () => AccountListState<L>,
  set: (patch: Partial<AccountListState<L>>) => void,
  ask: (accountId: string) => Promise<Result<L>>,
  reload: () => Promise<void>,
): Promise<void> {
  const accountId = get().accountId;
  if (!accountId || get().refreshingAccountIds.includes(accountId)) return;
  set({
    refreshingAccountIds: [...get().refreshingAccountIds, accountId],
    changedWhileRefreshing: false,
  });
  let failure: AppError | null = null;
  try {
    const list = await unwrap(ask(accountId));
    if (get().accountId === accountId) set({ list, loadError: null });
  } catch (error) {
    failure = toAppError(error);
    if (get().accountId === accountId) set({ loadError: failure });
  } finally {
    set({ refreshingAccountIds: get().refreshingAccountIds.filter((id) => id !== accountId) });
  }
  // No list came back: what main announced meanwhile is read now (see reloadOnChange), and
  // the refresh's error stays on screen. Another account shown since was read when opened.
  if (failure && get().accountId === accountId && get().changedWhileRefreshing) {
    set({ changedWhileRefreshing: false });
    await reload();
    if (get().accountId === accountId) set({ loadError: failure });
  }
}

/**
 * A list store's `refresh(force)` and `onChanged()`, for the shown account: `ask` is the
 * refresh channel, `reload` the store's own read of the last-known list.
 */
export function refreshActions<L>(
  get: () => AccountListState<L>,
  set: (patch: Partial<AccountListState<L>>) => void,
  ask: (accountId: string, force: boolean) => Promise<Result<L>>,
  reload: () => Promise<void>,
) {
  return {
    refresh: (force = false) =>
      refreshAccountList(get, set, (accountId) => ask(accountId, force), reload),
    onChanged: () => reloadOnChange(get, set, reload),
  };
}
