import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Caller } from '../electron/core/caller';
import type { CoreContext } from '../electron/core/context';
import { bulkApprove } from '../electron/registrations/approval-queue';
import { register } from '../electron/registrations/registrations.service';
import { SessionStore } from '../electron/auth/session-store';
import { freshDb } from './bench-db';
import { round } from './stats';

const CLIENTS = 8;

const caller = (i: number): Caller => ({ clientId: `bench${i}`, surface: 'workstation', station: `Bench ${i}`, user: { id: 'bench', name: 'Bench', email: 'bench@example.com', role: 'staff', mustChangePassword: false }, role: 'staff', sessionToken: null });
const ctxFor = (db: CoreContext['db']) => ({ db, now: () => new Date(), sessions: new SessionStore() }) as unknown as CoreContext;

async function seedWorkshop(db: CoreContext['db'], capacity: number, mode: 'automatic' | 'manual'): Promise<string> {
  await sql`insert into category (id, name) values ('bench-cat', 'Bench') on conflict do nothing`.execute(db);
  const id = randomUUID();
  await sql`insert into workshop (id, title, category_id, city, venue, starts_at, ends_at, time_zone, capacity, price_minor, currency, registration_mode, waitlist_enabled, status)
    values (${id}, 'Hot workshop', 'bench-cat', 'Berlin', 'Hall', now() + interval '30 days', now() + interval '30 days 3 hours', 'Europe/Berlin', ${capacity}, 1500, 'EUR', ${mode}, false, 'published')`.execute(db);
  return id;
}

export interface BookingResult {
  kind: string;
  clients: number;
  bookings: number;
  serviceTps: number;
  rawTps: number;
  ratio: number;
  overbooked: number;
}

/** Booking throughput on one hot workshop: our service vs the bare SQL it runs, same run, same server. */
export async function benchBooking(kind: 'postgres' | 'embedded', bookings = 2000): Promise<BookingResult> {
  const h = await freshDb(kind, 'booking', CLIENTS + 2);
  try {
    const run = async (label: string, book: (i: number, workshopId: string) => Promise<unknown>) => {
      const w = await seedWorkshop(h.db, bookings, 'automatic');
      let next = 0;
      const t0 = performance.now();
      await Promise.all(
        Array.from({ length: CLIENTS }, async () => {
          while (next < bookings) {
            const i = next++;
            await book(i, w);
          }
        }),
      );
      const secs = (performance.now() - t0) / 1000;
      const check = await sql<{ seats: number; confirmed: number; capacity: number }>`select w.seats_taken as seats, w.capacity,
          (select count(*)::int from registration r where r.workshop_id = w.id and r.status = 'confirmed') as confirmed from workshop w where id = ${w}`.execute(h.db);
      const c = check.rows[0]!;
      console.log(`    ${label}: ${(bookings / secs).toFixed(0)} bookings/s`);
      return { tps: bookings / secs, overbooked: Math.max(0, c.confirmed - c.capacity) + (c.seats !== c.confirmed ? 1 : 0) };
    };
    // Baseline: the same lock-and-insert written by hand, without validation, audit, ticket codes or mapping.
    const raw = await run('raw SQL baseline', (i, w) =>
      h.db.transaction().execute(async (trx) => {
        const seat = await sql`update workshop set seats_taken = seats_taken + 1 where id = ${w} and seats_taken < capacity returning id`.execute(trx);
        await sql`insert into registration (id, workshop_id, person_name, person_email, status, requested_at, confirmed_at, amount_due_minor, currency, payment_status, station)
          values (${randomUUID()}, ${w}, ${`Raw ${i}`}, ${`raw${i}@example.com`}, ${seat.rows.length ? 'confirmed' : 'cancelled'}, now(), now(), 1500, 'EUR', 'unpaid', 'bench')`.execute(trx);
      }),
    );
    const ctx = ctxFor(h.db);
    const svc = await run('service layer', (i, w) => register(ctx, caller(i % CLIENTS), w, { userId: null, name: `Person ${i}`, email: `p${i}@example.com`, phone: null }));
    return { kind, clients: CLIENTS, bookings, serviceTps: round(svc.tps), rawTps: round(raw.tps), ratio: round(svc.tps / raw.tps), overbooked: svc.overbooked + raw.overbooked };
  } finally {
    await h.close();
    await h.dropDb();
  }
}

export interface BulkResultRow {
  kind: string;
  pending: number;
  seconds: number;
  approved: number;
  waitlisted: number;
}

/** Approving 10,000 pending requests through the service (set-based SQL), end to end. */
export async function benchBulkApproval(kind: 'postgres' | 'embedded', pending = 10_000): Promise<BulkResultRow> {
  const h = await freshDb(kind, 'bulk');
  try {
    const w = await seedWorkshop(h.db, pending, 'manual');
    await sql`insert into registration (id, workshop_id, person_name, person_email, status, requested_at, amount_due_minor, currency, payment_status, station)
      select 'bulk-' || i, ${w}, 'Person ' || i, 'p' || i || '@example.com', 'pending', now() - (${pending} - i) * interval '1 second', 1500, 'EUR', 'unpaid', 'bench'
      from generate_series(1, ${pending}) i`.execute(h.db);
    await sql`vacuum analyze registration`.execute(h.db);
    const ids = Array.from({ length: pending }, (_, i) => `bulk-${i + 1}`);
    const t0 = performance.now();
    const r = await bulkApprove(ctxFor(h.db), caller(0), { ids });
    const seconds = (performance.now() - t0) / 1000;
    return { kind, pending, seconds: round(seconds), approved: r.counts.approved, waitlisted: r.counts.waitlisted };
  } finally {
    await h.close();
    await h.dropDb();
  }
}

