import type { Kysely } from 'kysely';
import type { Database, PaymentTable, RegistrationStatus, PaymentStatus } from '../electron/db/schema';
import { zonedLocalToUtc } from '../shared/time';

/**
 * A month of workshops for report tests, written straight into the tables: several currencies and
 * zones (two start near midnight in their own zone, on a different UTC day), cancellations, refunds,
 * waivers, a desk payment undone, waiting-list promotions, and check-ins with one reversed.
 * "Now" for these data is 2026-11-25T12:00Z.
 */
export const REPORT_NOW = new Date('2026-11-25T12:00:00Z');

interface W {
  id: string;
  title: string;
  category: 'cat-baking' | 'cat-pottery';
  city: string;
  local: string;
  zone: string;
  capacity: number;
  price: number;
  currency: string;
  status?: 'published' | 'cancelled' | 'draft';
}

export const REPORT_WORKSHOPS: W[] = [
  { id: 'w-berlin', title: 'Sourdough basics', category: 'cat-baking', city: 'Berlin', local: '2026-11-10T10:00', zone: 'Europe/Berlin', capacity: 4, price: 2500, currency: 'EUR' },
  // 00:30 on the 16th in Auckland is 11:30 on the 15th in UTC.
  { id: 'w-auckland', title: 'Night raku firing', category: 'cat-pottery', city: 'Auckland', local: '2026-11-16T00:30', zone: 'Pacific/Auckland', capacity: 3, price: 4000, currency: 'NZD' },
  // 23:30 on the 20th in Los Angeles is 07:30 on the 21st in UTC.
  { id: 'w-la', title: 'Late-night bagels', category: 'cat-baking', city: 'Los Angeles', local: '2026-11-20T23:30', zone: 'America/Los_Angeles', capacity: 5, price: 1800, currency: 'USD' },
  { id: 'w-berlin-2', title: 'Wheel throwing', category: 'cat-pottery', city: 'Berlin', local: '2026-11-22T14:00', zone: 'Europe/Berlin', capacity: 2, price: 0, currency: 'EUR' },
  { id: 'w-cancelled', title: 'Glaze lab', category: 'cat-pottery', city: 'Berlin', local: '2026-11-18T18:00', zone: 'Europe/Berlin', capacity: 5, price: 3000, currency: 'EUR', status: 'cancelled' },
  { id: 'w-tokyo', title: 'Mochi making', category: 'cat-baking', city: 'Tokyo', local: '2026-11-28T11:00', zone: 'Asia/Tokyo', capacity: 6, price: 3500, currency: 'JPY' },
  { id: 'w-october', title: 'Out of range', category: 'cat-baking', city: 'Berlin', local: '2026-10-05T10:00', zone: 'Europe/Berlin', capacity: 5, price: 2500, currency: 'EUR' },
  { id: 'w-draft', title: 'Not published', category: 'cat-baking', city: 'Berlin', local: '2026-11-12T10:00', zone: 'Europe/Berlin', capacity: 5, price: 2500, currency: 'EUR', status: 'draft' },
];

interface R {
  ws: string;
  name: string;
  status: RegistrationStatus;
  pay?: PaymentStatus;
  /** Local wall-clock in the workshop's zone. */
  requested: string;
  waited?: 'promoted' | 'still' | 'left';
  /** Minutes from the start for each check-in; 'reversed' undoes the one before it. */
  checkins?: (number | 'reversed')[];
  payments?: { kind: PaymentTable['kind']; method: PaymentTable['method']; voided?: boolean }[];
  phone?: string;
}

export const REPORT_REGISTRATIONS: R[] = [
  { ws: 'w-berlin', name: 'Ada Lovelace', status: 'confirmed', pay: 'paid', requested: '2026-11-01T09:00', payments: [{ kind: 'payment', method: 'card' }], checkins: [-12] },
  { ws: 'w-berlin', name: 'Ben Ng', status: 'confirmed', pay: 'paid', requested: '2026-11-01T23:50', payments: [{ kind: 'payment', method: 'cash', voided: true }, { kind: 'payment', method: 'cash' }], checkins: [-3, 'reversed', 2] },
  { ws: 'w-berlin', name: 'Cleo Park', status: 'confirmed', pay: 'unpaid', requested: '2026-11-02T10:00', checkins: [7, 'reversed'] },
  { ws: 'w-berlin', name: 'Dan Ortiz', status: 'confirmed', pay: 'waived', requested: '2026-11-03T10:00', payments: [{ kind: 'waiver', method: 'none' }], waited: 'promoted', checkins: [0] },
  { ws: 'w-berlin', name: 'Eve Stone', status: 'cancelled', pay: 'refunded', requested: '2026-11-03T11:00', payments: [{ kind: 'payment', method: 'transfer' }, { kind: 'refund', method: 'transfer' }] },
  { ws: 'w-berlin', name: 'Finn Wolf', status: 'waitlisted', pay: 'unpaid', requested: '2026-11-04T08:00', waited: 'still' },
  { ws: 'w-berlin', name: '=HYPERLINK("x")', status: 'cancelled', pay: 'not_required', requested: '2026-11-04T09:00', waited: 'left', phone: '+49 030 1234' },
  { ws: 'w-auckland', name: 'Hana Kato', status: 'confirmed', pay: 'paid', requested: '2026-11-05T00:10', payments: [{ kind: 'payment', method: 'card' }], checkins: [-31, 'reversed', -22] },
  { ws: 'w-auckland', name: 'Ivo Marsh', status: 'confirmed', pay: 'unpaid', requested: '2026-11-05T23:55', checkins: [] },
  { ws: 'w-auckland', name: 'Jia Chen', status: 'pending', pay: 'unpaid', requested: '2026-11-06T12:00' },
  { ws: 'w-auckland', name: 'Kai Rua', status: 'rejected', pay: 'not_required', requested: '2026-11-06T13:00' },
  { ws: 'w-la', name: 'Lena Fox', status: 'confirmed', pay: 'paid', requested: '2026-11-19T23:59', payments: [{ kind: 'payment', method: 'card' }], checkins: [-4] },
  { ws: 'w-la', name: 'Mo Diaz', status: 'confirmed', pay: 'paid', requested: '2026-11-20T00:01', payments: [{ kind: 'payment', method: 'cash' }], checkins: [1] },
  { ws: 'w-la', name: 'Nia Brooks', status: 'confirmed', pay: 'unpaid', requested: '2026-11-20T08:00', waited: 'promoted' },
  { ws: 'w-berlin-2', name: 'Oli Berg', status: 'confirmed', pay: 'not_required', requested: '2026-11-10T10:00', checkins: [-1] },
  { ws: 'w-berlin-2', name: 'Pia Lind', status: 'confirmed', pay: 'not_required', requested: '2026-11-11T10:00' },
  { ws: 'w-berlin-2', name: 'Quin Hale', status: 'waitlisted', pay: 'not_required', requested: '2026-11-12T10:00', waited: 'still' },
  { ws: 'w-cancelled', name: 'Ravi Shah', status: 'cancelled', pay: 'refunded', requested: '2026-11-08T10:00', payments: [{ kind: 'payment', method: 'card' }, { kind: 'refund', method: 'card' }] },
  { ws: 'w-cancelled', name: 'Sara Voss', status: 'cancelled', pay: 'paid', requested: '2026-11-08T11:00', payments: [{ kind: 'payment', method: 'cash' }] },
  { ws: 'w-tokyo', name: 'Taro Sato', status: 'confirmed', pay: 'paid', requested: '2026-11-20T10:00', payments: [{ kind: 'payment', method: 'cash' }] },
  { ws: 'w-tokyo', name: 'Uma Ito', status: 'confirmed', pay: 'unpaid', requested: '2026-11-21T10:00', phone: '090-1234-5678' },
  { ws: 'w-october', name: 'Vic Old', status: 'confirmed', pay: 'paid', requested: '2026-09-20T10:00', payments: [{ kind: 'payment', method: 'card' }], checkins: [0] },
];

export async function seedReportData(db: Kysely<Database>): Promise<void> {
  await db.insertInto('category').values([{ id: 'cat-baking', name: 'Baking' }, { id: 'cat-pottery', name: 'Pottery' }]).execute();
  const starts = new Map<string, Date>();
  for (const w of REPORT_WORKSHOPS) {
    const startsAt = new Date(zonedLocalToUtc(w.local, w.zone));
    starts.set(w.id, startsAt);
    await db
      .insertInto('workshop')
      .values({
        id: w.id, title: w.title, summary: '', description: '', category_id: w.category, city: w.city, venue: `${w.city} studio`, address: '1 Main St', instructor: 'Mara Klein',
        starts_at: startsAt, ends_at: new Date(startsAt.getTime() + 3 * 3600_000), time_zone: w.zone, capacity: w.capacity, price_minor: w.price, currency: w.currency,
        registration_mode: 'automatic', waitlist_enabled: true, status: w.status ?? 'published', published_at: w.status === 'draft' ? null : startsAt,
      })
      .execute();
  }
  let n = 0;
  for (const r of REPORT_REGISTRATIONS) {
    const w = REPORT_WORKSHOPS.find((x) => x.id === r.ws)!;
    const id = `r-${++n}`;
    const requested = new Date(zonedLocalToUtc(r.requested, w.zone));
    await db
      .insertInto('registration')
      .values({
        id, workshop_id: w.id, user_id: null, person_name: r.name, person_email: `${id}@example.com`, person_phone: r.phone ?? null, status: r.status,
        waitlisted_at: r.waited === 'still' ? requested : null, waitlist_seq: r.waited === 'still' ? n : null, requested_at: requested,
        confirmed_at: r.status === 'confirmed' ? requested : null, amount_due_minor: w.price, currency: w.currency, payment_status: r.pay ?? 'not_required',
        ticket_code: r.status === 'confirmed' ? `0000${String(n).padStart(8, '0')}`.slice(-12) : null, station: 'Front desk 1', cancelled_at: r.status === 'cancelled' ? requested : null,
      })
      .execute();
    if (r.waited) {
      await db.insertInto('audit_log').values({ at: requested, actor_id: null, actor_email: null, station: 'Front desk 1', action: 'registration.request', entity_type: 'registration', entity_id: id, before: null, after: JSON.stringify({ status: 'waitlisted' }) }).execute();
      if (r.waited === 'promoted') await db.insertInto('audit_log').values({ at: requested, actor_id: null, actor_email: null, station: 'Front desk 1', action: 'registration.promote', entity_type: 'registration', entity_id: id, before: JSON.stringify({ status: 'waitlisted' }), after: JSON.stringify({ status: 'confirmed' }) }).execute();
      if (r.waited === 'left') await db.insertInto('audit_log').values({ at: requested, actor_id: null, actor_email: null, station: 'Front desk 1', action: 'registration.cancel', entity_type: 'registration', entity_id: id, before: JSON.stringify({ status: 'waitlisted' }), after: JSON.stringify({ status: 'cancelled' }) }).execute();
    }
    for (const p of r.payments ?? []) {
      const amount = w.price;
      const row = await db.insertInto('payment').values({ registration_id: id, kind: p.kind, amount_minor: amount, currency: w.currency, method: p.method, note: '', actor_id: null, station: 'Front desk 1', voids_id: null, tendered_minor: null }).returning('id').executeTakeFirstOrThrow();
      if (p.voided) await db.insertInto('payment').values({ registration_id: id, kind: 'void', amount_minor: amount, currency: w.currency, method: 'none', note: 'Undone at the desk', actor_id: null, station: 'Front desk 1', voids_id: row.id, tendered_minor: null }).execute();
    }
    let last: string | null = null;
    for (const c of r.checkins ?? []) {
      const startsAt = starts.get(w.id)!;
      if (c === 'reversed') {
        await db.insertInto('checkin_event').values({ registration_id: id, workshop_id: w.id, kind: 'reversal', reverses_id: last, at: new Date(startsAt.getTime() + 30 * 60_000), station: 'Front desk 2', surface: 'workstation', actor_id: null, actor_name: 'Ada Admin', request_id: null, reason: 'Wrong person' }).execute();
        last = null;
      } else {
        const e = await db.insertInto('checkin_event').values({ registration_id: id, workshop_id: w.id, kind: 'check_in', reverses_id: null, at: new Date(startsAt.getTime() + c * 60_000), station: c < 0 ? 'Front desk 1' : 'Kiosk', surface: c < 0 ? 'workstation' : 'kiosk', actor_id: null, actor_name: 'Desk', request_id: null, reason: null }).returning('id').executeTakeFirstOrThrow();
        last = e.id;
      }
    }
    await db.updateTable('registration').set({ checkin_id: last }).where('id', '=', id).execute();
  }
}
