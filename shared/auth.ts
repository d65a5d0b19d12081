import { z } from 'zod';
import { text } from './text';
import { ROLES } from './roles';

export const PASSWORD_MIN_CHARS = 12;
/** bcrypt only reads the first 72 bytes: longer passwords are refused, never silently truncated. */
export const PASSWORD_MAX_BYTES = 72;

const utf8Length = (s: string): number => new TextEncoder().encode(s).length;

/**
 * Length rules shared by the renderer (instant feedback) and the main process.
 * The common-password check needs the bundled list and runs in the main process only.
 */
export const passwordSchema = text()
  .refine((s) => [...s].length >= PASSWORD_MIN_CHARS, { message: `Use at least ${PASSWORD_MIN_CHARS} characters.` })
  .refine((s) => utf8Length(s) <= PASSWORD_MAX_BYTES, {
    message: `Too long: at most ${PASSWORD_MAX_BYTES} bytes (about ${PASSWORD_MAX_BYTES} letters, fewer with accents or emoji).`,
  });

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

export interface SessionInfo {
  user: SessionUser;
  /** When the session ends at the latest (absolute limit), ISO string. */
  expiresAt: string;
  /** Idle limit in seconds: the session ends after this long without any action. */
  idleTimeoutSeconds: number;
}
