import type { ComponentType } from 'react';
import { ChecklistScreen } from './checklist/ChecklistScreen';
import { SettingsScreen } from './settings/SettingsScreen';
import { SessionsScreen } from './sessions/SessionsScreen';
import { AccountsScreen } from './accounts/AccountsScreen';
import { NotesScreen } from './notes/NotesScreen';
import { ActivityScreen } from './activity/ActivityScreen';
import type { ScreenId } from './screens';

export { SCREEN_IDS, isScreenId, type ScreenId } from './screens';

/** One line per screen: a feature replaces its EmptyScreen when it lands. */
export const SCREENS: Record<ScreenId, ComponentType> = {
  accounts: AccountsScreen,
  sessions: SessionsScreen,
  checklist: ChecklistScreen,
  notes: NotesScreen,
  activity: ActivityScreen,
  settings: SettingsScreen,
};
