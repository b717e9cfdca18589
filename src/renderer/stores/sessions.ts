import { create } from 'zustand';
import type {
  ManagementSession,
  ManagementSessionList,
  ManagementSessionStatus,
  PermissionCatalogue,
} from '../../shared/contract/sessions';
import type { AppError } from '../../shared/errors';
import { api, toAppError, unwrap } from '../client';
import { isStale, refreshActions } from './account-list';

export type SessionSort = 'created' | 'label' | 'lastUsed' | 'reviewBy' | 'risk';
export type StatusFilter = 'all' | ManagementSessionStatus;

interface SessionsState {
  accountId: string | null;
  list: ManagementSessionList | null;
  catalogue: PermissionCatalogue | null;
  loadError: AppError | null;
  refreshingAccountIds: readonly string[];
  changedWhileRefreshing: boolean;
  query: string;
  status: StatusFilter;
  sort: SessionSort;
  selectedId: string | null;
  /** Reads the last-known list (no gateway call), then asks the gateway in the background. */
  open: (accountId: string) => Promise<void>;
  /** The last-known list again (after a change main announced). */
  reload: () => Promise<void>;
  /** Main says the lists changed: read again, unless a refresh will bring the list. */
  onChanged: () => Promise<void>;
  /** `force`: the creator pressed Refresh (manual mode then asks the gateway again at once). */
  refresh: (force?: boolean) => Promise<void>;
  loadCatalogue: () => Promise<PermissionCatalogue | null>;
  setQuery: (query: string) => void;
  setStatus: (status: StatusFilter) => void;
  setSort: (sort: SessionSort) => void;
  select: (id: string | null) => void;
  /** Puts an answer from main into the list at once (create, edit, revoke). */
  upsert: (session: ManagementSession) => void;
}

export const useSessionsStore = create<SessionsState>((set, get) => ({
  accountId: null,
  list: null,
  catalogue: null,
  loadError: null,
  refreshingAccountIds: [],
  changedWhileRefreshing: false,
  query: '',
  status: 'all',
  sort: 'created',
  selectedId: null,
  open: async (accountId) => {
    if (get().accountId !== accountId) {
      set({ accountId, list: null, catalogue: null, selectedId: null, loadError: null });
    }
    await get().reload();
    // Every gateway call costs credits: a list checked moments ago is not asked again.
    if (isStale(get().list?.asOf ?? null)) await get().refresh();
  },
  reload: async () => {
    const accountId = get().accountId;
    if (!accountId) return;
    try {
      const list = await unwrap(api().sessions.list({ accountId }));
      if (get().accountId === accountId) set({ list, loadError: null });
    } catch (error) {
      if (get().accountId === accountId) set({ loadError: toAppError(error) });
    }
  },
  ...refreshActions(
    get,
    set,
    (accountId, force) => api().sessions.refresh({ accountId, force }),
    () => get().reload(),
  ),
  loadCatalogue: async () => {
    const accountId = get().accountId;
    if (!accountId) return null;
    const cached = get().catalogue;
    if (cached) return cached;
    const catalogue = await unwrap(api().sessions.catalogue({ accountId }));
    if (get().accountId === accountId) set({ catalogue });
    return catalogue;
  },
  setQuery: (query) => set({ query }),
  setStatus: (status) => set({ status }),
  setSort: (sort) => set({ sort }),
  select: (selectedId) => set({ selectedId }),
  upsert: (session) => {
    const list = get().list;
    if (!list || list.accountId !== session.accountId) return;
    const others = list.sessions.filter((s) => s.id !== session.id);
    set({ list: { ...list, sessions: [...others, session] } });
  },
}));
