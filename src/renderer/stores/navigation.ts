import { create } from 'zustand';
import { isScreenId, type ScreenId } from '../features/screens';

interface NavigationState {
  screen: ScreenId;
  /**
   * The tab the screen shows, for screens with tabs (null: its first). Kept here so a link
   * can ask for one ("Review logins" → the login sessions tab); the screen ignores ids it lacks.
   */
  tab: string | null;
  /** Bumped when focus should move to the new screen's heading (tray, shortcuts, links in content). */
  focusRequest: number;
  /** True until the new screen's heading has taken focus (a lazy screen claims it on mount). */
  focusPending: boolean;
  /** Returns whether focus was asked for, and marks it handled. */
  takeFocusRequest: () => boolean;
  /**
   * Shows a screen. `focus` moves keyboard focus to it; nav clicks leave focus in the nav.
   * `tab` picks its tab; without it another screen opens on its first, the same one keeps its tab.
   */
  navigate: (screen: ScreenId, options?: { focus?: boolean; tab?: string }) => void;
  /** The tab the creator chose on the current screen. */
  selectTab: (tab: string) => void;
  /**
   * For targets from outside (the tray's and notifications' navigate event): a screen id, or
   * `screen/tab` for one of its tabs. Unknown screens are ignored.
   */
  navigateTo: (target: string) => boolean;
}

export const useNavigationStore = create<NavigationState>((set, get) => ({
  screen: 'overview',
  tab: null,
  focusRequest: 0,
  focusPending: false,
  navigate: (screen, options) =>
    set((state) => ({
      screen,
      tab: options?.tab ?? (screen === state.screen ? state.tab : null),
      focusRequest: options?.focus ? state.focusRequest + 1 : state.focusRequest,
      focusPending: Boolean(options?.focus),
    })),
  selectTab: (tab) => set({ tab }),
  takeFocusRequest: () => {
    if (!get().focusPending) return false;
    set({ focusPending: false });
    return true;
  },
  navigateTo: (target) => {
    const [screen, tab] = target.split('/', 2);
    if (!isScreenId(screen)) return false;
    get().navigate(screen, { focus: true, tab });
    return true;
  },
}));
