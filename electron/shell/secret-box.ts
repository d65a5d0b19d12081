import { safeStorage } from 'electron';
import type { SecretBox } from '../settings/secret-box';

/**
 * Electron's safeStorage (Keychain, DPAPI, libsecret/kwallet), usable once the app is ready. On
 * Linux without a keyring Chromium falls back to a key built into every copy ('basic_text'): that
 * protects nothing, so it counts as unavailable and the settings screen says so.
 * The synchronous calls are deprecated in Electron 45 in favour of async ones; the settings store
 * reads synchronously (the station name on every call), so they stay until it is made async.
 */
export function safeStorageBox(): SecretBox {
  const available = safeStorage.isEncryptionAvailable() && !(process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text');
  return {
    available,
    encrypt: (plain) => safeStorage.encryptString(plain).toString('base64'),
    decrypt: (cipher) => safeStorage.decryptString(Buffer.from(cipher, 'base64')),
  };
}
