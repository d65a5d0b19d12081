import { sql, type Transaction } from 'kysely';
import { AppError } from '../../shared/errors';
import { RESULT_CLASS, UNDO_WINDOW_SECONDS, type CheckInOutcome, type CheckInRecord, type CheckInResult, type DeskOverride, type DeskPayment } from '../../shared/desk';
import { isValidTicketCode, normaliseTicketCode } from '../../shared/tickets';
import type { Caller } from '../core/caller';
import type { CoreContext } from '../core/context';
import { announceAfterCommit, claimRequestSql } from '../core/requests';
import type { Database } from '../db/schema';
import { loadPeople, seatCounts, toCheckInRecord, toDeskWorkshop, toPerson, type Db, type PersonRow } from './desk-rows';
import { checkInVerdict, opensAt } from './rules';

export type Target = { ticketCode: string } | { registrationId: string };

export interface CheckInOptions {
  deskWorkshopId?: string | null;
  /** Staff's deliberate override of one rule (never at the kiosk: the caller decides). */
  override?: DeskOverride | null;
  /** A desk payment made in the same transaction, to report with the result. */
  payment?: DeskPayment | null;
}

/** The registration behind a ticket code or id, with its workshop and check-in, or null. */
export async function findForCheckIn(db: Db, target: Target): Promise<PersonRow | null> {
  if ('ticketCode' in target) {
    const code = normaliseTicketCode(target.ticketCode);
    if (!isValidTicketCode(code)) return null;
    return (await loadPeople(db, sql`r.ticket_code = ${code}`))[0] ?? null;
  }
  return (await loadPeople(db, sql`r.id = ${target.registrationId}`))[0] ?? null;
}

const undoUntil = (at: Date) => new Date(at.getTime() + UNDO_WINDOW_SECONDS * 1000).toISOString();

export function resultOf(outcome: CheckInOutcome, row: PersonRow | null, extra: Partial<CheckInResult> = {}): CheckInResult {
  return {
    outcome,
    resultClass: RESULT_CLASS[outcome],
    person: row ? toPerson(row) : null,
    workshop: row ? toDeskWorkshop(row) : null,
    checkIn: row ? toCheckInRecord(row) : null,
    opensAt: outcome === 'not_open' && row ? opensAt(new Date(row.w_starts_at)).toISOString() : null,
    counts: null,
    undoUntil: null,
    payment: null,
    ...extra,
  };
}

const madeByThisRequest = (caller: Caller, row: PersonRow) => !!caller.request && row.ci_request === caller.request.id;

/** This very request made the check-in (its answer was lost, or a copy of it ran at once): the same answer again. */
async function sameAnswerAgain(db: Db, row: PersonRow): Promise<CheckInResult> {
  return resultOf('checked_in', row, { counts: await seatCounts(db, row.workshop_id), undoUntil: undoUntil(new Date(row.ci_at!)) });
}

/**
 * Checks a registration in, or says why not — for the desk and the kiosk alike. The rules decide
 * (rules.ts); the write is one statement that takes the check-in only while none is there and the
 * registration is still confirmed and not owing money, so of two stations scanning one ticket at the
 * same instant exactly one checks it in and the other is told by whom. The check-in event, its audit
 * row, the request id and the live-update notice go in the same statement.
 */
export async function checkIn(ctx: CoreContext, caller: Caller, db: Db, target: Target, opts: CheckInOptions = {}, attempt = 1): Promise<CheckInResult> {
  const row = await findForCheckIn(db, target);
  if (!row) return resultOf('unknown', null);
  const now = ctx.now();
  const verdict = checkInVerdict({
    registration: { status: row.status, paymentStatus: row.payment_status, checkedIn: row.ci_id !== null, workshopId: row.workshop_id },
    workshop: { status: row.w_status, startsAt: new Date(row.w_starts_at), endsAt: new Date(row.w_ends_at) },
    now,
    deskWorkshopId: opts.deskWorkshopId,
    override: opts.override,
  });
  if (verdict === 'already' && madeByThisRequest(caller, row)) return sameAnswerAgain(db, row);
  if (verdict !== 'checked_in') return resultOf(verdict, row, { counts: verdict === 'already' ? await seatCounts(db, row.workshop_id) : null });

  const actorName = caller.user?.name ?? null;
  // The workshop's row is not locked: the count lives in a row of its own (migration 0022), taken
  // after the registration, the order every change of registrations keeps (workshop, registration,
  // count), so check-ins of one workshop do not queue behind each other nor deadlock with a cancellation.
  const made = await sql<{ id: string; at: Date; checked_in: number; confirmed: number }>`
    with reg as (
      update registration r set checkin_id = nextval(pg_get_serial_sequence('checkin_event', 'id')), version = r.version + 1, updated_at = ${now}
      where r.id = ${row.id} and r.checkin_id is null and r.status = 'confirmed' and r.payment_status <> 'unpaid'
      returning r.id, r.workshop_id, r.checkin_id
    ),
    ev as (
      insert into checkin_event (id, registration_id, workshop_id, kind, at, station, surface, actor_id, actor_name, request_id)
      select checkin_id, id, workshop_id, 'check_in', ${now}, ${caller.station}, ${caller.surface}, ${caller.user?.id ?? null}, ${actorName}, ${caller.request?.id ?? null}::uuid from reg
      returning id, at
    ),
    audit as (
      insert into audit_log (actor_id, actor_email, station, surface, action, entity_type, entity_id, after)
      select ${caller.user?.id ?? null}, ${caller.user?.email ?? null}, ${caller.station}, ${caller.surface}, 'checkin.check_in', 'registration', reg.id,
        jsonb_build_object('checkInId', ev.id::text, 'surface', ${caller.surface}::text, 'override', ${opts.override ?? null}::text, 'workshopId', reg.workshop_id)
      from reg, ev
    ),
    claim as (${claimRequestSql(caller, sql`select id::text as id from ev`)}),
    counts as (
      insert into workshop_checked_in as c (workshop_id, checked_in) select workshop_id, 1 from reg
      on conflict (workshop_id) do update set checked_in = c.checked_in + 1
      returning workshop_id, checked_in
    )
    select ev.id::text as id, ev.at, counts.checked_in, w.seats_taken as confirmed from ev, counts join workshop w on w.id = counts.workshop_id`.execute(db);

  const ev = made.rows[0];
  if (!ev) {
    // Another station got there first (or the registration changed under us): say what is true now.
    const now2 = await findForCheckIn(db, target);
    // The same request sent twice at once: the copy that waited answers as the one that wrote.
    if (now2?.ci_id && madeByThisRequest(caller, now2)) return sameAnswerAgain(db, now2);
    if (now2?.ci_id) return resultOf('already', now2, { counts: await seatCounts(db, now2.workshop_id) });
    if (attempt >= 3) throw new AppError('CONFLICT', 'This registration is changing at this moment. Try again.');
    return checkIn(ctx, caller, db, target, opts, attempt + 1);
  }
  // On its own (autocommit) the check-in is committed already; inside a caller's transaction (pay
  // and check in, walk-in) the other stations hear of it only if that commits.
  const changed = { workshopId: row.workshop_id };
  if (db === ctx.db) ctx.announce('registrations:changed', changed);
  else announceAfterCommit(db as Transaction<Database>, 'registrations:changed', changed);
  const record: CheckInRecord = { id: ev.id, at: new Date(ev.at).toISOString(), station: caller.station, byName: actorName, surface: caller.surface };
  return resultOf('checked_in', row, { checkIn: record, counts: { checkedIn: ev.checked_in, confirmed: ev.confirmed }, undoUntil: undoUntil(new Date(ev.at)), payment: opts.payment ?? null });
}

/** A repeated check-in request: the check-in it made, as it stands now. */
export async function replayCheckIn(ctx: CoreContext, checkInId: string): Promise<CheckInResult> {
  const ev = await ctx.db.selectFrom('checkin_event').select(['registration_id', 'at']).where('id', '=', checkInId).executeTakeFirst();
  if (!ev) throw new AppError('NOT_FOUND', 'This check-in no longer exists.');
  const row = (await findForCheckIn(ctx.db, { registrationId: ev.registration_id }))!;
  return resultOf('checked_in', row, { counts: await seatCounts(ctx.db, row.workshop_id), undoUntil: undoUntil(new Date(ev.at)) });
}
