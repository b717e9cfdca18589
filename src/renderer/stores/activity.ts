import { create } from 'zustand';
import type { ActivityEntry } from '../../shared/contract';
import type { ActivityKind } from '../../shared/domain/activity';
import type { AppError } from '../../shared/errors';
import { api, toAppError, unwrap } from '../client';

export interface ActivityFilters {
  accountId: string | null;
  kind: ActivityKind | null;
  /** Local calendar days (`YYYY-MM-DD`), turned into instants when asking main. */
  fromDay: string;
  toDay: string;
}

const PAGE = 100;

/** The creator's local day as the instants main filters by. */
export function dayStart(day: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])).toISOString() : undefined;
}
export function dayEnd(day: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return m
    ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 23, 59, 59, 999).toISOString()
    : undefined;
}

interface ActivityState {
  filters: ActivityFilters;
  entries: ActivityEntry[];
  nextCursor: string | null;
  loading: boolean;
  loaded: boolean;
  error: AppError | null;
  setFilters: (patch: Partial<ActivityFilters>) => void;
  /** First page for the current filters. */
  load: () => Promise<void>;
  /** The next (older) page; older months are read by main only now. */
  loadMore: () => Promise<void>;
}

let latest = 0;

export const useActivityStore = create<ActivityState>((set, get) => {
  const fetchPage = async (before: string | undefined) => {
    const { filters } = get();
    return unwrap(
      api().activity.list({
        accountId: filters.accountId ?? undefined,
        kinds: filters.kind ? [filters.kind] : undefined,
        from: filters.fromDay ? dayStart(filters.fromDay) : undefined,
        to: filters.toDay ? dayEnd(filters.toDay) : undefined,
        before,
        limit: PAGE,
      }),
    );
  };
  return {
    filters: { accountId: null, kind: null, fromDay: '', toDay: '' },
    entries: [],
    nextCursor: null,
    loading: false,
    loaded: false,
    error: null,
    setFilters: (patch) => {
      set({ filters: { ...get().filters, ...patch } });
      void get().load();
    },
    load: async () => {
      const ticket = ++latest;
      set({ loading: true });
      try {
        const page = await fetchPage(undefined);
        if (ticket !== latest) return;
        set({ entries: page.entries, nextCursor: page.nextCursor, error: null });
      } catch (error) {
        if (ticket === latest) set({ error: toAppError(error), entries: [], nextCursor: null });
      } finally {
        if (ticket === latest) set({ loading: false, loaded: true });
      }
    },
    loadMore: async () => {
      const { nextCursor, loading } = get();
      if (!nextCursor || loading) return;
      const ticket = latest;
      set({ loading: true });
      try {
        const page = await fetchPage(nextCursor);
        if (ticket !== latest) return;
        set({ entries: [...get().entries, ...page.entries], nextCursor: page.nextCursor });
      } catch (error) {
        if (ticket === latest) set({ error: toAppError(error) });
      } finally {
        if (ticket === latest) set({ loading: false });
      }
    },
  };
});
