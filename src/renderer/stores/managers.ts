import { create } from 'zustand';
import type {
  ManagerChanges,
  ManagerDraft,
  ManagerSessions,
  OffboardResult,
} from '../../shared/contract';
import type { Manager } from '../../shared/domain/manager';
import type { AppError } from '../../shared/errors';
import { api, toAppError, unwrap } from '../client';

interface ManagersState {
  managers: Manager[];
  loaded: boolean;
  loadError: AppError | null;
  selectedId: string | null;
  /** Sessions issued to each manager, fetched when the manager is opened. */
  sessions: Record<string, ManagerSessions | undefined>;
  /** Why a manager's sessions could not be read (not the same as "not available"). */
  sessionsError: Record<string, AppError | undefined>;
  load: () => Promise<void>;
  select: (id: string | null) => void;
  loadSessions: (managerId: string) => Promise<void>;
  /** The mutations throw a ClientError so forms can show it. */
  create: (draft: ManagerDraft) => Promise<Manager>;
  update: (id: string, changes: ManagerChanges) => Promise<Manager>;
  remove: (id: string) => Promise<void>;
  offboard: (id: string, endDate?: string) => Promise<OffboardResult>;
}

export const useManagersStore = create<ManagersState>((set, get) => ({
  managers: [],
  loaded: false,
  loadError: null,
  selectedId: null,
  sessions: {},
  sessionsError: {},
  load: async () => {
    try {
      const managers = await unwrap(api().managers.list());
      set({ managers, loaded: true, loadError: null });
    } catch (error) {
      set({ loadError: toAppError(error), loaded: true });
    }
  },
  select: (selectedId) => {
    set({ selectedId });
    if (selectedId) void get().loadSessions(selectedId);
  },
  loadSessions: async (managerId) => {
    try {
      const sessions = await unwrap(api().managers.sessions({ managerId }));
      set({
        sessions: { ...get().sessions, [managerId]: sessions },
        sessionsError: { ...get().sessionsError, [managerId]: undefined },
      });
    } catch (error) {
      set({
        sessions: { ...get().sessions, [managerId]: undefined },
        sessionsError: { ...get().sessionsError, [managerId]: toAppError(error) },
      });
    }
  },
  create: async (draft) => {
    const manager = await unwrap(api().managers.create(draft));
    await get().load();
    set({ selectedId: manager.id });
    return manager;
  },
  update: async (id, changes) => {
    const manager = await unwrap(api().managers.update({ id, changes }));
    await get().load();
    return manager;
  },
  remove: async (id) => {
    await unwrap(api().managers.remove({ id }));
    if (get().selectedId === id) set({ selectedId: null });
    await get().load();
  },
  offboard: async (id, endDate) => {
    const result = await unwrap(api().managers.offboard({ id, confirm: true, endDate }));
    await Promise.all([get().load(), get().loadSessions(id)]);
    return result;
  },
}));
