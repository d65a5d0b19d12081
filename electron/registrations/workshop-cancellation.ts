import { sql, type Transaction } from 'kysely';
import { writeAudit } from '../audit/audit.service';
import { actorOf, type Caller } from '../core/caller';
import type { Database } from '../db/schema';
import { announceAfterCommit } from '../core/requests';

/**
 * A cancelled workshop cancels all its active registrations with the workshop's reason, in the
 * workshop's own transaction. Paid ones keep payment_status 'paid': cancelled + paid reads as
 * "refund due" until a refund is recorded.
 */
export async function cancelActiveRegistrations(trx: Transaction<Database>, caller: Caller, workshopId: string, reason: string): Promise<void> {
  announceAfterCommit(trx, 'registrations:changed', { workshopId });
  const cancelled = await sql<{ id: string; status: string; payment_status: string }>`
    update registration r set status = 'cancelled', cancelled_at = now(), cancelled_by = ${caller.user?.id ?? null},
      cancel_reason = ${`Workshop cancelled: ${reason}`}, waitlisted_at = null, waitlist_seq = null, version = r.version + 1, updated_at = now(),
      payment_status = case when r.payment_status = 'unpaid' then 'not_required' else r.payment_status end
    from (select id, status as old_status from registration where workshop_id = ${workshopId} and status in ('pending', 'confirmed', 'waitlisted') for update) old
    where r.id = old.id
    returning r.id, old.old_status as status, r.payment_status`.execute(trx);
  await trx.updateTable('workshop').set({ seats_taken: 0 }).where('id', '=', workshopId).execute();
  if (cancelled.rows.length) {
    await writeAudit(trx, actorOf(caller), {
      action: 'registration.cancel_all',
      entityType: 'workshop',
      entityId: workshopId,
      after: { reason, registrations: cancelled.rows.length, refundsDue: cancelled.rows.filter((r) => r.payment_status === 'paid').length },
    });
  }
}
