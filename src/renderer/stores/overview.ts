import { create } from 'zustand';
import type { Overview } from '../../shared/contract';
import type { AppError, Result } from '../../shared/errors';
import { api, toAppError, unwrap } from '../client';
import { isStale } from './account-list';
import { useSelectionStore } from './selection';

interface OverviewState {
  /** Null until main first answers. */
  overview: Overview | null;
  loadError: AppError | null;
  /** The answer main gave for the account selected now (the selected one, else the first). */
  load: () => Promise<void>;
  /**
   * Takes an answer already asked for (main.tsx asks before React has loaded, so the first
   * render can show the data). A later `load` wins over a slower earlier answer.
   */
  accept: (pending: Promise<Result<Overview>>) => Promise<void>;
  /** Asks the gateway for the shown account's lists when they are old (never blocks the screen). */
  refreshStale: () => Promise<void>;
}

let latestRequest = 0;

export const useOverviewStore = create<OverviewState>((set, get) => ({
  overview: null,
  loadError: null,
  load: () =>
    get().accept(api().overview.get({ accountId: useSelectionStore.getState().selectedAccountId })),
  accept: async (pending) => {
    const request = ++latestRequest;
    try {
      const overview = await unwrap(pending);
      if (request !== latestRequest) return;
      set({ overview, loadError: null });
      // The start screen decides the account when none is chosen yet; every screen follows it.
      const selection = useSelectionStore.getState();
      if (overview.accountId !== selection.selectedAccountId) {
        selection.selectAccount(overview.accountId);
      }
    } catch (error) {
      if (request === latestRequest) set({ loadError: toAppError(error) });
    }
  },
  refreshStale: async () => {
    const overview = get().overview;
    const accountId = overview?.accountId;
    if (!overview?.keySet || !accountId) return;
    const asks: Promise<unknown>[] = [];
    // Each refresh that changes something announces it; the screen then loads again.
    if (overview.management && isStale(overview.management.asOf)) {
      asks.push(api().sessions.refresh({ accountId }));
    }
    if (overview.logins && isStale(overview.logins.asOf)) {
      asks.push(api().logins.refresh({ accountId }));
    }
    await Promise.allSettled(asks);
  },
}));
