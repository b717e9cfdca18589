import { lazyNamed, type PreloadableComponent } from './lazy';
import type { ScreenId } from './screens';

export { SCREEN_IDS, isScreenId, type ScreenId } from './screens';

/**
 * One line per screen. Each loads on first use (its own chunk), so the first paint carries
 * only the frame and the bundle stays small as features grow. main.tsx fetches the start
 * screen's chunk before the first render and the others once the app is idle.
 */
export const SCREENS: Record<ScreenId, PreloadableComponent> = {
  accounts: lazyNamed(() => import('./accounts/AccountsScreen'), 'AccountsScreen'),
  sessions: lazyNamed(() => import('./sessions/SessionsScreen'), 'SessionsScreen'),
  checklist: lazyNamed(() => import('./checklist/ChecklistScreen'), 'ChecklistScreen'),
  notes: lazyNamed(() => import('./notes/NotesScreen'), 'NotesScreen'),
  activity: lazyNamed(() => import('./activity/ActivityScreen'), 'ActivityScreen'),
  settings: lazyNamed(() => import('./settings/SettingsScreen'), 'SettingsScreen'),
};
