import { create } from 'zustand';
import type { AccountsList } from '../../shared/contract';
import type { AppError } from '../../shared/errors';
import { api, toAppError, unwrap } from '../client';
import { useSelectionStore } from './selection';

interface AccountsState {
  /** Null until main first answers. */
  list: AccountsList | null;
  loading: boolean;
  loadError: AppError | null;
  /** The last-known list (main asks the gateway only when it is old). */
  load: () => Promise<void>;
  /** Asks the gateway now. */
  refresh: () => Promise<void>;
  disconnect: (accountId: string) => Promise<void>;
}

/** Keeps the selected account one that exists: the first when none or a gone one is selected. */
function syncSelection(list: AccountsList): void {
  const { selectedAccountId, selectAccount } = useSelectionStore.getState();
  const ids = list.accounts.map((a) => a.accountId);
  if (selectedAccountId !== null && ids.includes(selectedAccountId)) return;
  selectAccount(ids[0] ?? null);
}

export const useAccountsStore = create<AccountsState>((set) => {
  const fetchWith = async (ask: () => Promise<AccountsList>) => {
    set({ loading: true });
    try {
      const list = await ask();
      set({ list, loadError: null, loading: false });
      syncSelection(list);
    } catch (error) {
      set({ loadError: toAppError(error), loading: false });
    }
  };
  return {
    list: null,
    loading: false,
    loadError: null,
    load: () => fetchWith(() => unwrap(api().accounts.list())),
    refresh: () => fetchWith(() => unwrap(api().accounts.refresh())),
    disconnect: async (accountId) => {
      await unwrap(api().accounts.disconnect({ accountId }));
      await fetchWith(() => unwrap(api().accounts.list()));
    },
  };
});
