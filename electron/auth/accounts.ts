import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { AppError } from '../../shared/errors';
import type { Role } from '../../shared/roles';
import type { UserSummary } from '../../shared/users';
import type { Database, UserTable } from '../db/schema';
import { isUniqueViolation } from '../db/errors';

type Db = Kysely<Database> | Transaction<Database>;

export { hashPassword } from './password-hash';

export interface NewAccount {
  name: string;
  email: string;
  role: Role;
  passwordHash: string;
  mustChangePassword: boolean;
}

/**
 * Writes a user and its email/password credential the way better-auth reads them
 * (providerId 'credential', accountId = user id). Call inside the caller's transaction.
 */
export async function insertAccount(trx: Transaction<Database>, acc: NewAccount, now: Date): Promise<UserSummary> {
  const id = randomUUID();
  const taken = await trx.selectFrom('user').select('id').where('email', '=', acc.email).executeTakeFirst();
  if (taken) throw emailTaken();
  try {
    await trx
      .insertInto('user')
      .values({ id, name: acc.name, email: acc.email, role: acc.role, mustChangePassword: acc.mustChangePassword, image: null, createdAt: now, updatedAt: now })
      .execute();
  } catch (e) {
    if (isUniqueViolation(e)) throw emailTaken();
    throw e;
  }
  await trx
    .insertInto('account')
    .values({ id: randomUUID(), accountId: id, providerId: 'credential', userId: id, password: acc.passwordHash, createdAt: now, updatedAt: now })
    .execute();
  return { id, name: acc.name, email: acc.email, role: acc.role, disabled: false, mustChangePassword: acc.mustChangePassword, createdAt: now.toISOString() };
}

const EMAIL_TAKEN = 'An account with this email address already exists.';

/** Said to administrators (who can list accounts anyway); sign-up turns it into a neutral refusal. */
const emailTaken = () => new AppError('CONFLICT', EMAIL_TAKEN, { fieldErrors: { email: [EMAIL_TAKEN] } });

export const isEmailTaken = (e: unknown): boolean => e instanceof AppError && e.code === 'CONFLICT' && e.message === EMAIL_TAKEN;

export const toUserSummary = (u: Pick<UserTable, 'id' | 'name' | 'email' | 'role'> & { disabled: boolean; mustChangePassword: boolean; createdAt: Date | string }): UserSummary => ({
  id: u.id,
  name: u.name,
  email: u.email,
  role: u.role,
  disabled: u.disabled,
  mustChangePassword: u.mustChangePassword,
  createdAt: new Date(u.createdAt).toISOString(),
});

export async function getUserSummary(db: Db, userId: string): Promise<UserSummary> {
  const u = await db
    .selectFrom('user')
    .select(['id', 'name', 'email', 'role', 'disabled', 'mustChangePassword', 'createdAt'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!u) throw new AppError('NOT_FOUND', 'That account no longer exists.');
  return toUserSummary(u);
}

export async function getPasswordHash(db: Db, userId: string): Promise<string | null> {
  const row = await db.selectFrom('account').select('password').where('userId', '=', userId).where('providerId', '=', 'credential').executeTakeFirst();
  return row?.password ?? null;
}

export async function setPasswordHash(trx: Transaction<Database>, userId: string, hash: string, mustChangePassword: boolean, now: Date): Promise<void> {
  await trx.updateTable('account').set({ password: hash, updatedAt: now }).where('userId', '=', userId).where('providerId', '=', 'credential').execute();
  await trx.updateTable('user').set({ mustChangePassword, updatedAt: now }).where('id', '=', userId).execute();
}

/** Ends sessions of a user in the database; every station's next call then finds none. */
export async function deleteSessions(trx: Db, userId: string, exceptToken?: string | null): Promise<number> {
  let q = trx.deleteFrom('session').where('userId', '=', userId);
  if (exceptToken) q = q.where('token', '!=', exceptToken);
  const res = await q.executeTakeFirst();
  return Number(res.numDeletedRows);
}

export const countUsers = async (db: Db): Promise<number> => {
  const r = await db.selectFrom('user').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
};
