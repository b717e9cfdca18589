import { create } from 'zustand';
import type { AppInfo } from '../../shared/contract';
import type { AppError } from '../../shared/errors';
import { api, toAppError, unwrap } from '../client';

/** Version, platform and keychain status from main; asked for once, reloadable. */
interface AppInfoState {
  info: AppInfo | null;
  error: AppError | null;
  load: () => Promise<void>;
}

export const useAppInfoStore = create<AppInfoState>((set) => ({
  info: null,
  error: null,
  load: async () => {
    try {
      set({ info: await unwrap(api().app.info()), error: null });
    } catch (error) {
      set({ error: toAppError(error) });
    }
  },
}));
