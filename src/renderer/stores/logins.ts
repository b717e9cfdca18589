import { create } from 'zustand';
import type { LoginSession, LoginSessionList } from '../../shared/contract/logins';
import type { AppError } from '../../shared/errors';
import { api, toAppError, unwrap } from '../client';
import { isStale, refreshActions } from './account-list';

interface LoginsState {
  accountId: string | null;
  list: LoginSessionList | null;
  loadError: AppError | null;
  refreshingAccountIds: readonly string[];
  changedWhileRefreshing: boolean;
  showClosed: boolean;
  /**
   * Reads the last-known list, asks the gateway, then tells main the creator has seen it:
   * the badges stay on screen for this visit and are gone on the next one.
   */
  open: (accountId: string) => Promise<void>;
  reload: () => Promise<void>;
  /** Main says the lists changed: read again, unless a refresh will bring the list. */
  onChanged: () => Promise<void>;
  refresh: (force?: boolean) => Promise<void>;
  setShowClosed: (show: boolean) => void;
  upsert: (session: LoginSession) => void;
}

export const useLoginsStore = create<LoginsState>((set, get) => ({
  accountId: null,
  list: null,
  loadError: null,
  refreshingAccountIds: [],
  changedWhileRefreshing: false,
  showClosed: false,
  open: async (accountId) => {
    if (get().accountId !== accountId) set({ accountId, list: null, loadError: null });
    await get().reload();
    // Every gateway call costs credits: a list checked moments ago is not asked again.
    if (isStale(get().list?.asOf ?? null)) await get().refresh();
    if (get().accountId === accountId && get().list?.asOf) {
      await api().logins.markViewed({ accountId });
    }
  },
  reload: async () => {
    const accountId = get().accountId;
    if (!accountId) return;
    try {
      const next = await unwrap(api().logins.list({ accountId }));
      if (get().accountId !== accountId) return;
      // Keep this visit's "new" badges: main may already count them as seen.
      const previous = new Map(get().list?.sessions.map((s) => [s.id, s.isNew]) ?? []);
      set({
        list: {
          ...next,
          sessions: next.sessions.map((s) => ({
            ...s,
            isNew: s.isNew || (previous.get(s.id) === true && s.recognisedAt === null),
          })),
        },
        loadError: null,
      });
    } catch (error) {
      if (get().accountId === accountId) set({ loadError: toAppError(error) });
    }
  },
  ...refreshActions(
    get,
    set,
    (accountId, force) => api().logins.refresh({ accountId, force }),
    () => get().reload(),
  ),
  setShowClosed: (showClosed) => set({ showClosed }),
  upsert: (session) => {
    const list = get().list;
    if (!list || list.accountId !== session.accountId) return;
    set({
      list: {
        ...list,
        sessions: list.sessions.map((s) =>
          s.id === session.id ? { ...session, isNew: session.recognisedAt ? false : s.isNew } : s,
        ),
      },
    });
  },
}));
