import { sql, type Kysely } from 'kysely';
import { AppError } from '../../shared/errors';
import type { Database } from '../db/schema';

/** Failures allowed before delays start; delays then double from BASE up to MAX. */
export const THROTTLE_FREE_FAILURES = 4;
const BASE_DELAY_SECONDS = 30;
const MAX_DELAY_SECONDS = 15 * 60;
/** Hard cap per account per hour, whatever the delays allow. */
export const MAX_FAILURES_PER_HOUR = 100;
const WINDOW_MS = 3600_000;

export function delaySecondsAfter(windowFailures: number): number {
  if (windowFailures <= THROTTLE_FREE_FAILURES) return 0;
  return Math.min(BASE_DELAY_SECONDS * 2 ** (windowFailures - THROTTLE_FREE_FAILURES - 1), MAX_DELAY_SECONDS);
}

const waitMessage = (seconds: number): string => {
  const wait = seconds >= 90 ? `${Math.ceil(seconds / 60)} minutes` : `${seconds} seconds`;
  return `Too many failed sign-in attempts for this account. Try again in ${wait}.`;
};

/** Refuses with RATE_LIMITED while the account is locked. Same answer whether or not it exists. */
export async function assertSignInAllowed(db: Kysely<Database>, accountKey: string, now: Date): Promise<void> {
  const row = await db.selectFrom('login_throttle').select('locked_until').where('account_key', '=', accountKey).executeTakeFirst();
  const lockedUntil = row?.locked_until ? new Date(row.locked_until) : null;
  if (lockedUntil && lockedUntil > now) {
    const seconds = Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000);
    throw new AppError('RATE_LIMITED', waitMessage(seconds), { details: { retryAfterSeconds: seconds } });
  }
}

/** Counts one failure atomically (an upsert), so stations sharing the database add up. */
export async function recordSignInFailure(db: Kysely<Database>, accountKey: string, now: Date): Promise<{ windowFailures: number; lockedUntil: Date | null }> {
  const windowStart = new Date(now.getTime() - WINDOW_MS);
  return db.transaction().execute(async (trx) => {
    const row = await sql<{ window_failures: number; window_started_at: Date }>`
      insert into login_throttle (account_key, window_started_at, window_failures, last_failure_at)
      values (${accountKey}, ${now}, 1, ${now})
      on conflict (account_key) do update set
        window_started_at = case when login_throttle.window_started_at <= ${windowStart} then ${now} else login_throttle.window_started_at end,
        window_failures = case when login_throttle.window_started_at <= ${windowStart} then 1 else login_throttle.window_failures + 1 end,
        last_failure_at = ${now}
      returning window_failures, window_started_at`.execute(trx);
    const { window_failures: n, window_started_at } = row.rows[0]!;
    const delay = delaySecondsAfter(n);
    let lockedUntil: Date | null = delay > 0 ? new Date(now.getTime() + delay * 1000) : null;
    if (n >= MAX_FAILURES_PER_HOUR) lockedUntil = new Date(new Date(window_started_at).getTime() + WINDOW_MS);
    await trx.updateTable('login_throttle').set({ locked_until: lockedUntil }).where('account_key', '=', accountKey).execute();
    return { windowFailures: n, lockedUntil };
  });
}

export async function clearSignInFailures(db: Kysely<Database>, accountKey: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('account_key', '=', accountKey).execute();
}
