import { z } from 'zod';
import { channel, noInput } from './define';

/**
 * What the renderer may know about the API key: whether one is set and its last four
 * characters. The key itself never crosses the bridge in an answer or an event.
 */
export const vaultStatusSchema = z.object({
  isSet: z.boolean(),
  lastFour: z.string().max(4).nullable(),
  /** False when the key was saved without the gateway confirming it (it was unreachable). */
  checked: z.boolean(),
  /** The safeStorage backend in use now. */
  backend: z.string().max(40),
  /** False on Linux's basic_text backend: the OS keychain does not protect the key. */
  osProtected: z.boolean(),
  /** The key was saved under another backend; it is not decrypted silently: re-enter it. */
  backendChanged: z.boolean(),
  /** The saved key could not be decrypted; re-enter it. */
  unreadable: z.boolean(),
  /**
   * The key was saved for another gateway address and is not sent to this one: re-enter it
   * (a key goes only to the address it was saved for).
   */
  gatewayChanged: z.boolean(),
  savedAt: z.string().nullable(),
});
export type VaultStatus = z.infer<typeof vaultStatusSchema>;

export const setApiKeyInputSchema = z.object({
  /** Checked and trimmed by the vault, which answers empty input with a clear message. */
  apiKey: z.string().max(1000),
  /** The creator agreed to store the key where the OS keychain does not protect it. */
  acceptUnprotected: z.boolean().optional(),
  /** The creator agreed to save the key although the gateway could not be reached to check it. */
  saveUnchecked: z.boolean().optional(),
});
export type SetApiKeyInput = z.input<typeof setApiKeyInputSchema>;

export const vaultContract = {
  'vault:status': channel(noInput, vaultStatusSchema),
  'vault:setKey': channel(setApiKeyInputSchema, vaultStatusSchema),
  /** Asks the gateway again whether the saved key works (e.g. after an unchecked save). */
  'vault:checkKey': channel(noInput, vaultStatusSchema),
  'vault:removeKey': channel(noInput, vaultStatusSchema),
} as const;
