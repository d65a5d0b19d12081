import { randomUUID } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import { AppError } from '../../shared/errors';
import { statusInWords, type Registration, type RegistrationStatus } from '../../shared/registrations';
import { writeAudit } from '../audit/audit.service';
import { actorOf, type Caller } from '../core/caller';
import type { CoreContext } from '../core/context';
import type { Database } from '../db/schema';
import { ACTIVE_STATUSES, isUniqueViolation, loadRegistration, newTicketCode, registrationQuery, toRegistration } from './registration-rows';

export interface Person {
  userId: string | null;
  name: string;
  email: string | null;
  phone: string | null;
}

/** Organiser powers (anyone's registrations) exist only at a workstation, never at the kiosk. */
const isOrganiser = (caller: Caller) => (caller.role === 'admin' || caller.role === 'staff') && caller.surface === 'workstation';

const alreadyRegistered = (status: RegistrationStatus, waitlistPosition: number | null, id: string) =>
  new AppError('CONFLICT', `Already registered for this workshop: ${statusInWords({ status, waitlistPosition })}.`, { details: { registrationId: id } });

/**
 * Lock order everywhere: the workshop row first, then registration rows. Bookings take the seat with
 * one conditional UPDATE (`seats_taken < capacity`), and the CHECK on seats_taken makes overbooking
 * impossible whatever the interleaving of stations.
 */
export async function register(ctx: CoreContext, caller: Caller, workshopId: string, person: Person): Promise<Registration> {
  const now = ctx.now();
  const ticket = newTicketCode();
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      // KEY SHARE: compatible with other bookings' seat updates, but waits for (and is waited on by)
      // a cancellation or edit of the workshop, so none of them can miss this registration.
      const byUser = person.userId ? sql`r.user_id = ${person.userId}` : sql`false`;
      const byEmail = person.email ? sql`lower(r.person_email) = ${person.email.toLowerCase()}` : sql`false`;
      // One round trip: the workshop (KEY SHARE: compatible with other bookings' seat updates, but a
      // cancellation or edit of the workshop waits for this booking and vice versa) and any active
      // registration of this person for it.
      const w = await sql<WorkshopHead & { existing_id: string | null }>`
        select w.id, w.title, w.starts_at, w.ends_at, w.time_zone, w.city, w.venue, w.status, w.registration_mode, w.waitlist_enabled, w.price_minor, w.currency,
          (select r.id from registration r where r.workshop_id = w.id and r.status in ('pending', 'confirmed', 'waitlisted') and (${byUser} or ${byEmail}) limit 1) as existing_id
        from workshop w where w.id = ${workshopId} for key share of w`.execute(trx);
      const ws = w.rows[0];
      if (!ws || (ws.status === 'draft' && !isOrganiser(caller))) throw new AppError('NOT_FOUND', 'This workshop does not exist or is not published.');
      if (ws.status !== 'published') throw new AppError('CONFLICT', `This workshop is ${ws.status === 'draft' ? 'not published yet' : ws.status}: registration is closed.`);
      if (new Date(ws.starts_at) <= now) throw new AppError('CONFLICT', 'This workshop has already started: registration is closed.');
      if (ws.existing_id) {
        const e = await loadRegistration(trx, ws.existing_id);
        throw alreadyRegistered(e.status, e.waitlistPosition, e.id);
      }

      let status: RegistrationStatus = 'pending';
      if (ws.registration_mode === 'automatic') {
        // From here to commit the workshop row is locked: keep this window to two statements.
        if (await takeSeat(trx, workshopId)) status = 'confirmed';
        else if (ws.waitlist_enabled) status = 'waitlisted';
        else throw new AppError('CONFLICT', 'This workshop is full, and it has no waiting list.');
      }
      const created: Registration = {
        id: randomUUID(),
        workshopId,
        workshopTitle: ws.title,
        workshopStartsAt: new Date(ws.starts_at).toISOString(),
        workshopEndsAt: new Date(ws.ends_at).toISOString(),
        workshopTimeZone: ws.time_zone,
        workshopCity: ws.city,
        workshopVenue: ws.venue,
        workshopStatus: 'published',
        registrationMode: ws.registration_mode,
        userId: person.userId,
        personName: person.name,
        personEmail: person.email,
        personPhone: person.phone,
        status,
        waitlistPosition: null,
        requestedAt: now.toISOString(),
        confirmedAt: status === 'confirmed' ? now.toISOString() : null,
        rejectReason: null,
        cancelledAt: null,
        cancelReason: null,
        amountDueMinor: ws.price_minor,
        paidMinor: 0,
        currency: ws.currency as Registration['currency'],
        paymentStatus: ws.price_minor > 0 ? 'unpaid' : 'not_required',
        ticketCode: status === 'confirmed' ? ticket : null,
      };
      const actor = actorOf(caller);
      const action = `registration.${status === 'pending' ? 'request' : status === 'confirmed' ? 'confirm' : 'waitlist'}`;
      // The registration and its audit row in one round trip.
      const inserted = await sql<{ waitlist_position: number | null }>`
        with reg as (
          insert into registration (id, workshop_id, user_id, person_name, person_email, person_phone, status, waitlisted_at, waitlist_seq,
            requested_at, confirmed_at, amount_due_minor, currency, payment_status, ticket_code, station)
          values (${created.id}, ${workshopId}, ${person.userId}, ${person.name}, ${person.email}, ${person.phone}, ${status},
            ${status === 'waitlisted' ? now : null}, case when ${status} = 'waitlisted' then nextval('registration_waitlist_seq') end,
            ${now}, ${status === 'confirmed' ? now : null}, ${ws.price_minor}, ${ws.currency}, ${created.paymentStatus}, ${created.ticketCode}, ${caller.station})
          returning waitlist_seq
        ), audit as (
          insert into audit_log (actor_id, actor_email, station, action, entity_type, entity_id, after)
          values (${actor.actorId}, ${actor.actorEmail}, ${actor.station}, ${action}, 'registration', ${created.id}, ${JSON.stringify(created)}::jsonb)
        )
        select case when reg.waitlist_seq is null then null else (
          select count(*) + 1 from registration x where x.workshop_id = ${workshopId} and x.status = 'waitlisted' and x.waitlist_seq < reg.waitlist_seq)::int end as waitlist_position
        from reg`.execute(trx);
      return { ...created, waitlistPosition: inserted.rows[0]?.waitlist_position ?? null };
    });
  } catch (e) {
    // Two attempts for the same person at once: the unique index lets one through.
    if (isUniqueViolation(e, 'registration_active_')) throw new AppError('CONFLICT', 'Already registered for this workshop.');
    if (isUniqueViolation(e, 'registration_ticket_code_key')) return register(ctx, caller, workshopId, person);
    throw e;
  }
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

async function lockWorkshopThenRegistration(trx: Transaction<Database>, id: string): Promise<Registration> {
  const head = await trx.selectFrom('registration').select('workshop_id').where('id', '=', id).executeTakeFirst();
  if (!head) throw new AppError('NOT_FOUND', 'This registration no longer exists.');
  await sql`select id from workshop where id = ${head.workshop_id} for no key update`.execute(trx);
  await sql`select id from registration where id = ${id} for update`.execute(trx);
  return loadRegistration(trx, id);
}

const refuse = (r: Registration, verb: string) => new AppError('CONFLICT', `${statusInWords(r)}: this registration cannot be ${verb}.`);

/** The first person on the waiting list gets the freed seat (automatic mode), in the same transaction. */
async function promoteFirstWaitlisted(trx: Transaction<Database>, caller: Caller, workshopId: string, now: Date): Promise<string | null> {
  const next = await sql<{ id: string }>`select id from registration where workshop_id = ${workshopId} and status = 'waitlisted'
    order by waitlist_seq limit 1 for update skip locked`.execute(trx);
  const id = next.rows[0]?.id;
  if (!id || !(await takeSeat(trx, workshopId))) return null;
  await trx.updateTable('registration').set({ status: 'confirmed', confirmed_at: now, waitlisted_at: null, waitlist_seq: null, ticket_code: newTicketCode(), version: sql`version + 1`, updated_at: now }).where('id', '=', id).execute();
  await writeAudit(trx, actorOf(caller), { action: 'registration.promote', entityType: 'registration', entityId: id, before: { status: 'waitlisted' }, after: { status: 'confirmed', reason: 'seat freed' } });
  return id;
}

export async function cancelRegistration(ctx: CoreContext, caller: Caller, id: string, reason: string): Promise<Registration> {
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const before = await lockWorkshopThenRegistration(trx, id);
    if (!isOrganiser(caller) && before.userId !== caller.user?.id) throw new AppError('NOT_FOUND', 'This registration no longer exists.');
    if (!(ACTIVE_STATUSES as readonly string[]).includes(before.status)) throw refuse(before, 'cancelled');
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
      if (before.registrationMode === 'automatic') promoted = await promoteFirstWaitlisted(trx, caller, before.workshopId, now);
    }
    const after = await loadRegistration(trx, id);
    await writeAudit(trx, actorOf(caller), { action: 'registration.cancel', entityType: 'registration', entityId: id, before: { status: before.status }, after: { status: 'cancelled', reason: after.cancelReason, promoted } });
    return after;
  });
}

/** Organiser decision on one request (pending) or one person on the waiting list. */
export async function confirmRegistration(ctx: CoreContext, caller: Caller, id: string): Promise<Registration> {
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const before = await lockWorkshopThenRegistration(trx, id);
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
  return ctx.db.transaction().execute(async (trx) => {
    const before = await lockWorkshopThenRegistration(trx, id);
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
