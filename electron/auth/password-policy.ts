import { dictionary } from '@zxcvbn-ts/language-common';
import { randomInt } from 'node:crypto';
import { passwordSchema } from '../../shared/auth';
import { AppError } from '../../shared/errors';

// ~49,000 most common passwords (zxcvbn-ts), compared case-insensitively.
let common: Set<string> | null = null;
const commonPasswords = (): Set<string> => (common ??= new Set(dictionary['passwords-common'].map((p) => p.toLowerCase())));

export const isCommonPassword = (password: string): boolean => commonPasswords().has(password.toLowerCase());

/**
 * The full password policy for any new password: the shared length rules plus the
 * common-password list. Throws VALIDATION with the message on `field`.
 */
export function assertAcceptablePassword(password: string, field = 'password'): void {
  const parsed = passwordSchema.safeParse(password);
  const message = !parsed.success
    ? (parsed.error.issues[0]?.message ?? 'Choose another password.')
    : isCommonPassword(password)
      ? 'This password is on a list of commonly used passwords. Choose a less predictable one, such as a few unrelated words.'
      : null;
  if (message) throw new AppError('VALIDATION', message, { fieldErrors: { [field]: [message] } });
}

// No 0/O, 1/I/l: a temporary password is read aloud or copied from a screen.
const TEMP_ALPHABET = 'abcdefghjkmnpqrstuvwxyzACDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A one-time password an admin hands over, e.g. "k7Qm-xP3d-Ra9w-Tz4e" (about 95 bits). */
export function generateTemporaryPassword(): string {
  const group = () => Array.from({ length: 4 }, () => TEMP_ALPHABET[randomInt(TEMP_ALPHABET.length)]).join('');
  return [group(), group(), group(), group()].join('-');
}
