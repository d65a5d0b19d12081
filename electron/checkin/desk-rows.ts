import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { CheckInRecord, DeskPerson, DeskWorkshop } from '../../shared/desk';
import type { Currency } from '../../shared/money';
import type { PaymentStatus, RegistrationStatus } from '../../shared/registrations';
import type { Database } from '../db/schema';
import { PAID_MINOR } from '../registrations/registration-rows';

export type Db = Kysely<Database> | Transaction<Database>;

/** One registration as the desk and the kiosk see it: the person, their workshop, their check-in. */
export interface PersonRow {
  id: string;
  workshop_id: string;
  person_name: string;
  person_email: string | null;
  person_phone: string | null;
  status: RegistrationStatus;
  payment_status: PaymentStatus;
  amount_due_minor: number;
  currency: string;
  ticket_code: string | null;
  cancel_reason: string | null;
  reject_reason: string | null;
  waitlist_position: number | null;
  paid_minor: number;
  w_title: string;
  w_starts_at: Date;
  w_ends_at: Date;
  w_time_zone: string;
  w_venue: string;
  w_city: string;
  w_status: DeskWorkshop['status'];
  w_capacity: number;
  w_mode: 'automatic' | 'manual';
  w_waitlist: boolean;
  w_price_minor: number;
  w_currency: string;
  ci_id: string | null;
  ci_at: Date | null;
  ci_station: string | null;
  ci_by: string | null;
  ci_surface: 'workstation' | 'kiosk' | null;
  /** The request that made the check-in, so a repeat of it is told "checked in", not "already". */
  ci_request: string | null;
}

/** The columns of PersonRow, for a query over `registration r join workshop w left join checkin_event e`. */
export const PERSON_COLUMNS = sql`r.id, r.workshop_id, r.person_name, r.person_email, r.person_phone, r.status, r.payment_status,
  r.amount_due_minor, r.currency, r.ticket_code, r.cancel_reason, r.reject_reason,
  (case when r.status = 'waitlisted' then (select count(*) from registration r2 where r2.workshop_id = r.workshop_id and r2.status = 'waitlisted' and r2.waitlist_seq <= r.waitlist_seq) end)::int as waitlist_position,
  ${PAID_MINOR} as paid_minor,
  w.title as w_title, w.starts_at as w_starts_at, w.ends_at as w_ends_at, w.time_zone as w_time_zone, w.venue as w_venue, w.city as w_city,
  w.status as w_status, w.capacity as w_capacity, w.registration_mode as w_mode, w.waitlist_enabled as w_waitlist, w.price_minor as w_price_minor, w.currency as w_currency,
  e.id::text as ci_id, e.at as ci_at, e.station as ci_station, e.actor_name as ci_by, e.surface as ci_surface, e.request_id::text as ci_request`;

export const PERSON_FROM = sql`registration r join workshop w on w.id = r.workshop_id left join checkin_event e on e.id = r.checkin_id`;

export async function loadPeople(db: Db, where: RawBuilder<unknown>): Promise<PersonRow[]> {
  return (await sql<PersonRow>`select ${PERSON_COLUMNS} from ${PERSON_FROM} where ${where}`.execute(db)).rows;
}

const iso = (d: Date | string) => new Date(d).toISOString();

export const toPerson = (r: PersonRow): DeskPerson => ({
  registrationId: r.id,
  name: r.person_name,
  email: r.person_email,
  phone: r.person_phone,
  ticketCode: r.ticket_code,
  status: r.status,
  waitlistPosition: r.waitlist_position === null ? null : Number(r.waitlist_position),
  paymentStatus: r.payment_status,
  amountDueMinor: r.amount_due_minor,
  paidMinor: Number(r.paid_minor),
  currency: r.currency as Currency,
  cancelReason: r.cancel_reason,
  rejectReason: r.reject_reason,
});

export const toDeskWorkshop = (r: PersonRow): DeskWorkshop => ({
  id: r.workshop_id,
  title: r.w_title,
  startsAt: iso(r.w_starts_at),
  endsAt: iso(r.w_ends_at),
  timeZone: r.w_time_zone,
  venue: r.w_venue,
  city: r.w_city,
  status: r.w_status,
  capacity: r.w_capacity,
  registrationMode: r.w_mode,
  waitlistEnabled: r.w_waitlist,
  priceMinor: r.w_price_minor,
  currency: r.w_currency as Currency,
});

export const toCheckInRecord = (r: PersonRow): CheckInRecord | null =>
  r.ci_id ? { id: r.ci_id, at: iso(r.ci_at!), station: r.ci_station!, byName: r.ci_by, surface: r.ci_surface! } : null;

/** Checked in / confirmed for one workshop: its own count row, and its seats taken (its confirmed people). */
export async function seatCounts(db: Db, workshopId: string): Promise<{ checkedIn: number; confirmed: number }> {
  const w = await db
    .selectFrom('workshop as w')
    .leftJoin('workshop_checked_in as c', 'c.workshop_id', 'w.id')
    .select(['w.seats_taken', sql<number>`coalesce(c.checked_in, 0)`.as('checked_in')])
    .where('w.id', '=', workshopId)
    .executeTakeFirstOrThrow();
  return { checkedIn: w.checked_in, confirmed: w.seats_taken };
}
