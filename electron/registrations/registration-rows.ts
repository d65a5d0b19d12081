import { randomInt } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import { AppError } from '../../shared/errors';
import type { Currency } from '../../shared/money';
import type { Registration } from '../../shared/registrations';
import { makeTicketCode } from '../../shared/tickets';
import type { Database } from '../db/schema';

type Db = Kysely<Database> | Transaction<Database>;

export const ACTIVE_STATUSES = ['pending', 'confirmed', 'waitlisted'] as const;

export const newTicketCode = (): string => makeTicketCode((n) => randomInt(n));

/** What has been paid for registration `r`: payments, less refunds and voided desk payments. */
export const PAID_MINOR = sql<number>`coalesce((select sum(case when p.kind = 'payment' then p.amount_minor when p.kind in ('refund', 'void') then -p.amount_minor else 0 end)
  from payment p where p.registration_id = r.id), 0)::int`;

/** Registrations with their workshop, waiting-list position and amount paid so far. */
export function registrationQuery(db: Db) {
  return db
    .selectFrom('registration as r')
    .innerJoin('workshop as w', 'w.id', 'r.workshop_id')
    .select([
      'r.id',
      'r.workshop_id',
      'w.title as workshop_title',
      'w.starts_at as workshop_starts_at',
      'w.ends_at as workshop_ends_at',
      'w.time_zone as workshop_time_zone',
      'w.city as workshop_city',
      'w.venue as workshop_venue',
      'w.status as workshop_status',
      'w.registration_mode',
      'r.user_id',
      'r.person_name',
      'r.person_email',
      'r.person_phone',
      'r.status',
      'r.requested_at',
      'r.confirmed_at',
      'r.reject_reason',
      'r.cancelled_at',
      'r.cancel_reason',
      'r.amount_due_minor',
      'r.currency',
      'r.payment_status',
      'r.ticket_code',
      sql<number | null>`case when r.status = 'waitlisted' then (
        select count(*) from registration r2 where r2.workshop_id = r.workshop_id and r2.status = 'waitlisted'
          and r2.waitlist_seq <= r.waitlist_seq)::int end`.as('waitlist_position'),
      sql<number>`${PAID_MINOR}`.as('paid_minor'),
    ]);
}

/** A registration row as `registrationQuery` reads it: whatever produces one maps through `toRegistration`. */
export type RegistrationRow = Awaited<ReturnType<ReturnType<typeof registrationQuery>['executeTakeFirstOrThrow']>>;

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

export const toRegistration = (r: RegistrationRow): Registration => ({
  id: r.id,
  workshopId: r.workshop_id,
  workshopTitle: r.workshop_title,
  workshopStartsAt: iso(r.workshop_starts_at)!,
  workshopEndsAt: iso(r.workshop_ends_at)!,
  workshopTimeZone: r.workshop_time_zone,
  workshopCity: r.workshop_city,
  workshopVenue: r.workshop_venue,
  workshopStatus: r.workshop_status,
  registrationMode: r.registration_mode,
  userId: r.user_id,
  personName: r.person_name,
  personEmail: r.person_email,
  personPhone: r.person_phone,
  status: r.status,
  waitlistPosition: r.waitlist_position === null ? null : Number(r.waitlist_position),
  requestedAt: iso(r.requested_at)!,
  confirmedAt: iso(r.confirmed_at),
  rejectReason: r.reject_reason,
  cancelledAt: iso(r.cancelled_at),
  cancelReason: r.cancel_reason,
  amountDueMinor: r.amount_due_minor,
  paidMinor: Number(r.paid_minor),
  currency: r.currency as Currency,
  paymentStatus: r.payment_status,
  ticketCode: r.ticket_code,
});

export async function loadRegistration(db: Db, id: string): Promise<Registration> {
  const row = await registrationQuery(db).where('r.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'This registration no longer exists.');
  return toRegistration(row);
}
