import { sql, type Transaction } from 'kysely';
import { AppError } from '../../shared/errors';
import type { Database } from '../db/schema';

/**
 * Locks a registration for a change, in the one order every change of registrations keeps: its
 * workshop's row first, then the registration's. A cancellation, an approval or a workshop edit holds
 * the workshop and then its registrations; a check-in, payment or undo that took the registration
 * first and the workshop second (for its counters) would wait for them while they wait for it — a
 * deadlock, one of the two refused after a second. Gives the registration's workshop id.
 */
export async function holdRegistration(trx: Transaction<Database>, registrationId: string): Promise<string> {
  const held = await sql<{ id: string }>`select w.id from workshop w
    where w.id = (select r.workshop_id from registration r where r.id = ${registrationId}) for no key update`.execute(trx);
  const workshopId = held.rows[0]?.id;
  if (!workshopId) throw new AppError('NOT_FOUND', 'This registration no longer exists.');
  await sql`select id from registration where id = ${registrationId} for update`.execute(trx);
  return workshopId;
}
