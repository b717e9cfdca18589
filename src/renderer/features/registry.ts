import { eagerScreen, lazyNamed, type PreloadableComponent } from './lazy';
import { OverviewScreen } from './overview/OverviewScreen';
import type { ScreenId } from './screens';

export { SCREEN_IDS, isScreenId, type ScreenId } from './screens';

/**
 * One line per screen. The start screen (overview) ships with the frame; every other one
 * loads on first use (its own chunk), so the first paint carries only what it shows and the
 * bundle stays small as features grow. main.tsx fetches the others once the app is idle.
 */
export const SCREENS: Record<ScreenId, PreloadableComponent> = {
  overview: eagerScreen(OverviewScreen),
  accounts: lazyNamed(() => import('./accounts/AccountsScreen'), 'AccountsScreen'),
  sessions: lazyNamed(() => import('./sessions/SessionsScreen'), 'SessionsScreen'),
  checklist: lazyNamed(() => import('./checklist/ChecklistScreen'), 'ChecklistScreen'),
  notes: lazyNamed(() => import('./notes/NotesScreen'), 'NotesScreen'),
  activity: lazyNamed(() => import('./activity/ActivityScreen'), 'ActivityScreen'),
  settings: lazyNamed(() => import('./settings/SettingsScreen'), 'SettingsScreen'),
};
