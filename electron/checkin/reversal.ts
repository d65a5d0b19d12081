import { sql, type Transaction } from 'kysely';
import { AppError } from '../../shared/errors';
import { UNDO_WINDOW_SECONDS } from '../../shared/desk';
import type { Caller } from '../core/caller';
import type { Database } from '../db/schema';
import { announceAfterCommit } from '../core/requests';
import { holdRegistration } from '../registrations/row-locks';

const withinUndo = (at: Date, now: Date) => now.getTime() - at.getTime() <= UNDO_WINDOW_SECONDS * 1000;

export const UNDO_REFUSED =
  'Undo works for 2 minutes, at the station that made it. After that an administrator can reverse a check-in with a reason, and a payment is given back as a refund.';

/**
 * Ends a check-in by a reversal event of its own (nothing is deleted). `undo`: the one-key undo of
 * the station that made it, within its window; otherwise an administrator's reversal with a reason.
 */
export async function reverseCheckIn(trx: Transaction<Database>, caller: Caller, checkInId: string, now: Date, how: { undo: true } | { undo: false; reason: string }): Promise<string> {
  const ev = await trx.selectFrom('checkin_event').select(['id', 'registration_id', 'workshop_id', 'kind', 'at', 'station']).where('id', '=', checkInId).executeTakeFirst();
  if (!ev || ev.kind !== 'check_in') throw new AppError('NOT_FOUND', 'This check-in does not exist.');
  if (how.undo && (ev.station !== caller.station || !withinUndo(new Date(ev.at), now))) throw new AppError('CONFLICT', UNDO_REFUSED);
  const reason = how.undo ? 'Undone at the desk' : how.reason;
  await holdRegistration(trx, ev.registration_id);
  const r = await sql<{ id: string }>`
    with reg as (
      update registration set checkin_id = null, version = version + 1, updated_at = ${now}
      where id = ${ev.registration_id} and checkin_id = ${ev.id}
      returning id
    ),
    counts as (update workshop_checked_in set checked_in = checked_in - 1 where workshop_id = ${ev.workshop_id} and exists (select 1 from reg)),
    rev as (
      insert into checkin_event (registration_id, workshop_id, kind, reverses_id, at, station, surface, actor_id, actor_name, reason)
      select ${ev.registration_id}, ${ev.workshop_id}, 'reversal', ${ev.id}, ${now}, ${caller.station}, ${caller.surface}, ${caller.user?.id ?? null}, ${caller.user?.name ?? null}, ${reason} from reg
      returning id
    ),
    audit as (
      insert into audit_log (actor_id, actor_email, station, action, entity_type, entity_id, before, after)
      select ${caller.user?.id ?? null}, ${caller.user?.email ?? null}, ${caller.station}, ${how.undo ? 'checkin.undo' : 'checkin.reverse'}, 'registration', ${ev.registration_id},
        jsonb_build_object('checkInId', ${ev.id}::text), jsonb_build_object('reversalId', rev.id::text, 'reason', ${reason}::text)
      from rev
    )
    select rev.id::text as id from rev`.execute(trx);
  if (!r.rows[0]) throw new AppError('CONFLICT', 'This check-in has already been reversed.');
  announceAfterCommit(trx, 'registrations:changed', { workshopId: ev.workshop_id });
  return r.rows[0].id;
}
