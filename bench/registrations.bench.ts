import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Caller } from '../electron/core/caller';
import type { CoreContext } from '../electron/core/context';
import { createCore, type Core } from '../electron/core/create-core';
import { bulkApprove } from '../electron/registrations/approval-queue';
import { register } from '../electron/registrations/registrations.service';
import { SessionStore } from '../electron/auth/session-store';
import { freshDb } from './bench-db';
import { round } from './stats';

const CLIENTS = 8;

const caller = (i: number): Caller => ({ clientId: `bench${i}`, surface: 'workstation', station: `Bench ${i}`, user: { id: 'bench', name: 'Bench', email: 'bench@example.com', role: 'staff', mustChangePassword: false }, role: 'staff', sessionToken: null });
// The service on its own: the live-update notice a booking sends goes nowhere here (the dispatcher
// column runs whole cores, notices included).
const ctxFor = (db: CoreContext['db']) => ({ db, now: () => new Date(), sessions: new SessionStore(), announce: () => undefined }) as unknown as CoreContext;

async function seedWorkshop(db: CoreContext['db'], capacity: number, mode: 'automatic' | 'manual'): Promise<string> {
  await sql`insert into category (id, name) values ('bench-cat', 'Bench') on conflict do nothing`.execute(db);
  const id = randomUUID();
  await sql`insert into workshop (id, title, category_id, city, venue, starts_at, ends_at, time_zone, capacity, price_minor, currency, registration_mode, waitlist_enabled, status)
    values (${id}, 'Hot workshop', 'bench-cat', 'Berlin', 'Hall', now() + interval '30 days', now() + interval '30 days 3 hours', 'Europe/Berlin', ${capacity}, 1500, 'EUR', ${mode}, false, 'published')`.execute(db);
  return id;
}

/** The booking as one statement, as a database expert would send it (the limit of this server). */
const LIMIT_STATEMENT = (workshopVar: string) => `with w as (update workshop set seats_taken = seats_taken + 1 where id = ${workshopVar} and seats_taken < capacity returning id, price_minor, currency)
  insert into registration (id, workshop_id, person_name, person_email, status, requested_at, confirmed_at, amount_due_minor, currency, payment_status, station)
  select gen_random_uuid()::text, w.id, 'Limit', null, 'confirmed', now(), now(), w.price_minor, w.currency, 'unpaid', 'bench' from w`;

export interface BookingResult {
  kind: string;
  clients: number;
  bookings: number;
  limitTps: number;
  pgbenchTps: number | null;
  serviceTps: number;
  dispatcherTps: number | null;
  serviceRatio: number;
  dispatcherRatio: number | null;
  overbooked: number;
}

/**
 * Booking throughput on one hot workshop, 8 clients: the limit (the one-statement booking sent raw,
 * autocommit; and pgbench's figure for it), our service, and the dispatcher as IPC calls it with
 * eight signed-in stations — all in the same run, on the same server.
 */
export async function benchBooking(kind: 'postgres' | 'embedded', bookings = 2000): Promise<BookingResult> {
  const h = await freshDb(kind, 'booking', CLIENTS + 2);
  try {
    const run = async (label: string, book: (i: number, workshopId: string) => Promise<unknown>, workshop?: string) => {
      const w = workshop ?? (await seedWorkshop(h.db, bookings, 'automatic'));
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
      console.log(`    ${kind} ${label}: ${(bookings / secs).toFixed(0)} bookings/s`);
      return { tps: bookings / secs, overbooked: Math.max(0, c.confirmed - c.capacity) + (c.seats !== c.confirmed ? 1 : 0) };
    };
    const limit = await run('limit (one statement, autocommit)', (_i, w) => sql.raw(LIMIT_STATEMENT(`'${w}'`)).execute(h.db));
    const pgbenchTps = kind === 'postgres' ? runPgbench(h.url!, await seedWorkshop(h.db, 1_000_000_000, 'automatic')) : null;
    const svc = await run('service', (i, w) => register(ctxFor(h.db), caller(i % CLIENTS), w, { userId: null, name: `Person ${i}`, email: `p${i}@example.com`, phone: null }));
    let disp: { tps: number; overbooked: number } | null = null;
    if (kind === 'postgres') {
      const stations = await signedInStations(h.url!, CLIENTS);
      try {
        disp = await run('dispatcher (8 signed-in stations)', (i, w) =>
          stations[i % CLIENTS]!.dispatch({ clientId: 'desk', surface: 'workstation' }, 'registrations:registerPerson', { workshopId: w, name: `Walk ${i}`, email: `w${i}@example.com` }, { requestId: randomUUID() }),
        );
      } finally {
        for (const s of stations) await s.close();
      }
    }
    return {
      kind,
      clients: CLIENTS,
      bookings,
      limitTps: round(limit.tps),
      pgbenchTps,
      serviceTps: round(svc.tps),
      dispatcherTps: disp ? round(disp.tps) : null,
      serviceRatio: round(svc.tps / limit.tps),
      dispatcherRatio: disp ? round(disp.tps / limit.tps) : null,
      overbooked: limit.overbooked + svc.overbooked + (disp?.overbooked ?? 0),
    };
  } finally {
    await h.close();
    await h.dropDb();
  }
}

/** pgbench running the one-statement booking for 5 s with 8 clients; null where pgbench is missing. */
function runPgbench(url: string, workshopId: string): number | null {
  try {
    const dir = mkdtempSync(join(tmpdir(), 'wb-pgbench-'));
    const file = join(dir, 'booking.sql');
    writeFileSync(file, `${LIMIT_STATEMENT(`'${workshopId}'`).replace(/\n\s*/g, ' ')};\n`);
    const out = execFileSync('pgbench', ['-n', '-c', String(CLIENTS), '-j', '2', '-T', '5', '-f', file, url], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const tps = /tps = ([\d.]+)/.exec(out);
    console.log(`    postgres pgbench: ${tps?.[1] ?? '?'} bookings/s`);
    return tps ? round(Number(tps[1])) : null;
  } catch {
    return null;
  }
}

/** `n` stations (each its own core and pool), a staff member signed in at each. */
export async function signedInStations(url: string, n: number): Promise<Core[]> {
  const cores: Core[] = [];
  for (let i = 0; i < n; i++) {
    const core = await createCore({ database: { kind: 'postgres', url }, settingsFile: join(mkdtempSync(join(tmpdir(), 'wb-bench-')), 's.json'), bcryptCost: 4, logError: () => undefined });
    core.ctx.settings.write({ stationName: `Station ${i + 1}`, databaseUrl: null });
    cores.push(core);
  }
  const first = cores[0]!;
  await first.dispatch({ clientId: 'admin', surface: 'workstation' }, 'setup:createFirstAdmin', { name: 'Bench Admin', email: 'bench-admin@example.com', password: 'correct horse battery staple' });
  await first.dispatch({ clientId: 'admin', surface: 'workstation' }, 'users:create', { name: 'Desk', email: 'desk@example.com', role: 'staff', password: 'correct horse battery staple', mustChangePassword: false }, { requestId: randomUUID() });
  for (const c of cores) await c.dispatch({ clientId: 'desk', surface: 'workstation' }, 'auth:signIn', { email: 'desk@example.com', password: 'correct horse battery staple' });
  return cores;
}

export interface BulkResultRow {
  kind: string;
  pending: number;
  seconds: number;
  rawSeconds: number;
  ratio: number;
  approved: number;
}

/**
 * Approving 10,000 pending requests through the service, beside the set-based statements a database
 * expert would send for the same work (seats, statuses, ticket codes, one audit row each); the
 * middle of three runs of each.
 */
export async function benchBulkApproval(kind: 'postgres' | 'embedded', pending = 10_000): Promise<BulkResultRow> {
  const h = await freshDb(kind, 'bulk');
  try {
    const seed = async () => {
      const w = await seedWorkshop(h.db, pending, 'manual');
      const prefix = randomUUID().slice(0, 8);
      await sql`insert into registration (id, workshop_id, person_name, person_email, status, requested_at, amount_due_minor, currency, payment_status, station)
        select ${prefix} || '-' || i, ${w}, 'Person ' || i, ${prefix} || i || '@example.com', 'pending', now() - (${pending} - i) * interval '1 second', 1500, 'EUR', 'unpaid', 'bench'
        from generate_series(1, ${pending}) i`.execute(h.db);
      await sql`vacuum analyze registration`.execute(h.db);
      return { w, ids: Array.from({ length: pending }, (_, i) => `${prefix}-${i + 1}`) };
    };
    const timeRaw = async () => {
      const raw = await seed();
      const r0 = performance.now();
      await h.db.transaction().execute(async (trx) => {
        await sql`select id from workshop where id = ${raw.w} for no key update`.execute(trx);
        await sql`with upd as (
            update registration r set status = 'confirmed', confirmed_at = now(), ticket_code = upper(md5(r.id)), version = r.version + 1, updated_at = now()
            where r.id = any(${raw.ids}::text[]) and r.status = 'pending' returning r.id),
          seats as (update workshop set seats_taken = seats_taken + (select count(*) from upd) where id = ${raw.w})
          insert into audit_log (station, action, entity_type, entity_id, before, after)
          select 'bench', 'registration.bulk_approve', 'registration', id, '{"status":"pending"}', '{"status":"confirmed"}' from upd`.execute(trx);
      });
      return (performance.now() - r0) / 1000;
    };
    const timeService = async () => {
      const svc = await seed();
      const t0 = performance.now();
      const r = await bulkApprove(ctxFor(h.db), { ...caller(0), request: { id: randomUUID(), channel: 'registrations:bulkApprove' } }, { ids: svc.ids });
      return { seconds: (performance.now() - t0) / 1000, approved: r.counts.approved };
    };
    // One approval of 10,000 is a single sample at the mercy of a checkpoint or autovacuum: three of
    // each, taken in turn, and the middle one of each counts.
    const raws: number[] = [];
    const services: { seconds: number; approved: number }[] = [];
    for (let i = 0; i < 3; i++) {
      raws.push(await timeRaw());
      services.push(await timeService());
    }
    const rawSeconds = raws.sort((a, b) => a - b)[1]!;
    const r = services.sort((a, b) => a.seconds - b.seconds)[1]!;
    const seconds = r.seconds;
    return { kind, pending, seconds: round(seconds), rawSeconds: round(rawSeconds), ratio: round(rawSeconds / seconds), approved: r.approved };
  } finally {
    await h.close();
    await h.dropDb();
  }
}
