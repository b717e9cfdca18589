import type { ComponentType } from 'react';
import { ApiKeySection } from './accounts/ApiKeySection';
import { MonitorSettings } from './checklist/MonitorSettings';
import { SecurityHeader } from './checklist/SecurityHeader';
import { BackupPanel } from './activity/BackupPanel';

/**
 * Places in the frame that features fill, one line each, so the shell never shows made-up
 * data before they land.
 */

/** The overall security state in the header (the checklist feature sets it). */
export const HEADER_STATUS: ComponentType | null = SecurityHeader;

/**
 * Sections of the Settings screen owned by other features (API key, notifications,
 * background refresh), shown in this order between "Gateway" and "Start-up". Each renders
 * its own `<Panel title=…>`.
 */
export const SETTINGS_SECTIONS: readonly ComponentType[] = [
  ApiKeySection,
  BackupPanel,
  MonitorSettings,
];
