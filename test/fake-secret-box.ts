import type { SecretBox } from '../electron/settings/secret-box';

/** Stands in for Electron's safeStorage: reversible, tied to one key, and visibly not the clear text. */
export function fakeSecretBox(key = 'this-computer'): SecretBox {
  return {
    available: true,
    encrypt: (plain) => Buffer.from(`${key}:${plain}`).toString('base64').split('').reverse().join(''),
    decrypt: (cipher) => {
      const plain = Buffer.from(cipher.split('').reverse().join(''), 'base64').toString('utf8');
      if (!plain.startsWith(`${key}:`)) throw new Error('not encrypted with this key');
      return plain.slice(key.length + 1);
    },
  };
}

/** A computer without a key store (Linux without a keyring). */
export const UNAVAILABLE_SECRET_BOX: SecretBox = {
  available: false,
  encrypt: () => {
    throw new Error('no key store');
  },
  decrypt: () => {
    throw new Error('no key store');
  },
};
