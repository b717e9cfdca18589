import type { ComponentType } from 'react';
import { EmptyScreen } from './placeholder/EmptyScreen';
import { SettingsScreen } from './settings/SettingsScreen';

export const SCREEN_IDS = [
  'accounts',
  'sessions',
  'checklist',
  'notes',
  'activity',
  'settings',
] as const;
export type ScreenId = (typeof SCREEN_IDS)[number];

/** One line per screen: a feature replaces its EmptyScreen when it lands. */
export const SCREENS: Record<ScreenId, ComponentType> = {
  accounts: EmptyScreen,
  sessions: EmptyScreen,
  checklist: EmptyScreen,
  notes: EmptyScreen,
  activity: EmptyScreen,
  settings: SettingsScreen,
};
