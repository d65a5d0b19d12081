/**
 * Encrypts small secrets at rest with a key this process does not hold in the file system (the OS
 * keychain, through Electron's safeStorage in the shell). Core code sees only this interface, so it
 * runs under plain Node and tests can pass a fake.
 */
export interface SecretBox {
  /** False when the OS offers no real key store: secrets are then kept in clear, and the app says so. */
  readonly available: boolean;
  encrypt(plain: string): string;
  /** Throws when the text was not encrypted by this box (another computer or user account). */
  decrypt(cipher: string): string;
}

/** The box of a process that has no key store: the command-line tools, tests, and the e2e bridge. */
export const NO_SECRET_BOX: SecretBox = {
  available: false,
  encrypt: () => {
    throw new Error('No secret storage on this computer');
  },
  decrypt: () => {
    throw new Error('No secret storage on this computer');
  },
};
