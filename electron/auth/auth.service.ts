import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { changePasswordInput, signInInput, signUpInput } from '../../shared/auth';
import type { SessionInfo, SessionUser } from '../../shared/auth';
import { AppError } from '../../shared/errors';
import { ROLES, type Role } from '../../shared/roles';
import { writeAudit } from '../audit/audit.service';
import { actorOf, powersAt, type Caller } from '../core/caller';
import type { CoreContext } from '../core/context';
import type { Database } from '../db/schema';
import { inBetterAuthCall } from './better-auth-scope';
import { deleteSessions, getPasswordHash, hashPassword, insertAccount, isEmailTaken, setPasswordHash } from './accounts';
import { reserveAttempt, settleSuccess, signInBuckets, signUpBuckets, type Reservation } from './login-throttle';
import { needsRehash, verifyPassword } from './password-hash';
import { accountWords, assertAcceptablePassword } from './password-policy';
import { limitsFor, recordActivity, stampOpenedSession } from './sessions.service';

export interface ResolvedSession {
  user: SessionUser;
  token: string;
  createdAt: Date;
}

export const KIOSK_NEEDS_WORKSTATION = 'Sign in at a staff workstation first.';
const INVALID_CREDENTIALS = 'Email or password is incorrect.';
const DISABLED_MESSAGE = 'This account has been disabled. Ask an administrator.';
/** Also what an owner of an existing account reads: it must not say that the email is taken. */
export const SIGN_UP_REFUSED = 'No account could be created with these details. If you already have an account, sign in instead — or ask at the desk to reset your password.';

const seenFrom = (caller: Caller, info: SessionInfo): SessionInfo => ({ ...info, user: powersAt(caller.surface, info.user) });

export function sessionInfoOf(ctx: CoreContext, s: ResolvedSession): SessionInfo {
  const { lifetime, idle } = limitsFor(ctx, s.user.role);
  return { user: s.user, expiresAt: new Date(s.createdAt.getTime() + lifetime * 1000).toISOString(), idleTimeoutSeconds: idle };
}

/**
 * The session a client holds right now, or null. Ends it (in the database too) when it is past
 * its absolute or idle limit, or when the account was disabled, and remembers why.
 */
export async function resolveSession(ctx: CoreContext, clientId: string): Promise<ResolvedSession | null> {
  const held = ctx.sessions.get(clientId);
  if (!held) return null;
  const now = ctx.now();
  // Read directly rather than through better-auth's getSession: it hides a driver error (an outage)
  // behind "Failed to get session", and this is one indexed lookup on every call. The cookie's
  // signature needs no checking here: this process made it and never let it out.
  // Known already, and nothing has said it changed since: no round trip (revocation arrives by
  // notification from any station, see SessionStore.trusts).
  const found = ctx.sessions.trusts(held.verified)
    ? held.verified.account
    : await ctx.db
        .selectFrom('session as s')
        .innerJoin('user as u', 'u.id', 's.userId')
        .select(['u.id', 'u.name', 'u.email', 'u.role', 'u.disabled', 'u.mustChangePassword'])
        .where('s.token', '=', held.token)
        .executeTakeFirst();
  if (found && held.verified?.account !== found) held.verified = { account: found, atMs: Date.now() };
  // The limits are checked below on the core's clock, in memory; the row's own expiry follows them
  // a minute at a time (sessions.service) so that other stations can list what is still open.
  if (!found) {
    // Ended elsewhere: say why when we can tell.
    const user = await ctx.db.selectFrom('user').select('disabled').where('id', '=', held.userId).executeTakeFirst();
    ctx.sessions.end(clientId, user?.disabled ? DISABLED_MESSAGE : 'Your session was ended (signed out elsewhere, or the account was changed by an administrator). Please sign in again.');
    return null;
  }
  const u = found;
  const role = (ROLES as readonly string[]).includes(u.role) ? (u.role as Role) : 'attendee';
  const { lifetime, idle } = limitsFor(ctx, role);
  const createdAt = new Date(held.openedAtMs);
  const reason = u.disabled
    ? DISABLED_MESSAGE
    : now.getTime() - createdAt.getTime() > lifetime * 1000
      ? `Your session reached its ${Math.round(lifetime / 3600)}-hour limit. Please sign in again.`
      : now.getTime() - held.lastActivityMs > idle * 1000
        ? `You were signed out after ${Math.round(idle / 60)} minutes without activity. Please sign in again.`
        : null;
  if (reason) {
    await ctx.db.deleteFrom('session').where('token', '=', held.token).execute();
    ctx.sessions.end(clientId, reason);
    return null;
  }
  ctx.sessions.touch(clientId, now.getTime(), role);
  await recordActivity(ctx, held, role, now.getTime());
  return {
    token: held.token,
    createdAt,
    user: { id: u.id, name: u.name, email: u.email, role, mustChangePassword: Boolean(u.mustChangePassword) },
  };
}

const isBadCredentials = (e: unknown): boolean => {
  const err = e as { statusCode?: number; status?: string };
  return err?.statusCode === 401 || err?.status === 'UNAUTHORIZED';
};

/** Asks better-auth for a session; the cookie it signs stays in this process. */
async function openSession(ctx: CoreContext, caller: Caller, email: string, password: string): Promise<ResolvedSession | null> {
  let res;
  try {
    res = await inBetterAuthCall(() => ctx.auth.api.signInEmail({ body: { email, password, rememberMe: false }, returnHeaders: true }));
  } catch (e) {
    if (isBadCredentials(e)) return null;
    throw e;
  }
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const openedAtMs = ctx.now().getTime();
  const held = { cookie, token: res.response.token, userId: res.response.user.id, openedAtMs, lastActivityMs: openedAtMs };
  ctx.sessions.set(caller.clientId, held);
  const role = (ROLES as readonly string[]).includes(String(res.response.user.role)) ? (res.response.user.role as Role) : 'attendee';
  await stampOpenedSession(ctx.db, held, caller, role, ctx);
  return resolveSession(ctx, caller.clientId);
}

/**
 * The attempt is counted before the password is hashed (see login-throttle): what the throttle
 * refuses never reaches bcrypt, whatever the number of stations trying at once.
 */
export async function signIn(ctx: CoreContext, caller: Caller, input: z.output<typeof signInInput>): Promise<SessionInfo> {
  const now = ctx.now();
  const reservation = await reserveAttempt(ctx.db, signInBuckets(input.email, caller.station), now);
  // The window's current session ends only once the new one is open: a wrong password changes nothing.
  const previous = ctx.sessions.get(caller.clientId);
  const opened = await openSession(ctx, caller, input.email, input.password);
  if (!opened) {
    const reason = ctx.sessions.takeEndedReason(caller.clientId);
    if (previous && !ctx.sessions.get(caller.clientId)) ctx.sessions.set(caller.clientId, previous);
    // A disabled account's right password answers and counts exactly like a wrong one: a different
    // answer, or a lockout that never comes, would tell a guesser the password was right.
    const disabled = reason === DISABLED_MESSAGE;
    await writeAudit(ctx.db, actorOf(caller), { action: 'auth.sign_in_failed', entityType: 'account', entityId: input.email, after: disabled ? { disabledAccount: true } : undefined });
    throw new AppError('UNAUTHENTICATED', INVALID_CREDENTIALS);
  }
  if (caller.surface === 'kiosk' && opened.user.mustChangePassword) {
    // A new password chosen at a public screen could be watched, or chosen by whoever stands there
    // with a default one (the demo admin's): such accounts start at a staff workstation.
    await ctx.db.transaction().execute(async (trx) => {
      await settleSuccess(trx, reservation, now);
      await trx.deleteFrom('session').where('token', '=', opened.token).execute();
      await writeAudit(trx, { actorId: opened.user.id, actorEmail: opened.user.email, station: caller.station, surface: caller.surface }, { action: 'auth.sign_in_refused', entityType: 'user', entityId: opened.user.id, after: { reason: 'password change required at the kiosk' } });
    });
    ctx.sessions.forget(caller.clientId);
    if (previous) ctx.sessions.set(caller.clientId, previous);
    throw new AppError('FORBIDDEN', KIOSK_NEEDS_WORKSTATION);
  }
  const upgrade = await rehashIfNeeded(ctx, opened.user.id, input.password);
  await ctx.db.transaction().execute(async (trx) => {
    await settleSuccess(trx, reservation, now);
    const upgraded = upgrade ? await upgrade(trx) : false;
    if (previous) await trx.deleteFrom('session').where('token', '=', previous.token).execute();
    await writeAudit(trx, { actorId: opened.user.id, actorEmail: opened.user.email, station: caller.station, surface: caller.surface }, {
      action: 'auth.sign_in',
      entityType: 'user',
      entityId: opened.user.id,
      after: upgraded ? { surface: caller.surface, passwordHashUpgraded: true } : { surface: caller.surface },
    });
  });
  return seenFrom(caller, sessionInfoOf(ctx, opened));
}

/**
 * A hash of the old scheme (plain bcrypt) or a lower cost is rewritten now that the password is
 * known to be right. Hashed outside the transaction (slow work holds no lock); written only if the
 * stored hash is still the one just verified, so a password changed meanwhile is never overwritten.
 */
async function rehashIfNeeded(ctx: CoreContext, userId: string, password: string): Promise<((trx: Transaction<Database>) => Promise<boolean>) | null> {
  const stored = await getPasswordHash(ctx.db, userId);
  if (!stored || !needsRehash(stored, ctx.bcryptCost)) return null;
  const fresh = await hashPassword(password, ctx.bcryptCost);
  return async (trx) => {
    const res = await trx
      .updateTable('account')
      .set({ password: fresh, updatedAt: ctx.now() })
      .where('userId', '=', userId)
      .where('providerId', '=', 'credential')
      .where('password', '=', stored)
      .executeTakeFirst();
    return Number(res.numUpdatedRows) > 0;
  };
}

/**
 * Attendees register themselves; staff and admin accounts are made by an admin (users service).
 * An email that already has an account gets the same neutral refusal whoever asks, and sign-ups are
 * limited per station, so the form cannot be used to list who has an account.
 */
export async function signUp(ctx: CoreContext, caller: Caller, input: z.output<typeof signUpInput>): Promise<SessionInfo> {
  // The policy first: it needs no secret and tells nothing about the email, so a struggle with the
  // password rules does not use up the station's sign-ups.
  assertAcceptablePassword(input.password, 'password', accountWords(input.name, input.email));
  await reserveAttempt(ctx.db, signUpBuckets(caller.station), ctx.now());
  try {
    return await createAccountAndSignIn(ctx, caller, { ...input, role: 'attendee' }, 'auth.sign_up');
  } catch (e) {
    if (isEmailTaken(e)) throw new AppError('CONFLICT', SIGN_UP_REFUSED);
    throw e;
  }
}

export async function createAccountAndSignIn(
  ctx: CoreContext,
  caller: Caller,
  input: { name: string; email: string; password: string; role: Role },
  action: string,
  /** Runs first inside the transaction, e.g. "no account may exist yet" for the first admin. */
  guard?: (trx: Transaction<Database>) => Promise<void>,
): Promise<SessionInfo> {
  assertAcceptablePassword(input.password, 'password', accountWords(input.name, input.email));
  const passwordHash = await hashPassword(input.password, ctx.bcryptCost);
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    if (guard) await guard(trx);
    const user = await insertAccount(trx, { name: input.name, email: input.email, role: input.role, passwordHash, mustChangePassword: false }, now);
    await writeAudit(trx, { actorId: user.id, actorEmail: user.email, station: caller.station, surface: caller.surface }, { action, entityType: 'user', entityId: user.id, after: user });
  });
  await endClientSession(ctx, caller);
  const opened = await openSession(ctx, caller, input.email, input.password);
  if (!opened) throw new AppError('INTERNAL', 'The account was created but signing in failed. Try signing in.');
  return sessionInfoOf(ctx, opened);
}

async function endClientSession(ctx: CoreContext, caller: Caller): Promise<void> {
  const held = ctx.sessions.forget(caller.clientId);
  if (held) await ctx.db.deleteFrom('session').where('token', '=', held.token).execute();
}

export async function signOut(ctx: CoreContext, caller: Caller): Promise<null> {
  const held = ctx.sessions.get(caller.clientId);
  await endClientSession(ctx, caller);
  if (held && caller.user) {
    await writeAudit(ctx.db, actorOf(caller), { action: 'auth.sign_out', entityType: 'user', entityId: caller.user.id });
  }
  return null;
}

/**
 * Ends the account's other sessions (other windows, other stations); this one stays. A wrong
 * current password is a guess like a wrong sign-in: counted by the same throttle, before hashing.
 */
export async function changePassword(ctx: CoreContext, caller: Caller, input: z.output<typeof changePasswordInput>): Promise<SessionInfo> {
  const user = caller.user!;
  assertAcceptablePassword(input.newPassword, 'newPassword', accountWords(user.name, user.email));
  const now = ctx.now();
  const reservation: Reservation = await reserveAttempt(ctx.db, signInBuckets(user.email, caller.station), now);
  if (!(await verifyPassword(input.currentPassword, await getPasswordHash(ctx.db, user.id)))) {
    await writeAudit(ctx.db, actorOf(caller), { action: 'auth.change_password_failed', entityType: 'user', entityId: user.id });
    throw new AppError('VALIDATION', 'The current password is not correct.', {
      fieldErrors: { currentPassword: ['The current password is not correct.'] },
    });
  }
  const hash = await hashPassword(input.newPassword, ctx.bcryptCost);
  await ctx.db.transaction().execute(async (trx) => {
    await settleSuccess(trx, reservation, now);
    await setPasswordHash(trx, user.id, hash, false, now);
    const ended = await deleteSessions(trx, user.id, caller.sessionToken);
    await writeAudit(trx, actorOf(caller), {
      action: 'auth.change_password',
      entityType: 'user',
      entityId: user.id,
      before: { mustChangePassword: user.mustChangePassword },
      after: { mustChangePassword: false, otherSessionsEnded: ended },
    });
  });
  // The remembered account still says a new password is required: read it again.
  ctx.sessions.forgetVerified(user.id);
  const fresh = await resolveSession(ctx, caller.clientId);
  if (!fresh) throw new AppError('UNAUTHENTICATED', 'Your session has ended. Please sign in again.');
  return sessionInfoOf(ctx, fresh);
}

export async function currentSessionInfo(ctx: CoreContext, caller: Caller): Promise<SessionInfo | null> {
  if (!caller.user) return null;
  const s = await resolveSession(ctx, caller.clientId);
  return s ? seenFrom(caller, sessionInfoOf(ctx, s)) : null;
}
