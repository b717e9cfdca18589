import { safeStorage } from 'electron';
import type { SecretBox } from './secret-box';

/**
 * Electron safeStorage behind the SecretBox interface (async API, Electron 45+).
 * On Linux the backend may be `basic_text`: encryption then uses a hard-coded password, so
 * the key is NOT protected by the OS keychain, and the vault asks the creator to agree.
 * https://www.electronjs.org/docs/latest/api/safe-storage
 */
export function createSafeStorageBox(platform: NodeJS.Platform): SecretBox {
  const backend = () => {
    if (platform === 'darwin') return 'keychain';
    if (platform === 'win32') return 'dpapi';
    if (platform === 'linux') return safeStorage.getSelectedStorageBackend();
    return 'unknown';
  };
  return {
    isAvailable: () => safeStorage.isAsyncEncryptionAvailable(),
    backend,
    isOsProtected: () => {
      const name = backend();
      return name !== 'basic_text' && name !== 'unknown';
    },
    encrypt: (plain) => safeStorage.encryptStringAsync(plain),
    decrypt: async (cipher) => (await safeStorage.decryptStringAsync(cipher)).result,
  };
}
