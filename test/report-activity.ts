import { sql, type Kysely } from 'kysely';
import type { Database } from '../electron/db/schema';

/**
 * Activity for the reports screen on top of the demo data (e2e): people registered for every
 * published workshop in every state, payments with a refund and a waiver, and two past runs of the
 * first workshops with check-ins spread around their start (one reversed) — so every chart has
 * something to draw. Written straight into the tables, the way the desk would have left them.
 */
export async function addReportActivity(db: Kysely<Database>, now: Date): Promise<{ workshops: number; checkIns: number }> {
  const demo = await db.selectFrom('workshop').selectAll().where('status', '=', 'published').orderBy('starts_at').execute();
  let n = 0;
  let checkIns = 0;
  const past = demo.slice(0, 2).map((w, i) => ({ ...w, id: `${w.id}-past`, title: `${w.title} (last run)`, starts_at: new Date(now.getTime() - (3 + 7 * i) * 86_400_000), ends_at: new Date(now.getTime() - (3 + 7 * i) * 86_400_000 + 3 * 3600_000) }));
  for (const w of past) {
    await db
      .insertInto('workshop')
      .values({
        id: w.id, title: w.title, summary: w.summary, description: w.description, category_id: w.category_id, city: w.city, venue: w.venue, address: w.address, instructor: w.instructor,
        starts_at: w.starts_at, ends_at: w.ends_at, time_zone: w.time_zone, capacity: Math.max(w.capacity, 24), price_minor: w.price_minor, currency: w.currency,
        registration_mode: w.registration_mode, waitlist_enabled: w.waitlist_enabled, status: 'published', published_at: new Date(w.starts_at.getTime() - 30 * 86_400_000),
      })
      .execute();
  }
  const first = ['Ada', 'Ben', 'Cleo', 'Dan', 'Eve', 'Finn', 'Gia', 'Hana', 'Ivo', 'Jia', 'Kai', 'Lena', 'Mo', 'Nia', 'Oli', 'Pia', 'Quin', 'Ravi', 'Sara', 'Taro'];
  const last = ['Lovelace', 'Ng', 'Park', 'Ortiz', 'Stone', 'Wolf', 'Rossi', 'Kato', 'Marsh', 'Chen'];
  for (const w of [...past, ...demo]) {
    const isPast = w.id.endsWith('-past');
    const people = isPast ? 20 : 8 + (n % 5);
    for (let i = 0; i < people; i++) {
      const id = `act-${++n}`;
      const status = i < people - 3 ? 'confirmed' : (['pending', 'waitlisted', 'cancelled'] as const)[i - (people - 3)]!;
      const priced = w.price_minor > 0;
      const paid = priced && status === 'confirmed' && i % 3 !== 2;
      const requested = new Date(new Date(w.starts_at).getTime() - (20 - (i % 15)) * 86_400_000 - i * 3_600_000);
      await db
        .insertInto('registration')
        .values({
          id, workshop_id: w.id, user_id: null, person_name: `${first[i % first.length]} ${last[(i + n) % last.length]}`, person_email: `${id}@example.com`, person_phone: i % 4 === 0 ? '+49 170 000' + i : null,
          status, waitlisted_at: status === 'waitlisted' ? requested : null, waitlist_seq: status === 'waitlisted' ? n : null, requested_at: requested, confirmed_at: status === 'confirmed' ? requested : null,
          amount_due_minor: w.price_minor, currency: w.currency, payment_status: !priced ? 'not_required' : paid ? 'paid' : status === 'cancelled' ? 'refunded' : i === 1 ? 'waived' : 'unpaid',
          ticket_code: status === 'confirmed' ? String(100000000000 + n) : null, station: 'Front desk 1', cancelled_at: status === 'cancelled' ? requested : null,
        })
        .execute();
      if (paid) await db.insertInto('payment').values({ registration_id: id, kind: 'payment', amount_minor: w.price_minor, currency: w.currency, method: i % 2 ? 'card' : 'cash', note: '', actor_id: null, station: 'Front desk 1', voids_id: null, tendered_minor: null }).execute();
      if (priced && status === 'cancelled') {
        await db.insertInto('payment').values({ registration_id: id, kind: 'payment', amount_minor: w.price_minor, currency: w.currency, method: 'transfer', note: '', actor_id: null, station: 'Office', voids_id: null, tendered_minor: null }).execute();
        await db.insertInto('payment').values({ registration_id: id, kind: 'refund', amount_minor: w.price_minor, currency: w.currency, method: 'transfer', note: 'Cancelled in time', actor_id: null, station: 'Office', voids_id: null, tendered_minor: null }).execute();
      }
      // Past runs: most confirmed people came, in a queue that peaks just before the start.
      if (isPast && status === 'confirmed' && i % 6 !== 5) {
        const minutes = [-32, -21, -17, -14, -12, -9, -8, -7, -6, -4, -3, -2, -1, 0, 2, 4, 11][i % 17]!;
        const e = await db.insertInto('checkin_event').values({ registration_id: id, workshop_id: w.id, kind: 'check_in', reverses_id: null, at: new Date(new Date(w.starts_at).getTime() + minutes * 60_000), station: i % 2 ? 'Front desk 1' : 'Kiosk', surface: i % 2 ? 'workstation' : 'kiosk', actor_id: null, actor_name: 'Desk', request_id: null, reason: null }).returning('id').executeTakeFirstOrThrow();
        await db.updateTable('registration').set({ checkin_id: e.id }).where('id', '=', id).execute();
        checkIns++;
      }
    }
  }
  // One check-in given to the wrong person and reversed.
  await sql`with e as (select id, registration_id, workshop_id, at from checkin_event order by id limit 1),
    rev as (insert into checkin_event (registration_id, workshop_id, kind, reverses_id, at, station, surface, actor_name, reason)
      select registration_id, workshop_id, 'reversal', id, at + interval '3 minutes', 'Front desk 1', 'workstation', 'Workshop Admin', 'Wrong person' from e returning registration_id)
    update registration set checkin_id = null where id in (select registration_id from rev)`.execute(db);
  return { workshops: past.length, checkIns: checkIns - 1 };
}
