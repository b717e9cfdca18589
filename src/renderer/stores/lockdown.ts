import { create } from 'zustand';
import type { LockdownRun, LockdownScope, RevokeRequest } from '../../shared/contract';
import type { AppError } from '../../shared/errors';
import { api, toAppError, unwrap } from '../client';

/** The lockdown in progress (main runs it; this mirrors it) and the tray's revoke request. */
interface LockdownStoreState {
  run: LockdownRun | null;
  loadError: AppError | null;
  /** The lockdown panel is shown on the Checklist screen (tray "Lockdown…" opens it). */
  panelOpen: boolean;
  /** A "Revoke…" from the tray that waits for the creator's confirmation. */
  revokeRequest: RevokeRequest | null;
  load: () => Promise<void>;
  openPanel: () => void;
  closePanel: () => Promise<void>;
  start: (scope: LockdownScope) => Promise<void>;
  retry: () => Promise<void>;
  loadRevokeRequest: () => Promise<void>;
  /** Asks for a revoke from inside the window (the checklist's "Revoke…"). */
  askRevoke: (request: RevokeRequest) => void;
  cancelRevoke: () => Promise<void>;
  confirmRevoke: () => Promise<void>;
}

export const useLockdownStore = create<LockdownStoreState>((set, get) => ({
  run: null,
  loadError: null,
  panelOpen: false,
  revokeRequest: null,
  load: async () => {
    try {
      const run = await unwrap(api().lockdown.state());
      set((s) => ({ run, loadError: null, panelOpen: s.panelOpen || run !== null }));
    } catch (error) {
      set({ loadError: toAppError(error) });
    }
  },
  openPanel: () => set({ panelOpen: true }),
  closePanel: async () => {
    const run = get().run;
    if (run && run.status !== 'running') await unwrap(api().lockdown.dismiss());
    set({ panelOpen: false, run: run?.status === 'running' ? run : null });
  },
  start: async (scope) => {
    set({ run: await unwrap(api().lockdown.start(scope)), panelOpen: true });
  },
  retry: async () => {
    set({ run: await unwrap(api().lockdown.retry()) });
  },
  loadRevokeRequest: async () => {
    try {
      set({ revokeRequest: await unwrap(api().lockdown.revokeRequest()) });
    } catch {
      set({ revokeRequest: null });
    }
  },
  askRevoke: (revokeRequest) => set({ revokeRequest }),
  cancelRevoke: async () => {
    set({ revokeRequest: null });
    await unwrap(api().lockdown.clearRevokeRequest());
  },
  confirmRevoke: async () => {
    const request = get().revokeRequest;
    if (!request) return;
    await unwrap(
      api().lockdown.revokeSession({ accountId: request.accountId, sessionId: request.sessionId }),
    );
    set({ revokeRequest: null });
  },
}));
