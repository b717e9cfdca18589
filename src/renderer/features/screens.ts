/**
 * The screens of the main window, in navigation order. Kept apart from registry.ts (which
 * imports every feature) so stores can name screens without importing the features.
 * A new screen adds its id here, its component in registry.ts and `nav.<id>` in common.json.
 */
export const SCREEN_IDS = [
  'overview',
  'accounts',
  'sessions',
  'checklist',
  'notes',
  'activity',
  'settings',
] as const;
export type ScreenId = (typeof SCREEN_IDS)[number];

export function isScreenId(value: unknown): value is ScreenId {
  return (SCREEN_IDS as readonly unknown[]).includes(value);
}
