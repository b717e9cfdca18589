/**
 * Encrypts secrets before they reach a store. In the app this is Electron's safeStorage
 * (async API); tests use `createTestSecretBox`. Kept as an interface so services never
 * import electron.
 */
export interface SecretBox {
  /** Whether encryption is possible at all right now. */
  isAvailable(): Promise<boolean>;
  /** The backend in use ('basic_text', 'gnome_libsecret', 'keychain', 'dpapi', 'test', ...). */
  backend(): string;
  /** True when the OS keychain protects the key (false for Linux basic_text). */
  isOsProtected(): boolean;
  encrypt(plain: string): Promise<Buffer>;
  decrypt(cipher: Buffer): Promise<string>;
}

/** A reversible, non-plain-text box for tests: XOR with a fixed pad, then a marker. */
export function createTestSecretBox(
  options: { osProtected?: boolean; backend?: string } = {},
): SecretBox {
  const pad = Buffer.from('doorman-test-secret-box-pad-0123456789');
  const xor = (data: Buffer) => Buffer.from(data.map((b, i) => b ^ pad[i % pad.length]!));
  return {
    isAvailable: async () => true,
    backend: () => options.backend ?? 'test',
    isOsProtected: () => options.osProtected ?? true,
    encrypt: async (plain) => Buffer.concat([Buffer.from('TB1:'), xor(Buffer.from(plain, 'utf8'))]),
    decrypt: async (cipher) => {
      if (cipher.subarray(0, 4).toString() !== 'TB1:')
        throw new Error('not a test secret box value');
      return xor(cipher.subarray(4)).toString('utf8');
    },
  };
}
