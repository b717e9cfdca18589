import { vi } from 'vitest';

/**
 * Shell tests check the frame, not the features that fill it: every screen but Settings is
 * the empty placeholder, and no feature adds header or settings sections.
 * Import this file before the app in a test file.
 */
vi.mock('../../src/renderer/features/slots', () => ({
  HEADER_STATUS: null,
  SETTINGS_SECTIONS: [],
}));

vi.mock('../../src/renderer/features/registry', async () => {
  const screens = await import('../../src/renderer/features/screens');
  const { EmptyScreen } = await import('../../src/renderer/features/placeholder/EmptyScreen');
  const { SettingsScreen } = await import('../../src/renderer/features/settings/SettingsScreen');
  const { lazyNamed } = await import('../../src/renderer/features/lazy');
  // Activity loads lazily, as real feature screens may, to exercise Suspense and focus.
  const LazyEmpty = lazyNamed(
    () => import('../../src/renderer/features/placeholder/EmptyScreen'),
    'EmptyScreen',
  );
  const SCREENS = Object.fromEntries(
    screens.SCREEN_IDS.map((id) => [
      id,
      id === 'settings' ? SettingsScreen : id === 'activity' ? LazyEmpty : EmptyScreen,
    ]),
  );
  return { ...screens, SCREENS };
});
