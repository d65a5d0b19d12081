import { sql } from 'kysely';
import type { DeskSession, DeskWorkshop } from '../../shared/desk';
import type { Currency } from '../../shared/money';
import type { CoreContext } from '../core/context';
import type { Db } from '../checkin/desk-rows';

interface Row {
  id: string;
  title: string;
  starts_at: Date;
  ends_at: Date;
  time_zone: string;
  venue: string;
  city: string;
  status: DeskWorkshop['status'];
  capacity: number;
  registration_mode: 'automatic' | 'manual';
  waitlist_enabled: boolean;
  price_minor: number;
  currency: string;
  checked_in: number;
  confirmed: number;
  pending: number;
  waitlisted: number;
  unpaid: number;
}

/**
 * The workshops whose day is today, each in its own time zone (a 23:30 start in New York is today
 * there, whatever the clock of this station says), and any that are running right now.
 */
export const TODAY_WORKSHOPS = (now: Date) => sql<boolean>`w.status in ('published', 'cancelled')
  and w.starts_at between ${new Date(now.getTime() - 2 * 86_400_000)}::timestamptz and ${new Date(now.getTime() + 2 * 86_400_000)}::timestamptz
  and ((w.starts_at at time zone w.time_zone)::date = (${now}::timestamptz at time zone w.time_zone)::date
    or (w.starts_at <= ${now}::timestamptz and w.ends_at > ${now}::timestamptz))`;

export async function todaysSessions(ctx: CoreContext, db: Db = ctx.db): Promise<DeskSession[]> {
  const rows = await sql<Row>`select w.id, w.title, w.starts_at, w.ends_at, w.time_zone, w.venue, w.city, w.status, w.capacity, w.registration_mode, w.waitlist_enabled,
      w.price_minor, w.currency,
      (count(r.id) filter (where r.checkin_id is not null))::int as checked_in,
      (count(r.id) filter (where r.status = 'confirmed'))::int as confirmed,
      (count(r.id) filter (where r.status = 'pending'))::int as pending,
      (count(r.id) filter (where r.status = 'waitlisted'))::int as waitlisted,
      (count(r.id) filter (where r.status = 'confirmed' and r.payment_status = 'unpaid'))::int as unpaid
    from workshop w left join registration r on r.workshop_id = w.id
    where ${TODAY_WORKSHOPS(ctx.now())}
    group by w.id order by w.starts_at, w.title`.execute(db);
  return rows.rows.map((r) => ({
    workshop: {
      id: r.id,
      title: r.title,
      startsAt: new Date(r.starts_at).toISOString(),
      endsAt: new Date(r.ends_at).toISOString(),
      timeZone: r.time_zone,
      venue: r.venue,
      city: r.city,
      status: r.status,
      capacity: r.capacity,
      registrationMode: r.registration_mode,
      waitlistEnabled: r.waitlist_enabled,
      priceMinor: r.price_minor,
      currency: r.currency as Currency,
    },
    checkedIn: r.checked_in,
    confirmed: r.confirmed,
    pending: r.pending,
    waitlisted: r.waitlisted,
    unpaid: r.unpaid,
  }));
}
