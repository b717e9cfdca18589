import { create } from 'zustand';
import { isScreenId, type ScreenId } from '../features/screens';

interface NavigationState {
  screen: ScreenId;
  /** Bumped when focus should move to the new screen's heading (tray, shortcuts, links in content). */
  focusRequest: number;
  /** True until the new screen's heading has taken focus (a lazy screen claims it on mount). */
  focusPending: boolean;
  /** Returns whether focus was asked for, and marks it handled. */
  takeFocusRequest: () => boolean;
  /** Shows a screen. `focus` moves keyboard focus to it; nav clicks leave focus in the nav. */
  navigate: (screen: ScreenId, options?: { focus?: boolean }) => void;
  /** For ids from outside (the tray's navigate event): unknown ids are ignored. */
  navigateTo: (screen: string) => boolean;
}

export const useNavigationStore = create<NavigationState>((set, get) => ({
  screen: 'overview',
  focusRequest: 0,
  focusPending: false,
  navigate: (screen, options) =>
    set((state) => ({
      screen,
      focusRequest: options?.focus ? state.focusRequest + 1 : state.focusRequest,
      focusPending: Boolean(options?.focus),
    })),
  takeFocusRequest: () => {
    if (!get().focusPending) return false;
    set({ focusPending: false });
    return true;
  },
  navigateTo: (screen) => {
    if (!isScreenId(screen)) return false;
    get().navigate(screen, { focus: true });
    return true;
  },
}));
