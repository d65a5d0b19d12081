import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomInt, randomUUID } from 'node:crypto';
import pg from 'pg';
import { sql } from 'kysely';
import { createCore, type Core } from '../electron/core/create-core';
import type { CoreContext } from '../electron/core/context';
import { deskSearch } from '../electron/desk/desk-search';
import { deskSearchInput } from '../shared/desk';
import { makeTicketCode } from '../shared/tickets';
import { freshDb } from './bench-db';
import { round, time, type Timing } from './stats';

const FIRST = ['Anna', 'Ben', 'Chloe', 'David', 'Elena', 'Farid', 'Greta', 'Hugo', 'Ines', 'Jonas', 'Keiko', 'Luca', 'Maya', 'Noah', 'Olga', 'Pablo', 'Quinn', 'Rosa', 'Sven', 'Tara', 'Umar', 'Vera', 'Wim', 'Xenia', 'Yusuf', 'Zoe'];
const LAST = ['Schmidt', 'Garcia', 'Rossi', 'Novak', 'Dubois', 'Smith', 'Kowalski', 'Jensen', 'Silva', 'Tanaka', 'Okafor', 'Muller', 'Andersen', 'Bianchi', 'Costa', 'Lovelace', 'Hopper', 'Eriksson', 'Fischer', 'Horvat'];
const arr = (xs: readonly string[]) => sql`array[${sql.join(xs.map((x) => sql.lit(x)))}]::text[]`;

/** `count` registrations over workshops of 100 people each, 20 of those workshops today. */
export async function seedRegistrations(db: CoreContext['db'], count: number): Promise<void> {
  const workshops = Math.ceil(count / 100);
  await sql`insert into category (id, name) values ('desk-cat', 'Desk') on conflict do nothing`.execute(db);
  await sql`insert into workshop (id, title, category_id, city, venue, starts_at, ends_at, time_zone, capacity, seats_taken, price_minor, currency, registration_mode, status)
    select 'dw-' || i, 'Workshop ' || i, 'desk-cat', 'Berlin', 'Room ' || (i % 9), s, s + interval '3 hours', 'UTC', 200, 100, case when i % 3 = 0 then 0 else 1500 end, 'EUR', 'automatic', 'published'
    from (select i, case when i <= 20 then now() + (i * interval '10 minutes') else now() + (i * interval '1 hour') - interval '30 days' end as s from generate_series(1, ${workshops}) i) g`.execute(db);
  await sql`insert into registration (id, workshop_id, person_name, person_email, person_phone, status, requested_at, confirmed_at, amount_due_minor, currency, payment_status, ticket_code, station)
    select 'dr-' || i, 'dw-' || (1 + (i - 1) / 100),
      (${arr(FIRST)})[1 + i % ${FIRST.length}] || ' ' || (${arr(LAST)})[1 + (i / 7) % ${LAST.length}],
      lower((${arr(FIRST)})[1 + i % ${FIRST.length}]) || '.' || i || '@example.com',
      '+49 30 ' || lpad((1000000 + i * 7)::text, 8, '0'),
      'confirmed', now() - interval '2 days', now() - interval '2 days', 1500, 'EUR', 'paid',
      -- Codes of the right shape (the search does not check the symbol; check-in codes are made below).
      'Q' || lpad(upper(to_hex(i)), 7, 'Z'), 'bench'
    from generate_series(1, ${count}) i`.execute(db);
  await sql`vacuum analyze`.execute(db);
}

export interface DeskBench {
  search: Timing[];
  checkIn: Timing[];
  throughput: { stations: number; checkIns: number; rawPerSecond: number; dispatcherPerSecond: number; ratio: number; doubleCheckIns: number };
}

const staff = (core: Core, client: string) => core.dispatch({ clientId: client, surface: 'workstation' }, 'auth:signIn', { email: 'desk@example.com', password: 'correct horse battery staple' });

/** Desk search at 200,000 registrations, check-in latency through the dispatcher, and 8 stations at once. */
export async function benchDesk(kind: 'postgres' | 'embedded', runs: number, count = 200_000): Promise<DeskBench> {
  const h = await freshDb(kind, 'desk', 12);
  try {
    const t0 = performance.now();
    await seedRegistrations(h.db, count);
    console.log(`  ${kind}: seeded ${count.toLocaleString()} registrations in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const ctx = { db: h.db, now: () => new Date() } as unknown as CoreContext;
    const s = (q: string, scope: 'today' | 'all' = 'all') => deskSearch(ctx, deskSearchInput.parse({ q, scope }));
    const pick = <T>(xs: T[], i: number) => xs[i % xs.length]!;
    const search: Timing[] = [
      await time('baseline: registration by ticket code (bare SQL)', runs, (i) => sql`select id from registration where ticket_code = ${`Q${(1 + ((i * 7919) % count)).toString(16).toUpperCase().padStart(7, 'Z')}`}`.execute(h.db)),
      await time('baseline: name prefix, 12 rows (bare SQL)', runs, (i) => sql`select id from registration where lower(person_name) like ${`${pick(FIRST, i).toLowerCase()}%`} limit 12`.execute(h.db)),
      await time('desk search: ticket code', runs, (i) => s(`Q${(1 + ((i * 7919) % count)).toString(16).toUpperCase().padStart(7, 'Z')}`)),
      await time('desk search: name prefix (all workshops)', runs, (i) => s(pick(LAST, i).slice(0, 4).toLowerCase())),
      await time("desk search: name prefix (today's sessions)", runs, (i) => s(pick(FIRST, i).slice(0, 3).toLowerCase(), 'today')),
      await time('desk search: misspelt name (all workshops)', runs, (i) => s(pick(['lovelce', 'hoppr', 'kowalsky', 'eriksen', 'bianci'], i))),
      await time('desk search: email prefix', runs, (i) => s(`${pick(FIRST, i).toLowerCase()}.${1 + ((i * 31) % count)}@`)),
      await time('desk search: phone digits', runs, (i) => s(String(1000000 + (1 + ((i * 131) % count)) * 7))),
    ];
    const { checkIn, throughput } = kind === 'postgres' ? await benchCheckIn(h.url!, runs) : { checkIn: [], throughput: null };
    return { search, checkIn, throughput: throughput! };
  } finally {
    await h.close();
    await h.dropDb();
  }
}

/** Check-in as the desk calls it (dispatcher, session resolution included) beside the same statements sent raw. */
async function benchCheckIn(url: string, runs: number) {
  const STATIONS = 8;
  const PER_STATION = 250;
  const config = (i: number) => ({ database: { kind: 'postgres' as const, url, poolSize: 4 }, settingsFile: join(mkdtempSync(join(tmpdir(), 'wb-bench-')), 's.json'), bcryptCost: 4, logError: () => undefined, appVersion: `bench ${i}` });
  const cores: Core[] = [];
  for (let i = 0; i < STATIONS; i++) cores.push(await createCore(config(i)));
  try {
    const first = cores[0]!;
    await first.dispatch({ clientId: 'admin', surface: 'workstation' }, 'setup:createFirstAdmin', { name: 'Bench Admin', email: 'bench@example.com', password: 'correct horse battery staple' });
    await first.dispatch({ clientId: 'admin', surface: 'workstation' }, 'users:create', { name: 'Desk', email: 'desk@example.com', role: 'staff', password: 'correct horse battery staple', mustChangePassword: false }, { requestId: randomUUID() });
    for (let i = 0; i < STATIONS; i++) {
      cores[i]!.ctx.settings.write({ stationName: `Desk ${i + 1}`, databaseUrl: null });
      await staff(cores[i]!, 'desk');
    }
    // Tickets for a workshop that is open for check-in now: one batch per measurement.
    const batch = async (n: number) => {
      const w = randomUUID();
      await sql`insert into workshop (id, title, category_id, city, venue, starts_at, ends_at, time_zone, capacity, seats_taken, price_minor, currency, registration_mode, status)
        values (${w}, 'Now', 'desk-cat', 'Berlin', 'Hall', now() + interval '20 minutes', now() + interval '3 hours', 'UTC', ${n}, ${n}, 0, 'EUR', 'automatic', 'published')`.execute(first.ctx.db);
      const codes = Array.from({ length: n }, () => makeTicketCode((k) => randomInt(k)));
      await sql`insert into registration (id, workshop_id, person_name, status, requested_at, confirmed_at, amount_due_minor, currency, payment_status, ticket_code, station)
        select gen_random_uuid()::text, ${w}, 'Guest ' || c, 'confirmed', now(), now(), 0, 'EUR', 'not_required', c, 'bench' from unnest(${codes}::text[]) c`.execute(first.ctx.db);
      return codes;
    };
    const one = await batch(runs + 20);
    const checkInTiming = await time('check-in through the dispatcher (one station, signed in)', runs, (i) => first.dispatch({ clientId: 'desk', surface: 'workstation' }, 'desk:checkIn', { ticketCode: one[i + 10]! }, { requestId: randomUUID() }), 10);
    const trivial = await time('trivial call through the dispatcher (auth:session, signed in)', runs * 5, () => first.dispatch({ clientId: 'desk', surface: 'workstation' }, 'auth:session', {}));

    // The same work sent raw from 8 clients: the read of what the result shows (who, which workshop,
    // an earlier check-in), and one statement that checks in, writes the audit row, records the
    // request (every write must; see DESIGN.md) and returns the seat count — without our code around it.
    const rawCodes = await batch(STATIONS * PER_STATION);
    const pool = new pg.Pool({ connectionString: url, max: STATIONS });
    const READ = `select r.id, r.workshop_id, r.person_name, r.status, r.payment_status, r.amount_due_minor, r.checkin_id, w.title, w.starts_at, w.ends_at, w.status as ws,
        e.at as ci_at, e.station as ci_station, e.actor_name as ci_by
      from registration r join workshop w on w.id = r.workshop_id left join checkin_event e on e.id = r.checkin_id where r.ticket_code = $1`;
    const WRITE = `with reg as (update registration set checkin_id = nextval(pg_get_serial_sequence('checkin_event', 'id')), version = version + 1, updated_at = now()
        where id = $1 and checkin_id is null and status = 'confirmed' and payment_status <> 'unpaid' returning id, workshop_id, checkin_id),
      ev as (insert into checkin_event (id, registration_id, workshop_id, kind, at, station, surface, request_id) select checkin_id, id, workshop_id, 'check_in', now(), 'raw', 'workstation', $2::uuid from reg returning id),
      audit as (insert into audit_log (station, action, entity_type, entity_id, after) select 'raw', 'checkin.check_in', 'registration', reg.id, jsonb_build_object('checkInId', ev.id::text) from reg, ev),
      claim as (insert into request_outcome (request_id, channel, entity_id) select $2::uuid, 'desk:checkIn', id::text from ev),
      counts as (insert into workshop_checked_in as c (workshop_id, checked_in) select workshop_id, 1 from reg
        on conflict (workshop_id) do update set checked_in = c.checked_in + 1 returning workshop_id, checked_in)
      select ev.id, counts.checked_in, w.seats_taken from ev, counts join workshop w on w.id = counts.workshop_id`;
    const rawStart = performance.now();
    await Promise.all(
      Array.from({ length: STATIONS }, async (_, s) => {
        for (let k = 0; k < PER_STATION; k++) {
          const r = await pool.query(READ, [rawCodes[s * PER_STATION + k]]);
          await pool.query(WRITE, [r.rows[0].id, randomUUID()]);
        }
      }),
    );
    const rawPerSecond = (STATIONS * PER_STATION) / ((performance.now() - rawStart) / 1000);
    await pool.end();

    const codes = await batch(STATIONS * PER_STATION);
    const dispStart = performance.now();
    await Promise.all(
      cores.map(async (core, s) => {
        for (let k = 0; k < PER_STATION; k++) await core.dispatch({ clientId: 'desk', surface: 'workstation' }, 'desk:checkIn', { ticketCode: codes[s * PER_STATION + k]! }, { requestId: randomUUID() });
      }),
    );
    const dispatcherPerSecond = (STATIONS * PER_STATION) / ((performance.now() - dispStart) / 1000);
    const doubles = await sql<{ n: number }>`select count(*)::int as n from (select registration_id from checkin_event where kind = 'check_in' group by registration_id having count(*) > 1) x`.execute(first.ctx.db);
    return {
      checkIn: [checkInTiming, trivial],
      throughput: { stations: STATIONS, checkIns: STATIONS * PER_STATION, rawPerSecond: round(rawPerSecond), dispatcherPerSecond: round(dispatcherPerSecond), ratio: round(dispatcherPerSecond / rawPerSecond), doubleCheckIns: doubles.rows[0]!.n },
    };
  } finally {
    for (const c of cores) await c.close();
  }
}

