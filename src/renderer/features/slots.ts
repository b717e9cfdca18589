import type { ComponentType } from 'react';
import { SecurityHeader } from './checklist/SecurityHeader';
import { lazyNamed } from './lazy';

/**
 * Places in the frame that features fill, one line each, so the shell never shows made-up
 * data before they land.
 */

/** The overall security state in the header (always mounted, so loaded with the frame). */
export const HEADER_STATUS: ComponentType | null = SecurityHeader;

/**
 * Sections of the Settings screen owned by other features (API key, notifications,
 * background refresh, backup), shown in this order between "Gateway" and "Start-up". Each
 * renders its own `<Panel title=…>` and loads with the Settings screen.
 */
export const SETTINGS_SECTIONS: readonly ComponentType[] = [
  lazyNamed(() => import('./accounts/ApiKeySection'), 'ApiKeySection'),
  lazyNamed(() => import('./checklist/MonitorSettings'), 'MonitorSettings'),
  lazyNamed(() => import('./activity/BackupPanel'), 'BackupPanel'),
];
