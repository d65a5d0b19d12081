import { randomBytes } from 'node:crypto';
import { betterAuth } from 'better-auth';
import type { Kysely } from 'kysely';
import { hashPassword, verifyPassword } from './password-hash';

export interface AuthInstanceOptions {
  bcryptCost: number;
  /** Absolute session lifetime in seconds; our own idle limit is enforced by the session store. */
  sessionLifetimeSeconds: number;
}

/**
 * better-auth, called in-process (no HTTP server). Account rows are written by our own services
 * inside our transactions (so each write has its audit row); better-auth verifies passwords and
 * owns sessions. The signing secret is per process: cookies never leave this process and are
 * dropped on restart, so nothing needs to persist it.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function createAuthInstance(db: Kysely<any>, opts: AuthInstanceOptions) {
  return betterAuth({
    appName: 'Workshop Booking',
    baseURL: 'http://workshop-booking.localhost',
    secret: randomBytes(32).toString('hex'),
    database: { db, type: 'postgres' },
    telemetry: { enabled: false },
    // Failed sign-ins are expected traffic; we count and audit them ourselves.
    logger: { level: 'error' },
    emailAndPassword: {
      enabled: true,
      // Our shared schema enforces the password rules before anything reaches better-auth.
      minPasswordLength: 1,
      maxPasswordLength: 1024,
      password: {
        // Ours, so better-auth verifies exactly what we store (pre-hashed bcrypt, or a legacy hash).
        hash: (password: string) => hashPassword(password, opts.bcryptCost),
        verify: ({ hash, password }: { hash: string; password: string }) => verifyPassword(password, hash),
      },
    },
    user: {
      additionalFields: {
        role: { type: 'string', required: true, defaultValue: 'attendee', input: false },
        disabled: { type: 'boolean', required: true, defaultValue: false, input: false },
        mustChangePassword: { type: 'boolean', required: true, defaultValue: false, input: false },
      },
    },
    session: {
      // The upper bound; each row's own expiry is then set from the role's limits and activity
      // (sessions.service), since better-auth would store a day for a session not "remembered".
      expiresIn: opts.sessionLifetimeSeconds,
      // Never slide: the lifetime is an absolute limit. Idle expiry is ours (see session-store).
      updateAge: opts.sessionLifetimeSeconds * 2,
      cookieCache: { enabled: false },
    },
    rateLimit: { enabled: false },
    advanced: { database: { generateId: () => crypto.randomUUID() } },
  });
}

export type AuthInstance = ReturnType<typeof createAuthInstance>;
