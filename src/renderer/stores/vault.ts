import { create } from 'zustand';
import type { SetApiKeyInput, VaultStatus } from '../../shared/contract';
import type { AppError } from '../../shared/errors';
import { api, toAppError, unwrap } from '../client';

/** What the renderer knows about the API key: set or not, last four. Never the key. */
interface VaultState {
  /** Null until main first answers. */
  status: VaultStatus | null;
  loadError: AppError | null;
  load: () => Promise<void>;
  /** Throws a ClientError (consentRequired, unauthorized, network…) for the form to handle. */
  setKey: (input: SetApiKeyInput) => Promise<VaultStatus>;
  checkKey: () => Promise<VaultStatus>;
  removeKey: () => Promise<VaultStatus>;
}

export const useVaultStore = create<VaultState>((set) => ({
  status: null,
  loadError: null,
  load: async () => {
    try {
      set({ status: await unwrap(api().vault.status()), loadError: null });
    } catch (error) {
      set({ loadError: toAppError(error) });
    }
  },
  setKey: async (input) => {
    const status = await unwrap(api().vault.setKey(input));
    set({ status, loadError: null });
    return status;
  },
  checkKey: async () => {
    const status = await unwrap(api().vault.checkKey());
    set({ status });
    return status;
  },
  removeKey: async () => {
    const status = await unwrap(api().vault.removeKey());
    set({ status });
    return status;
  },
}));
