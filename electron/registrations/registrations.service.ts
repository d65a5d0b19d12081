import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import { AppError } from '../../shared/errors';
import { statusInWords, type Registration, type RegistrationStatus } from '../../shared/registrations';
import { writeAudit } from '../audit/audit.service';
import { actorOf, type Caller } from '../core/caller';
import type { CoreContext } from '../core/context';
import type { Database } from '../db/schema';
import { isUniqueViolation } from '../db/errors';
import { announceAfterCommit, claimRequestSql, transact } from '../core/requests';
import { holdRegistration } from './row-locks';
import { ACTIVE_STATUSES, loadRegistration, newTicketCode, registrationQuery, toRegistration, type RegistrationRow } from './registration-rows';

type Db = Kysely<Database> | Transaction<Database>;

export interface Person {
  userId: string | null;
  name: string;
  email: string | null;
  phone: string | null;
}

/** Organiser powers (anyone's registrations) exist only at a workstation, never at the kiosk. */
const isOrganiser = (caller: Caller) => (caller.role === 'admin' || caller.role === 'staff') && caller.surface === 'workstation';

const alreadyRegistered = (r: Registration) =>
  new AppError('CONFLICT', `Already registered for this workshop: ${statusInWords(r)}.`, { details: { registrationId: r.id } });

/** A booking committed (on its own, or with its transaction): every station's lists of the workshop are out of date. */
function told(ctx: CoreContext, r: Registration): Registration {
  ctx.announce('registrations:changed', { workshopId: r.workshopId });
  return r;
}

/**
 * Lock order everywhere: the workshop row first, then registration rows. Bookings take the seat with
 * one conditional UPDATE (`seats_taken < capacity`), and the CHECK on seats_taken makes overbooking
 * impossible whatever the interleaving of stations.
 *
 * The usual booking (instant confirmation, a seat left) is ONE statement in autocommit: the seat
 * UPDATE — which checks that the workshop is published, instant and not started on the newest version
 * of the row — with the registration, its audit row and the request id, so it costs one round trip.
 * A second registration of the same person is refused by the unique index.
 *
 * A booking that takes no seat (approval needed, waiting list, full, closed) locks the workshop row
 * FOR NO KEY UPDATE, the same lock a cancellation takes before it frees a seat. So a booking is filed
 * as waiting only while no seat can be freed under it: either the cancellation comes first (then the
 * booking, once it has the lock, sees the freed seat and takes it) or the booking does (then the
 * cancellation sees the new person waiting and promotes the first in line). With a weaker lock the
 * two could each miss the other's uncommitted row, and a newcomer would later take the seat ahead of
 * everyone waiting.
 */
export async function register(ctx: CoreContext, caller: Caller, workshopId: string, person: Person, attempt = 1): Promise<Registration> {
  const now = ctx.now();
  const booking = { id: randomUUID(), workshopId, person, now, ticket: newTicketCode(), caller };
  try {
    const seated = await insertRegistration(ctx.db, booking, 'confirmed', seatToRegister(workshopId, now));
    if (seated) return told(ctx, seated);
    const queued = await ctx.db.transaction().execute(async (trx) => {
      const head = await holdWorkshop(trx, workshopId);
      if (head.status === 'draft' && !isOrganiser(caller)) throw new AppError('NOT_FOUND', 'This workshop does not exist or is not published.');
      assertOpen(head, now);
      const existing = await findActiveRegistration(trx, workshopId, person);
      if (existing) throw alreadyRegistered(existing);
      // A seat freed (or the mode switched to instant) since the first try: it is this person's now.
      if (head.registration_mode === 'automatic') {
        const late = await insertRegistration(trx, booking, 'confirmed', seatToRegister(workshopId, now));
        if (late) return late;
        if (!head.waitlist_enabled) throw new AppError('CONFLICT', 'This workshop is full, and it has no waiting list.');
      }
      const status = head.registration_mode === 'manual' ? 'pending' : 'waitlisted';
      return (await insertRegistration(trx, booking, status, sql`select ${HEAD} from workshop where id = ${workshopId}`))!;
    });
    return told(ctx, queued);
  } catch (e) {
    // Already registered (or two attempts for the same person at once): the unique index lets one
    // through. If that registration has been cancelled meanwhile, it no longer stands in the way.
    if (isUniqueViolation(e, 'registration_active_')) {
      const existing = await findActiveRegistration(ctx.db, workshopId, person);
      if (existing) throw alreadyRegistered(existing);
      if (attempt < 3) return register(ctx, caller, workshopId, person, attempt + 1);
      throw new AppError('CONFLICT', 'This person\'s registration is changing at this moment. Try again.');
    }
    if (isUniqueViolation(e, 'registration_ticket_code_key') && attempt < 5) return register(ctx, caller, workshopId, person, attempt + 1);
    throw e;
  }
}

/**
 * Staff registering someone who stands at the desk, inside the caller's transaction: a free seat in
 * either registration mode (nobody needs to approve a person who is here), until the workshop ends
 * (late arrivals are welcome). Full: the waiting list when asked for and the workshop has one.
 * Request ids are the caller's business (the walk-in records its own outcome).
 */
export async function seatWalkIn(trx: Transaction<Database>, caller: Caller, workshopId: string, person: Person, now: Date, waitlistIfFull: boolean): Promise<Registration> {
  announceAfterCommit(trx, 'registrations:changed', { workshopId });
  const booking = { id: randomUUID(), workshopId, person, now, ticket: newTicketCode(), caller: { ...caller, request: null } };
  const seat = sql`update workshop set seats_taken = seats_taken + 1
    where id = ${workshopId} and seats_taken < capacity and status = 'published' and ends_at > ${now}
    returning ${HEAD}`;
  const seated = await insertRegistration(trx, booking, 'confirmed', seat);
  if (seated) return seated;
  const head = await holdWorkshop(trx, workshopId);
  if (head.status !== 'published') throw new AppError('CONFLICT', `This workshop is ${head.status === 'draft' ? 'not published yet' : head.status}: registration is closed.`);
  if (new Date(head.ends_at) <= now) throw new AppError('CONFLICT', 'This workshop has ended: registration is closed.');
  const existing = await findActiveRegistration(trx, workshopId, person);
  if (existing) throw alreadyRegistered(existing);
  const late = await insertRegistration(trx, booking, 'confirmed', seat);
  if (late) return late;
  if (!head.waitlist_enabled) throw new AppError('CONFLICT', 'This workshop is full, and it has no waiting list.');
  if (!waitlistIfFull) throw new AppError('CONFLICT', 'This workshop is full. It has a waiting list: add them to it instead?');
  return (await insertRegistration(trx, booking, 'waitlisted', sql`select ${HEAD} from workshop where id = ${workshopId}`))!;
}

/** The person's active registration for a workshop, for messages after a unique-index refusal. */
export async function alreadyRegisteredError(db: Db, workshopId: string, person: Person): Promise<AppError> {
  const existing = await findActiveRegistration(db, workshopId, person);
  return existing ? alreadyRegistered(existing) : new AppError('CONFLICT', 'Already registered for this workshop.');
}

interface Booking {
  id: string;
  workshopId: string;
  person: Person;
  now: Date;
  ticket: string;
  caller: Caller;
}

/**
 * The registration and its audit row, in one statement with `source` — a query giving the workshop
 * (or nothing: then nothing is written, and null is returned). The audit row records the
 * registration itself; the workshop it belongs to is named by id.
 */
async function insertRegistration(db: Db, b: Booking, status: 'confirmed' | 'pending' | 'waitlisted', source: RawBuilder<unknown>): Promise<Registration | null> {
  const actor = actorOf(b.caller);
  const action = `registration.${status === 'pending' ? 'request' : status === 'confirmed' ? 'confirm' : 'waitlist'}`;
  const ticket = status === 'confirmed' ? b.ticket : null;
  const confirmedAt = status === 'confirmed' ? b.now : null;
  const audited = {
    id: b.id,
    workshopId: b.workshopId,
    userId: b.person.userId,
    personName: b.person.name,
    personEmail: b.person.email,
    personPhone: b.person.phone,
    status,
    requestedAt: b.now.toISOString(),
    confirmedAt: confirmedAt?.toISOString() ?? null,
    ticketCode: ticket,
    station: b.caller.station,
  };
  const r = await sql<RegistrationRow>`
    with head as (${source}),
    reg as (
      insert into registration (id, workshop_id, user_id, person_name, person_email, person_phone, status, waitlisted_at, waitlist_seq,
        requested_at, confirmed_at, amount_due_minor, currency, payment_status, ticket_code, station)
      select ${b.id}, head.id, ${b.person.userId}, ${b.person.name}, ${b.person.email}, ${b.person.phone}, ${status},
        ${status === 'waitlisted' ? b.now : null}, case when ${status} = 'waitlisted' then nextval('registration_waitlist_seq') end,
        ${b.now}, ${confirmedAt}, head.price_minor, head.currency, case when head.price_minor > 0 then 'unpaid' else 'not_required' end, ${ticket}, ${b.caller.station}
      from head
      returning *
    ),
    audit as (
      insert into audit_log (actor_id, actor_email, station, surface, action, entity_type, entity_id, after)
      select ${actor.actorId}, ${actor.actorEmail}, ${actor.station}, ${actor.surface}, ${action}, 'registration', ${b.id},
        ${JSON.stringify(audited)}::jsonb || jsonb_build_object('amountDueMinor', reg.amount_due_minor, 'currency', reg.currency, 'paymentStatus', reg.payment_status)
      from reg
    ),
    claim as (${claimRequestSql(b.caller, sql`select id from reg`)})
    -- The columns of registrationQuery, so toRegistration maps both. The new row is not visible to
    -- this statement: its place on the waiting list is one more than those queued before it.
    select reg.id, reg.workshop_id, head.title as workshop_title, head.starts_at as workshop_starts_at, head.ends_at as workshop_ends_at,
      head.time_zone as workshop_time_zone, head.city as workshop_city, head.venue as workshop_venue, head.status as workshop_status,
      head.registration_mode, reg.user_id, reg.person_name, reg.person_email, reg.person_phone, reg.status, reg.requested_at, reg.confirmed_at,
      reg.reject_reason, reg.cancelled_at, reg.cancel_reason, reg.amount_due_minor, reg.currency, reg.payment_status, reg.ticket_code,
      case when reg.waitlist_seq is null then null else (
        select count(*) + 1 from registration x where x.workshop_id = head.id and x.status = 'waitlisted' and x.waitlist_seq < reg.waitlist_seq)::int end as waitlist_position,
      0 as paid_minor
    from head, reg`.execute(db);
  if (!r.rows[0]) return null;
  return toRegistration(r.rows[0]);
}

interface WorkshopHead {
  id: string;
  title: string;
  starts_at: Date;
  ends_at: Date;
  time_zone: string;
  city: string;
  venue: string;
  status: string;
  registration_mode: 'automatic' | 'manual';
  waitlist_enabled: boolean;
  price_minor: number;
  currency: string;
}

/** One seat, if one is left. Returns false when full (nothing changed). */
async function takeSeat(trx: Transaction<Database>, workshopId: string): Promise<boolean> {
  const r = await sql`update workshop set seats_taken = seats_taken + 1 where id = ${workshopId} and seats_taken < capacity returning id`.execute(trx);
  return r.rows.length === 1;
}

/** This person's active registration for the workshop (by account, or by email), if any, read in one snapshot. */
async function findActiveRegistration(db: Db, workshopId: string, person: Person): Promise<Registration | null> {
  const byUser = person.userId ? sql<boolean>`r.user_id = ${person.userId}` : sql<boolean>`false`;
  const byEmail = person.email ? sql<boolean>`lower(r.person_email) = ${person.email.toLowerCase()}` : sql<boolean>`false`;
  const row = await registrationQuery(db)
    .where('r.workshop_id', '=', workshopId)
    .where('r.status', 'in', ACTIVE_STATUSES)
    .where(sql<boolean>`(${byUser} or ${byEmail})`)
    .limit(1)
    .executeTakeFirst();
  return row ? toRegistration(row) : null;
}

const HEAD = sql`id, title, starts_at, ends_at, time_zone, city, venue, status, registration_mode, waitlist_enabled, price_minor, currency`;

/**
 * A seat for a new registration, as a query for `insertRegistration`: only while the workshop is
 * published, instant and not started — checked on the newest version of the row, as the UPDATE waits
 * for any other change to it. Gives the workshop as updated, or nothing (nothing changed).
 */
const seatToRegister = (workshopId: string, now: Date) =>
  sql`update workshop set seats_taken = seats_taken + 1
    where id = ${workshopId} and seats_taken < capacity and status = 'published' and registration_mode = 'automatic' and starts_at > ${now}
    returning ${HEAD}`;

/** The workshop's row held FOR NO KEY UPDATE (see `register`), as it is now. */
async function holdWorkshop(trx: Transaction<Database>, workshopId: string): Promise<WorkshopHead> {
  const r = await sql<WorkshopHead>`select ${HEAD} from workshop where id = ${workshopId} for no key update`.execute(trx);
  if (!r.rows[0]) throw new AppError('NOT_FOUND', 'This workshop does not exist or is not published.');
  return r.rows[0];
}

function assertOpen(w: Pick<WorkshopHead, 'status' | 'starts_at'>, now: Date): void {
  if (w.status !== 'published') throw new AppError('CONFLICT', `This workshop is ${w.status === 'draft' ? 'not published yet' : w.status}: registration is closed.`);
  if (new Date(w.starts_at) <= now) throw new AppError('CONFLICT', 'This workshop has already started: registration is closed.');
}

async function lockWorkshopThenRegistration(trx: Transaction<Database>, id: string): Promise<Registration> {
  await holdRegistration(trx, id);
  return loadRegistration(trx, id);
}

const refuse = (r: Registration, verb: string) => new AppError('CONFLICT', `${statusInWords(r)}: this registration cannot be ${verb}.`);

/**
 * Instant-confirmation workshops: free seats go to the people waiting, first in line first, in the
 * caller's transaction (which holds the workshop row). Returns who got a seat.
 */
export async function fillFreeSeats(trx: Transaction<Database>, caller: Caller, workshopId: string, now: Date): Promise<string[]> {
  const next = await sql<{ id: string }>`select r.id from registration r, workshop w
    where w.id = ${workshopId} and w.registration_mode = 'automatic' and w.status = 'published'
      and r.workshop_id = w.id and r.status = 'waitlisted'
    order by r.waitlist_seq limit greatest((select capacity - seats_taken from workshop where id = ${workshopId}), 0)
    for update of r`.execute(trx);
  const promoted: string[] = [];
  if (next.rows.length) announceAfterCommit(trx, 'registrations:changed', { workshopId });
  for (const { id } of next.rows) {
    if (!(await takeSeat(trx, workshopId))) break;
    await trx.updateTable('registration').set({ status: 'confirmed', confirmed_at: now, waitlisted_at: null, waitlist_seq: null, ticket_code: newTicketCode(), version: sql`version + 1`, updated_at: now }).where('id', '=', id).execute();
    await writeAudit(trx, actorOf(caller), { action: 'registration.promote', entityType: 'registration', entityId: id, before: { status: 'waitlisted' }, after: { status: 'confirmed', reason: 'seat freed' } });
    promoted.push(id);
  }
  return promoted;
}

export async function cancelRegistration(ctx: CoreContext, caller: Caller, id: string, reason: string): Promise<Registration> {
  const now = ctx.now();
  return transact(ctx, caller, async (trx) => {
    const before = await lockWorkshopThenRegistration(trx, id);
    announceAfterCommit(trx, 'registrations:changed', { workshopId: before.workshopId });
    if (!isOrganiser(caller) && before.userId !== caller.user?.id) throw new AppError('NOT_FOUND', 'This registration no longer exists.');
    if (!(ACTIVE_STATUSES as readonly string[]).includes(before.status)) throw refuse(before, 'cancelled');
    // Someone who came in keeps their seat in the records (and in "checked in" counts): the
    // check-in is reversed first, with its reason, if they did not attend after all.
    const came = await trx.selectFrom('registration').select('checkin_id').where('id', '=', id).executeTakeFirstOrThrow();
    if (came.checkin_id !== null) {
      throw new AppError('CONFLICT', isOrganiser(caller)
        ? `${before.personName} has checked in already, so this registration cannot be cancelled. If they did not attend, an administrator reverses the check-in first (Desk, check-in list, Reverse…).`
        : 'You have checked in to this workshop already, so it cannot be cancelled here. Please ask at the front desk.');
    }
    await trx
      .updateTable('registration')
      .set({
        status: 'cancelled',
        cancelled_at: now,
        cancelled_by: caller.user?.id ?? null,
        cancel_reason: reason || (isOrganiser(caller) ? 'Cancelled by the organiser' : 'Cancelled by the attendee'),
        waitlisted_at: null,
        waitlist_seq: null,
        // Nothing is owed for a seat given up; a paid one stays 'paid' and reads "refund due".
        payment_status: before.paymentStatus === 'unpaid' ? 'not_required' : before.paymentStatus,
        version: sql`version + 1`,
        updated_at: now,
      })
      .where('id', '=', id)
      .execute();
    let promoted: string | null = null;
    if (before.status === 'confirmed') {
      await sql`update workshop set seats_taken = seats_taken - 1 where id = ${before.workshopId}`.execute(trx);
      promoted = (await fillFreeSeats(trx, caller, before.workshopId, now))[0] ?? null;
    }
    const after = await loadRegistration(trx, id);
    await writeAudit(trx, actorOf(caller), { action: 'registration.cancel', entityType: 'registration', entityId: id, before: { status: before.status }, after: { status: 'cancelled', reason: after.cancelReason, promoted } });
    return after;
  });
}

/** Organiser decision on one request (pending) or one person on the waiting list. */
export async function confirmRegistration(ctx: CoreContext, caller: Caller, id: string): Promise<Registration> {
  const now = ctx.now();
  return transact(ctx, caller, async (trx) => {
    const before = await lockWorkshopThenRegistration(trx, id);
    announceAfterCommit(trx, 'registrations:changed', { workshopId: before.workshopId });
    if (before.status !== 'pending' && before.status !== 'waitlisted') throw refuse(before, 'confirmed');
    if (before.workshopStatus !== 'published') throw new AppError('CONFLICT', 'The workshop is not open: nobody can be confirmed for it.');
    const ws = await trx.selectFrom('workshop').select('waitlist_enabled').where('id', '=', before.workshopId).executeTakeFirstOrThrow();
    let status: RegistrationStatus;
    if (await takeSeat(trx, before.workshopId)) status = 'confirmed';
    else if (before.status === 'pending' && ws.waitlist_enabled) status = 'waitlisted';
    else throw new AppError('CONFLICT', before.status === 'waitlisted' ? 'No seat is free: they stay on the waiting list.' : 'The workshop is full and has no waiting list: not approved.');
    await trx
      .updateTable('registration')
      .set({
        status,
        confirmed_at: status === 'confirmed' ? now : null,
        waitlisted_at: status === 'waitlisted' ? now : null,
        waitlist_seq: status === 'waitlisted' ? sql`nextval('registration_waitlist_seq')` : null,
        ticket_code: status === 'confirmed' ? newTicketCode() : null,
        version: sql`version + 1`,
        updated_at: now,
      })
      .where('id', '=', id)
      .execute();
    const after = await loadRegistration(trx, id);
    await writeAudit(trx, actorOf(caller), { action: `registration.${status === 'confirmed' ? 'confirm' : 'waitlist'}`, entityType: 'registration', entityId: id, before: { status: before.status }, after: { status } });
    return after;
  });
}

export async function rejectRegistration(ctx: CoreContext, caller: Caller, id: string, reason: string): Promise<Registration> {
  const now = ctx.now();
  return transact(ctx, caller, async (trx) => {
    const before = await lockWorkshopThenRegistration(trx, id);
    announceAfterCommit(trx, 'registrations:changed', { workshopId: before.workshopId });
    if (before.status !== 'pending' && before.status !== 'waitlisted') throw refuse(before, 'rejected');
    await trx
      .updateTable('registration')
      .set({ status: 'rejected', rejected_at: now, reject_reason: reason, waitlisted_at: null, waitlist_seq: null, payment_status: before.paymentStatus === 'unpaid' ? 'not_required' : before.paymentStatus, version: sql`version + 1`, updated_at: now })
      .where('id', '=', id)
      .execute();
    const after = await loadRegistration(trx, id);
    await writeAudit(trx, actorOf(caller), { action: 'registration.reject', entityType: 'registration', entityId: id, before: { status: before.status }, after: { status: 'rejected', reason } });
    return after;
  });
}

export async function myRegistrations(ctx: CoreContext, caller: Caller): Promise<Registration[]> {
  const rows = await registrationQuery(ctx.db).where('r.user_id', '=', caller.user!.id).orderBy('w.starts_at').orderBy('r.requested_at').execute();
  return rows.map(toRegistration);
}
