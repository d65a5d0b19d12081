import { sql, type Transaction } from 'kysely';
import type { z } from 'zod';
import { AppError } from '../../shared/errors';
import type { Role } from '../../shared/roles';
import type { createUserInput, listUsersInput, TemporaryPassword, UserList, UserSummary } from '../../shared/users';
import { deleteSessions, getUserSummary, hashPassword, insertAccount, setPasswordHash, toUserSummary } from '../auth/accounts';
import { accountWords, assertAcceptablePassword, generateTemporaryPassword } from '../auth/password-policy';
import { writeAudit } from '../audit/audit.service';
import { actorOf, type Caller } from '../core/caller';
import type { CoreContext } from '../core/context';
import type { Database } from '../db/schema';
import { transact } from '../core/requests';

const USER_COLUMNS = ['id', 'name', 'email', 'role', 'disabled', 'mustChangePassword', 'createdAt'] as const;

export async function listUsers(ctx: CoreContext, input: z.output<typeof listUsersInput>): Promise<UserList> {
  let q = ctx.db.selectFrom('user');
  if (input.role) q = q.where('role', '=', input.role);
  if (input.search) {
    const like = `%${input.search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb(eb.fn('lower', ['name']), 'like', like), eb('email', 'like', like)]));
  }
  const [rows, total] = await Promise.all([
    q.select(USER_COLUMNS).orderBy('name').orderBy('id').limit(input.limit).offset(input.offset).execute(),
    q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toUserSummary), total: Number(total.n) };
}

export async function createUser(ctx: CoreContext, caller: Caller, input: z.output<typeof createUserInput>): Promise<UserSummary> {
  assertAcceptablePassword(input.password, 'password', accountWords(input.name, input.email));
  const passwordHash = await hashPassword(input.password, ctx.bcryptCost);
  return transact(ctx, caller, async (trx) => {
    const user = await insertAccount(trx, { ...input, passwordHash }, ctx.now());
    await writeAudit(trx, actorOf(caller), { action: 'user.create', entityType: 'user', entityId: user.id, after: user });
    return user;
  });
}

/**
 * Locks every active admin row (always first, always in id order, so concurrent changes queue
 * instead of deadlocking), then the target. Two admins demoting or disabling each other at once
 * from two stations therefore cannot both succeed and leave no admin.
 */
async function lockForAccountChange(trx: Transaction<Database>, userId: string): Promise<{ target: UserSummary; activeAdminIds: string[] }> {
  const admins = await sql<{ id: string }>`select id from "user" where role = 'admin' and disabled = false order by id for update`.execute(trx);
  await sql`select id from "user" where id = ${userId} for update`.execute(trx);
  return { target: await getUserSummary(trx, userId), activeAdminIds: admins.rows.map((r) => r.id) };
}

function assertNotLastAdmin(target: UserSummary, activeAdminIds: string[]): void {
  if (target.role !== 'admin' || target.disabled) return;
  if (activeAdminIds.filter((id) => id !== target.id).length === 0) {
    throw new AppError('CONFLICT', 'This is the last active administrator. Make another account an administrator first.');
  }
}

export async function setRole(ctx: CoreContext, caller: Caller, userId: string, role: Role): Promise<UserSummary> {
  return transact(ctx, caller, async (trx) => {
    const { target: before, activeAdminIds } = await lockForAccountChange(trx, userId);
    if (before.role === role) return before;
    if (role !== 'admin') assertNotLastAdmin(before, activeAdminIds);
    await trx.updateTable('user').set({ role, updatedAt: ctx.now() }).where('id', '=', userId).execute();
    // A role change takes effect at once: the account signs in again under its new role.
    await deleteSessions(trx, userId, userId === caller.user?.id ? caller.sessionToken : null);
    const after = await getUserSummary(trx, userId);
    await writeAudit(trx, actorOf(caller), { action: 'user.set_role', entityType: 'user', entityId: userId, before: { role: before.role }, after: { role } });
    return after;
  });
}

export async function setDisabled(ctx: CoreContext, caller: Caller, userId: string, disabled: boolean): Promise<UserSummary> {
  if (disabled && userId === caller.user?.id) throw new AppError('CONFLICT', 'You cannot disable your own account.');
  return transact(ctx, caller, async (trx) => {
    const { target: before, activeAdminIds } = await lockForAccountChange(trx, userId);
    if (before.disabled === disabled) return before;
    if (disabled) {
      assertNotLastAdmin(before, activeAdminIds);
      await deleteSessions(trx, userId);
    }
    await trx.updateTable('user').set({ disabled, updatedAt: ctx.now() }).where('id', '=', userId).execute();
    const after = await getUserSummary(trx, userId);
    await writeAudit(trx, actorOf(caller), { action: disabled ? 'user.disable' : 'user.enable', entityType: 'user', entityId: userId, before: { disabled: before.disabled }, after: { disabled } });
    return after;
  });
}

/** Returns the temporary password once; only its hash is stored, and it must be changed at sign-in. */
export async function resetPassword(ctx: CoreContext, caller: Caller, userId: string): Promise<TemporaryPassword> {
  await getUserSummary(ctx.db, userId);
  const temporaryPassword = generateTemporaryPassword();
  const hash = await hashPassword(temporaryPassword, ctx.bcryptCost);
  await transact(ctx, caller, async (trx) => {
    await sql`select id from "user" where id = ${userId} for update`.execute(trx);
    await setPasswordHash(trx, userId, hash, true, ctx.now());
    await deleteSessions(trx, userId, userId === caller.user?.id ? caller.sessionToken : null);
    await writeAudit(trx, actorOf(caller), { action: 'user.reset_password', entityType: 'user', entityId: userId, after: { mustChangePassword: true } });
  });
  return { userId, temporaryPassword };
}
