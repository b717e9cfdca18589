import { create } from 'zustand';
import type { ChecklistConfirmInput, ChecklistState, MonitorStatus } from '../../shared/contract';
import type { ConfirmableItemId } from '../../shared/domain/checklist';
import type { AppError } from '../../shared/errors';
import { api, toAppError, unwrap } from '../client';

/** The security checklist as main evaluated it, and the background monitor's status. */
interface ChecklistStoreState {
  state: ChecklistState | null;
  loadError: AppError | null;
  monitor: MonitorStatus | null;
  load: () => Promise<void>;
  loadMonitor: () => Promise<void>;
  /** Throws a ClientError (the caller shows it next to the button). */
  confirm: (input: ChecklistConfirmInput) => Promise<void>;
  unconfirm: (accountId: string | null, itemId: ConfirmableItemId) => Promise<void>;
  refreshNow: () => Promise<void>;
  /** Keeps an overdue management session with a new review-by date (YYYY-MM-DD). */
  keepSession: (accountId: string, sessionId: string, reviewBy: string) => Promise<void>;
  /** Marks a session recorded by hand revoked (the creator deleted it on fansly.com). */
  markSessionRevoked: (accountId: string, sessionId: string) => Promise<void>;
}

export const useChecklistStore = create<ChecklistStoreState>((set, get) => ({
  state: null,
  loadError: null,
  monitor: null,
  load: async () => {
    try {
      const state = await unwrap(api().checklist.get());
      set({ state, loadError: null });
    } catch (error) {
      set({ loadError: toAppError(error) });
    }
  },
  loadMonitor: async () => {
    try {
      set({ monitor: await unwrap(api().monitor.status()) });
    } catch {
      // The status line is a nicety; the checklist itself reports load errors.
    }
  },
  confirm: async (input) => {
    set({ state: await unwrap(api().checklist.confirm(input)) });
  },
  unconfirm: async (accountId, itemId) => {
    set({ state: await unwrap(api().checklist.unconfirm({ accountId, itemId })) });
  },
  refreshNow: async () => {
    set({ monitor: await unwrap(api().monitor.refreshNow()) });
  },
  keepSession: async (accountId, sessionId, reviewBy) => {
    set({ state: await unwrap(api().checklist.keepSession({ accountId, sessionId, reviewBy })) });
  },
  markSessionRevoked: async (accountId, sessionId) => {
    await unwrap(api().sessions.markRevoked({ accountId, sessionId }));
    await get().load();
  },
}));
