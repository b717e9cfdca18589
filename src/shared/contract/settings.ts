import { z } from 'zod';
import { channel, noInput } from './define';

export const DEFAULT_GATEWAY_BASE_URL = 'https://v1.apifansly.com';

/**
 * https only, except plain http on loopback for tests, development and local proxies.
 * Credentials, query strings and fragments are refused: the base URL is joined with paths.
 */
export function checkGatewayBaseUrl(value: string): 'ok' | 'notUrl' | 'notHttps' | 'hasExtras' {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'notUrl';
  }
  if (url.username || url.password || url.search || url.hash) return 'hasExtras';
  if (url.protocol === 'https:') return 'ok';
  const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost';
  if (url.protocol === 'http:' && loopback) return 'ok';
  return 'notHttps';
}

export const gatewayBaseUrlSchema = z
  .string()
  .trim()
  .max(500)
  .refine((v) => checkGatewayBaseUrl(v) === 'ok', {
    message:
      'The gateway address must start with https:// (http:// only for 127.0.0.1 or localhost).',
  })
  .transform((v) => v.replace(/\/+$/, ''));

export const languageSettingSchema = z.enum(['system', 'en', 'ru']);
export const themeSettingSchema = z.enum(['system', 'light', 'dark']);

export const settingsSchema = z.object({
  language: languageSettingSchema,
  theme: themeSettingSchema,
  gatewayBaseUrl: gatewayBaseUrlSchema,
  launchAtLogin: z.boolean(),
  startHidden: z.boolean(),
  /** How often the background monitor refreshes sessions; every refresh costs gateway credits. */
  refreshIntervalMinutes: z.number().int().min(5).max(1440),
  /** Per-kind OS notifications from the monitor. */
  notifyNewLogin: z.boolean(),
  notifyReviewDue: z.boolean(),
  notifyContractEnding: z.boolean(),
  /** Checklist: after how many days a password change or an e-mail sessions check goes stale. */
  passwordMaxAgeDays: z.number().int().min(7).max(3650),
  emailCheckMaxAgeDays: z.number().int().min(7).max(3650),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  language: 'system',
  theme: 'system',
  gatewayBaseUrl: DEFAULT_GATEWAY_BASE_URL,
  launchAtLogin: false,
  startHidden: false,
  refreshIntervalMinutes: 10,
  notifyNewLogin: true,
  notifyReviewDue: true,
  notifyContractEnding: true,
  passwordMaxAgeDays: 90,
  emailCheckMaxAgeDays: 90,
};

export const settingsPatchSchema = settingsSchema.partial().strict();
export type SettingsPatch = z.input<typeof settingsPatchSchema>;

export const settingsContract = {
  'settings:get': channel(noInput, settingsSchema),
  'settings:set': channel(settingsPatchSchema, settingsSchema),
} as const;
