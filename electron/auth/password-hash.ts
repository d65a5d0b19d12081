import { createHmac } from 'node:crypto';
import bcrypt from 'bcrypt';

/**
 * Stored password hashes.
 *
 * bcrypt reads only the first 72 bytes of its input: 64 accented letters already exceed that, and
 * anything typed after byte 72 would be ignored. So a password is first reduced to a fixed-size
 * digest — HMAC-SHA-256 under a constant, public domain key, base64-encoded (44 ASCII characters,
 * no NUL byte for bcrypt to stop at) — and that digest is bcrypt-hashed. The key is not a secret:
 * it only keeps these digests apart from a plain SHA-256 of the same password found elsewhere.
 *
 * `$wbh1$` marks this scheme, so the hashes written before it (plain bcrypt of the password, from
 * a policy that refused anything over 72 bytes) still verify and are rewritten at the next
 * successful sign-in (see `needsRehash`).
 */
export const HASH_PREFIX = '$wbh1$';
const DOMAIN_KEY = 'workshop-booking/password/v1';
/** The old policy refused longer passwords, so no legacy hash can belong to one. */
const LEGACY_MAX_BYTES = 72;

// NFC: the same password typed on two keyboards may arrive composed ("é") or decomposed ("e"+"́").
const prehash = (password: string): string => createHmac('sha256', DOMAIN_KEY).update(password.normalize('NFC'), 'utf8').digest('base64');

export async function hashPassword(password: string, cost: number): Promise<string> {
  return HASH_PREFIX + (await bcrypt.hash(prehash(password), cost));
}

export async function verifyPassword(password: string, stored: string | null | undefined): Promise<boolean> {
  if (!stored) return false;
  if (stored.startsWith(HASH_PREFIX)) return bcrypt.compare(prehash(password), stored.slice(HASH_PREFIX.length));
  // Legacy plain bcrypt: anything past 72 bytes would be silently ignored, and no such password was ever accepted.
  if (Buffer.byteLength(password, 'utf8') > LEGACY_MAX_BYTES) return false;
  return bcrypt.compare(password, stored);
}

/** A hash of the old scheme, or of a lower cost than configured: worth rewriting once the password is known. */
export function needsRehash(stored: string, cost: number): boolean {
  if (!stored.startsWith(HASH_PREFIX)) return true;
  const rounds = Number(/^\$2[aby]\$(\d{2})\$/.exec(stored.slice(HASH_PREFIX.length))?.[1]);
  return !Number.isFinite(rounds) || rounds < cost;
}
