import { z } from 'zod';
import { channel, noInput, noOutput } from './define';

export const keychainStatusSchema = z.object({
  /** True when the OS keychain protects secrets (not Linux's basic_text fallback). */
  available: z.boolean(),
  /** The safeStorage backend in use ('basic_text', 'gnome_libsecret', 'kwallet5', 'keychain', 'dpapi', 'test', ...). */
  backend: z.string().max(40),
});
export type KeychainStatus = z.infer<typeof keychainStatusSchema>;

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.enum(['darwin', 'win32', 'linux', 'other']),
  isDevelopment: z.boolean(),
  keychain: keychainStatusSchema,
});
export type AppInfo = z.infer<typeof appInfoSchema>;

/** Problems with local files found at start (a corrupt store set aside, a restored copy). */
export const storageNoticeSchema = z.object({
  store: z.string().max(40),
  kind: z.enum([
    'corruptSetAside',
    'restoredBackup',
    'resetToDefaults',
    'restoreFailed',
    'newerVersion',
  ]),
  at: z.string(),
});
export type StorageNotice = z.infer<typeof storageNoticeSchema>;

export const appContract = {
  'app:info': channel(noInput, appInfoSchema),
  'app:openExternal': channel(z.object({ url: z.string().max(2048) }), noOutput),
  'app:storageNotices': channel(noInput, z.array(storageNoticeSchema)),
  'app:dismissStorageNotices': channel(noInput, noOutput),
} as const;
