import { ZxcvbnFactory, type ZxcvbnResult } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { randomInt } from 'node:crypto';
import { passwordSchema } from '../../shared/auth';
import { AppError } from '../../shared/errors';

// ~49,000 most common passwords (zxcvbn-ts), compared case-insensitively.
let common: Set<string> | null = null;
const commonPasswords = (): Set<string> => (common ??= new Set(dictionary['passwords-common'].map((p) => p.toLowerCase())));

export const isCommonPassword = (password: string): boolean => commonPasswords().has(password.toLowerCase());

/**
 * zxcvbn's estimate of the guesses an attacker needs, at least 10^10 (its score 4). A plain list
 * only knows whole passwords; long ones are weak in other ways — "x" 72 times, a keyboard row, a
 * word repeated, a date — that the estimator finds in any part of the password. At bcrypt cost 12
 * that is days of a stolen-database attack, and impossible through the sign-in throttle.
 */
export const MIN_GUESSES_LOG10 = 10;

let estimator: ZxcvbnFactory | null = null;
const estimate = (password: string, userInputs: string[]): ZxcvbnResult =>
  (estimator ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs })).check(password, userInputs);

const COMMON_MESSAGE = 'This password is on a list of commonly used passwords. Choose a less predictable one, such as a few unrelated words.';

type Weakness = 'keyboard' | 'repeat' | 'sequence' | 'date' | 'userInputs' | 'common';

const WEAKNESS_MESSAGES: Record<Weakness, string> = {
  keyboard: 'Keyboard patterns such as “qwerty” or “1qaz2wsx” are among the first things guessed. Choose a few unrelated words instead.',
  repeat: 'Repeated characters or words (“aaaa”, “abcabc”) are easy to guess, however long. Choose a few unrelated words instead.',
  sequence: 'Sequences such as “abcd” or “1234” are easy to guess. Choose a few unrelated words instead.',
  date: 'Dates and years are easy to guess. Choose a few unrelated words instead.',
  userInputs: 'Do not build your password from your name or email address.',
  common: 'This password is made of common passwords or words that are guessed first. Add more unrelated words, or choose others.',
};

const weaknessOf = (m: ZxcvbnResult['sequence'][number]): Weakness | null => {
  switch (m.pattern) {
    case 'spatial':
      return 'keyboard';
    case 'repeat':
      return 'repeat';
    case 'sequence':
      return 'sequence';
    case 'date':
    case 'regex': // its only default pattern is "recent year"
      return 'date';
    case 'dictionary':
      return (m as { dictionaryName?: string }).dictionaryName === 'userInputs' ? 'userInputs' : 'common';
    default:
      return null;
  }
};

/**
 * zxcvbn gives its own warning only for its lowest scores, so the reason is read from what it
 * found: the kind of pattern covering most of the password (one's own name or email first).
 */
function weaknessMessage(result: ZxcvbnResult): string {
  const covered = new Map<Weakness, number>();
  for (const m of result.sequence) {
    const kind = weaknessOf(m);
    if (kind) covered.set(kind, (covered.get(kind) ?? 0) + m.j - m.i + 1);
  }
  if (covered.has('userInputs')) return WEAKNESS_MESSAGES.userInputs;
  const top = [...covered].sort((a, b) => b[1] - a[1])[0]?.[0];
  return top ? WEAKNESS_MESSAGES[top] : 'This password would be too easy to guess. Make it longer, for example a few unrelated words.';
}

/** What a password must not be built from: the account's own name and email, and their parts. */
export const accountWords = (name: string, email: string): string[] =>
  [name, email, email.split('@')[0] ?? '', ...name.split(/\s+/)].filter((w) => [...w].length >= 3);

/** Why a new password is refused, or null when it is acceptable. `userInputs`: the account's name and email. */
export function passwordProblem(password: string, userInputs: string[] = []): string | null {
  const parsed = passwordSchema.safeParse(password);
  if (!parsed.success) return parsed.error.issues[0]?.message ?? 'Choose another password.';
  if (isCommonPassword(password)) return COMMON_MESSAGE;
  const result = estimate(password, [...userInputs.filter(Boolean), 'workshop', 'booking']);
  return result.guessesLog10 >= MIN_GUESSES_LOG10 ? null : weaknessMessage(result);
}

/**
 * The full password policy for any new password: the shared length rules, the common-password list
 * and the guessability estimate. Throws VALIDATION with the message on `field`.
 */
export function assertAcceptablePassword(password: string, field = 'password', userInputs: string[] = []): void {
  const message = passwordProblem(password, userInputs);
  if (message) throw new AppError('VALIDATION', message, { fieldErrors: { [field]: [message] } });
}

// No 0/O, 1/I/l: a temporary password is read aloud or copied from a screen.
const TEMP_ALPHABET = 'abcdefghjkmnpqrstuvwxyzACDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A one-time password an admin hands over, e.g. "k7Qm-xP3d-Ra9w-Tz4e" (about 95 bits). */
export function generateTemporaryPassword(): string {
  const group = () => Array.from({ length: 4 }, () => TEMP_ALPHABET[randomInt(TEMP_ALPHABET.length)]).join('');
  return [group(), group(), group(), group()].join('-');
}
