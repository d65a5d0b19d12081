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
      const w = await sql<{ status: string; starts_at: Date; registration_mode: 'automatic' | 'manual'; waitlist_enabled: boolean; price_minor: number; currency: string }>`
        select status, starts_at, registration_mode, waitlist_enabled, price_minor, currency from workshop where id = ${workshopId} for key share`.execute(trx);
      const ws = w.rows[0];
      if (!ws || (ws.status === 'draft' && !isOrganiser(caller))) throw new AppError('NOT_FOUND', 'This workshop does not exist or is not published.');
      if (ws.status !== 'published') throw new AppError('CONFLICT', `This workshop is ${ws.status === 'draft' ? 'not published yet' : ws.status}: registration is closed.`);
      if (new Date(ws.starts_at) <= now) throw new AppError('CONFLICT', 'This workshop has already started: registration is closed.');

      const existing = await registrationQuery(trx)
        .where('r.workshop_id', '=', workshopId)
        .where('r.status', 'in', ACTIVE_STATUSES)
        .where((eb) => {
          const ors = [];
          if (person.userId) ors.push(eb('r.user_id', '=', person.userId));
          if (person.email) ors.push(eb(sql`lower(r.person_email)`, '=', person.email.toLowerCase()));
          return ors.length ? eb.or(ors) : eb.val(false);
        })
        .executeTakeFirst();
      if (existing) throw alreadyRegistered(existing.status, existing.waitlist_position, existing.id);

      let status: RegistrationStatus = 'pending';
      if (ws.registration_mode === 'automatic') {
        const seat = await takeSeat(trx, workshopId);
        if (seat) status = 'confirmed';
        else if (ws.waitlist_enabled) status = 'waitlisted';
        else throw new AppError('CONFLICT', 'This workshop is full, and it has no waiting list.');
      }
      const id = randomUUID();
      await trx
        .insertInto('registration')
        .values({
          id,
          workshop_id: workshopId,
          user_id: person.userId,
          person_name: person.name,
          person_email: person.email,
          person_phone: person.phone,
          status,
          waitlisted_at: status === 'waitlisted' ? now : null,
          waitlist_seq: status === 'waitlisted' ? sql`nextval('registration_waitlist_seq')` : null,
          requested_at: now,
          confirmed_at: status === 'confirmed' ? now : null,
          rejected_at: null,
          reject_reason: null,
          cancelled_at: null,
          cancelled_by: null,
          cancel_reason: null,
          amount_due_minor: ws.price_minor,
          currency: ws.currency,
          payment_status: ws.price_minor > 0 ? 'unpaid' : 'not_required',
          ticket_code: status === 'confirmed' ? ticket : null,
          station: caller.station,
        })
        .execute();
      const created = await loadRegistration(trx, id);
      await writeAudit(trx, actorOf(caller), { action: `registration.${status === 'pending' ? 'request' : status === 'confirmed' ? 'confirm' : 'waitlist'}`, entityType: 'registration', entityId: id, after: created });
      return created;
    });
  } catch (e) {
    // Two attempts for the same person at once: the unique index lets one through.
    if (isUniqueViolation(e, 'registration_active_')) throw new AppError('CONFLICT', 'Already registered for this workshop.');
    if (isUniqueViolation(e, 'registration_ticket_code_key')) return register(ctx, caller, workshopId, person);
    throw e;
  }
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
