import type { Kysely, Transaction } from 'kysely';
import type { SignedInSession } from '../../shared/auth';
import { isOrganiser, SURFACES, type Role, type Surface } from '../../shared/roles';
import { writeAudit } from '../audit/audit.service';
import { actorOf, type Caller } from '../core/caller';
import type { CoreContext } from '../core/context';
import { transact } from '../core/requests';
import type { Database } from '../db/schema';
import { deleteSessions } from './accounts';
import type { ClientSession } from './session-store';

type Db = Kysely<Database> | Transaction<Database>;

/** Last-active times are written at most this often: a call per window per minute, not per call. */
export const ACTIVITY_WRITE_MS = 60_000;

export const limitsFor = (ctx: CoreContext, role: Role): { lifetime: number; idle: number } =>
  isOrganiser(role)
    ? { lifetime: ctx.sessionPolicy.organiserLifetimeSeconds, idle: ctx.sessionPolicy.organiserIdleSeconds }
    : { lifetime: ctx.sessionPolicy.attendeeLifetimeSeconds, idle: ctx.sessionPolicy.attendeeIdleSeconds };

/**
 * The stored row's expiry follows the app's policy rather than better-auth's default (a day for a
 * session that is not "remembered"): the role's absolute limit from sign-in, or the idle limit
 * from the last activity, whichever comes first. A window that vanished without signing out (the
 * app killed) thus leaves a row that stops being listed once it could no longer be used.
 */
const expiryOf = (openedAtMs: number, activeMs: number, limits: { lifetime: number; idle: number }): Date =>
  new Date(Math.min(openedAtMs + limits.lifetime * 1000, activeMs + limits.idle * 1000));

/** Right after better-auth made the row: where it was opened, on the core's clock. */
export async function stampOpenedSession(db: Db, held: ClientSession, caller: Caller, role: Role, ctx: CoreContext): Promise<void> {
  const opened = new Date(held.openedAtMs);
  await db
    .updateTable('session')
    .set({ station: caller.station, surface: caller.surface, createdAt: opened, last_active_at: opened, expiresAt: expiryOf(held.openedAtMs, held.openedAtMs, limitsFor(ctx, role)) })
    .where('token', '=', held.token)
    .execute();
  held.lastStoredMs = held.openedAtMs;
}

/** Keeps "last active" (and so the idle expiry) of the row current, a minute at a time. */
export async function recordActivity(ctx: CoreContext, held: ClientSession, role: Role, nowMs: number): Promise<void> {
  if (nowMs - (held.lastStoredMs ?? 0) < ACTIVITY_WRITE_MS) return;
  held.lastStoredMs = nowMs;
  await ctx.db
    .updateTable('session')
    .set({ last_active_at: new Date(nowMs), expiresAt: expiryOf(held.openedAtMs, nowMs, limitsFor(ctx, role)) })
    .where('token', '=', held.token)
    .execute();
}

const asSurface = (s: string | null): Surface | null => ((SURFACES as readonly string[]).includes(s ?? '') ? (s as Surface) : null);

/** The account's sessions that can still be used, most recently active first. */
export async function listSignedIn(ctx: CoreContext, caller: Caller): Promise<SignedInSession[]> {
  const rows = await ctx.db
    .selectFrom('session')
    .select(['id', 'token', 'station', 'surface', 'createdAt', 'last_active_at'])
    .where('userId', '=', caller.user!.id)
    .where('expiresAt', '>', ctx.now())
    .orderBy('last_active_at', (ob) => ob.desc().nullsLast())
    .orderBy('createdAt', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    station: r.station,
    surface: asSurface(r.surface),
    since: new Date(r.createdAt).toISOString(),
    lastActive: new Date(r.last_active_at ?? r.createdAt).toISOString(),
    current: r.token === caller.sessionToken,
  }));
}

/** Every other session of the account ends; their stations find out at their next call. */
export async function signOutOthers(ctx: CoreContext, caller: Caller): Promise<{ ended: number }> {
  const user = caller.user!;
  return transact(ctx, caller, async (trx) => {
    const ended = await deleteSessions(trx, user.id, caller.sessionToken);
    await writeAudit(trx, actorOf(caller), { action: 'auth.sign_out_others', entityType: 'user', entityId: user.id, after: { ended } });
    return { ended };
  });
}

/** The app is quitting: the sessions of its windows end with it rather than lingering in the list. */
export async function endHeldSessions(ctx: CoreContext): Promise<void> {
  const tokens = ctx.sessions.forgetAll().map((s) => s.token);
  if (tokens.length) await ctx.db.deleteFrom('session').where('token', 'in', tokens).execute();
}
