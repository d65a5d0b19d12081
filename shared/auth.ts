import { z } from 'zod';
import { text } from './text';
import { ROLES, type Surface } from './roles';

export const PASSWORD_MIN_CHARS = 12;
/**
 * Characters (code points), not bytes: 128 accented letters or emoji are as welcome as 128 ASCII
 * ones. The main process pre-hashes before bcrypt, so nothing past its 72-byte limit is ignored.
 */
export const PASSWORD_MAX_CHARS = 128;

const charCount = (s: string): number => [...s].length;

/**
 * Length rules shared by the renderer (instant feedback) and the main process. How guessable a
 * password is (common lists, keyboard walks, repeats) needs the bundled dictionaries and is judged
 * in the main process only.
 */
export const passwordSchema = text()
  .refine((s) => s.trim().length > 0, { message: 'A password cannot be only spaces.', abort: true })
  .refine((s) => charCount(s) >= PASSWORD_MIN_CHARS, { message: `Use at least ${PASSWORD_MIN_CHARS} characters.` })
  .refine((s) => charCount(s) <= PASSWORD_MAX_CHARS, { message: `Too long: use at most ${PASSWORD_MAX_CHARS} characters.` });

export const emailSchema = text()
  .trim()
  .min(1, 'Enter an email address.')
  .max(254, 'That email address is too long.')
  .pipe(z.email('Enter a valid email address, like name@example.com.'))
  .transform((s) => s.toLowerCase());

export const personNameSchema = text().trim().min(1, 'Enter a name.').max(120, 'Keep the name under 120 characters.');

export const signInInput = z.object({
  email: emailSchema,
  // Not the full password policy: old or temporary passwords must still be accepted here.
  password: text().min(1, 'Enter your password.').max(1024, 'That password is too long.'),
});

export const signUpInput = z.object({
  name: personNameSchema,
  email: emailSchema,
  password: passwordSchema,
});

export const createFirstAdminInput = signUpInput;

export const changePasswordInput = z
  .object({
    currentPassword: text().min(1, 'Enter your current password.').max(1024),
    newPassword: passwordSchema,
  })
  .refine((v) => v.currentPassword !== v.newPassword, {
    message: 'Choose a password different from the current one.',
    path: ['newPassword'],
  });

export const roleSchema = z.enum(ROLES);

export interface SessionUser {
  id: string;
  name: string;
  email: string;
  role: (typeof ROLES)[number];
  mustChangePassword: boolean;
}

/** One signed-in window of the account, as My account lists it. */
export interface SignedInSession {
  /** Opaque; only tells the rows apart. */
  id: string;
  /** The station's name when it was opened (null for sessions from before stations were recorded). */
  station: string | null;
  surface: Surface | null;
  since: string;
  lastActive: string;
  /** The window asking. */
  current: boolean;
}

export interface SessionInfo {
  user: SessionUser;
  /** When the session ends at the latest (absolute limit), ISO string. */
  expiresAt: string;
  /** Idle limit in seconds: the session ends after this long without any action. */
  idleTimeoutSeconds: number;
}
