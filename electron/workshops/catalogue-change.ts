import { sql, type Transaction } from 'kysely';
import type { Caller } from '../core/caller';
import type { CoreContext } from '../core/context';
import { transact } from '../core/requests';
import type { Database } from '../db/schema';

/**
 * A transaction that changes workshops (their text, status, start, category or city). The triggers
 * keeping the search structures take the catalogue-change lock (migration 0007) when a statement
 * ends; a transaction that then goes on to lock another workshop row could wait for a transaction
 * that holds that row and waits for the lock. Taking the lock first, before any row, rules that
 * out whatever a change does next. Bookings don't change these columns and never take it.
 */
export function catalogueChange<T>(ctx: CoreContext, caller: Caller, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return transact(ctx, caller, async (trx) => {
    await sql`select catalogue_change_lock()`.execute(trx);
    return work(trx);
  });
}
