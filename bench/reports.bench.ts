import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { CoreContext } from '../electron/core/context';
import { exportTable } from '../electron/reports/export-tables';
import { workshopScope } from '../electron/reports/report-scope';
import { arrivals, attendanceReport, fillReport, moneyReport, registrationsOverTime } from '../electron/reports/reports.service';
import { writeXlsx } from '../electron/reports/table-file';
import type { ReportFilters } from '../shared/reports';
import { freshDb } from './bench-db';
import { round, time, type Timing } from './stats';

/*
 * Every report query at 100,000 workshops and 1,000,000 registrations on PostgreSQL (BENCH_REPORTS_SCALE
 * shrinks both, e.g. 0.01 for a quick check), each beside the bare query over the same rows; and
 * an XLSX export of about 50,000 rows, its time and the memory it took.
 */

const ZONES = ['Europe/Berlin', 'America/Los_Angeles', 'Pacific/Auckland', 'Asia/Tokyo', 'UTC'];
const CURRENCIES = ['EUR', 'USD', 'GBP', 'JPY'];
const arr = (xs: readonly string[]) => sql`array[${sql.join(xs.map((x) => sql.lit(x)))}]::text[]`;
const DAY = 86_400_000;
const SPAN_DAYS = 730;

export async function seed(db: CoreContext['db'], workshops: number, registrations: number, now: Date): Promise<void> {
  const start = new Date(now.getTime() - 365 * DAY);
  const perWorkshop = Math.max(1, Math.floor(registrations / workshops));
  await sql`insert into category (id, name) select 'rc-' || i, 'Category ' || i from generate_series(1, 12) i`.execute(db);
  // Workshops evenly over two years around today, in five zones and four currencies.
  await sql`insert into workshop (id, title, category_id, city, venue, starts_at, ends_at, time_zone, capacity, seats_taken, price_minor, currency, registration_mode, status, published_at)
    select 'rw-' || i, 'Workshop ' || i, 'rc-' || (1 + i % 12), 'City ' || (i % 50), 'Room ' || (i % 9), s, s + interval '3 hours',
      (${arr(ZONES)})[1 + i % ${ZONES.length}], ${perWorkshop + 5}, 0, case when i % 5 = 0 then 0 else 2500 end, (${arr(CURRENCIES)})[1 + i % ${CURRENCIES.length}],
      'automatic', case when i % 50 = 0 then 'cancelled' else 'published' end, s - interval '30 days'
    from (select i, ${start}::timestamptz + (i - 1) * (${SPAN_DAYS}::float8 / ${workshops}) * interval '1 day' as s from generate_series(1, ${workshops}) i) g`.execute(db);
  await sql`insert into registration (id, workshop_id, person_name, person_email, status, requested_at, confirmed_at, amount_due_minor, currency, payment_status, ticket_code, station)
    select 'rr-' || i, w.id, 'Person ' || i, 'p' || i || '@example.com',
      (array['confirmed','confirmed','confirmed','confirmed','confirmed','confirmed','confirmed','pending','waitlisted','cancelled'])[1 + i % 10],
      w.starts_at - (1 + i % 30) * interval '1 day', w.starts_at - (1 + i % 30) * interval '1 day', w.price_minor, w.currency,
      case when w.price_minor = 0 then 'not_required' when i % 10 < 7 and i % 3 <> 0 then 'paid' when i % 10 = 9 then 'refunded' when i % 10 < 7 then 'unpaid' else 'not_required' end,
      null, 'bench'
    from generate_series(1, ${registrations}) i join workshop w on w.id = 'rw-' || (1 + (i - 1) / ${perWorkshop})`.execute(db);
  await sql`insert into payment (registration_id, kind, amount_minor, currency, method, note, station)
    select id, 'payment', amount_due_minor, currency, (array['cash','card','transfer'])[1 + abs(hashtext(id)) % 3], '', 'bench' from registration where payment_status in ('paid', 'refunded')`.execute(db);
  await sql`insert into payment (registration_id, kind, amount_minor, currency, method, note, station)
    select id, 'refund', amount_due_minor, currency, 'transfer', '', 'bench' from registration where payment_status = 'refunded'`.execute(db);
  // Four of five confirmed people at past workshops were checked in, around the start.
  await sql`insert into checkin_event (registration_id, workshop_id, kind, at, station, surface)
    select r.id, r.workshop_id, 'check_in', w.starts_at + ((abs(hashtext(r.id)) % 45) - 30) * interval '1 minute', 'Front desk 1', 'workstation'
    from registration r join workshop w on w.id = r.workshop_id
    where r.status = 'confirmed' and w.ends_at < ${now} and abs(hashtext(r.id)) % 5 <> 0`.execute(db);
  await sql`update registration r set checkin_id = e.id from checkin_event e where e.registration_id = r.id`.execute(db);
  await sql`vacuum analyze`.execute(db);
}

export interface ReportsBench {
  workshops: number;
  registrations: number;
  queries: Timing[];
  xlsx: { rows: number; seconds: number; peakRssMb: number; peakHeapMb: number; fileMb: number };
}

const dayOf = (d: Date) => d.toISOString().slice(0, 10);

export async function benchReports(runs: number, scale = Number(process.env.BENCH_REPORTS_SCALE ?? 1)): Promise<ReportsBench> {
  const workshops = Math.max(50, Math.round(100_000 * scale));
  const registrations = Math.max(500, Math.round(1_000_000 * scale));
  const h = await freshDb('postgres', 'reports', 4);
  const now = new Date();
  try {
    const t0 = performance.now();
    await seed(h.db, workshops, registrations, now);
    console.log(`  seeded ${workshops.toLocaleString()} workshops and ${registrations.toLocaleString()} registrations in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const db = h.db;
    // A month of workshops (about 4,000 at full scale), at different places in the two years.
    const month = (i: number): ReportFilters => {
      const from = new Date(now.getTime() - 300 * DAY + (i % 20) * 30 * DAY);
      return { from: dayOf(from), to: dayOf(new Date(from.getTime() + 30 * DAY)) };
    };
    const day = (i: number): ReportFilters => {
      const d = dayOf(new Date(now.getTime() - (1 + (i % 200)) * DAY));
      return { from: d, to: d };
    };
    const bare = (f: ReportFilters) => sql`with w as (${workshopScope(f)}) select count(*), sum(r.amount_due_minor) from registration r join w on w.id = r.workshop_id`.execute(db);
    const queries: Timing[] = [
      await time('baseline: registrations of a month of workshops, counted and summed (bare SQL)', runs, (i) => bare(month(i))),
      await time('fill per workshop (a month)', runs, (i) => fillReport(db, month(i))),
      await time('money: per workshop, category, month and payment method (a month)', runs, (i) => moneyReport(db, month(i))),
      await time('attendance: workshop, category, city (a month)', runs, (i) => attendanceReport(db, month(i), now)),
      await time('registrations per day (a month)', runs, (i) => registrationsOverTime(db, { ...month(i), per: 'day' })),
      await time('registrations per week, one category (a month)', runs, (i) => registrationsOverTime(db, { ...month(i), per: 'week', categoryId: `rc-${1 + (i % 12)}` })),
      await time('baseline: registrations of one day of workshops (bare SQL)', runs, (i) => bare(day(i))),
      await time('arrivals (one day)', runs, (i) => arrivals(db, day(i))),
    ];

    // The ledger over enough days for about 50,000 payments.
    const perDay = (registrations / SPAN_DAYS) * 0.5;
    const days = Math.max(1, Math.ceil(50_000 / Math.max(1, perDay)));
    const to = new Date(now.getTime() - 5 * DAY);
    const spec = { kind: 'payments' as const, format: 'xlsx' as const, from: dayOf(new Date(to.getTime() - days * DAY)), to: dayOf(to) };
    const dir = mkdtempSync(join(tmpdir(), 'wb-bench-xlsx-'));
    const file = join(dir, 'ledger.xlsx');
    global.gc?.();
    let peakRss = process.memoryUsage().rss;
    let peakHeap = process.memoryUsage().heapUsed;
    const baseRss = peakRss;
    const baseHeap = peakHeap;
    const sampler = setInterval(() => {
      const m = process.memoryUsage();
      peakRss = Math.max(peakRss, m.rss);
      peakHeap = Math.max(peakHeap, m.heapUsed);
    }, 10);
    const x0 = performance.now();
    const table = await exportTable({ db } as unknown as CoreContext, spec);
    const rows = await writeXlsx(table, createWriteStream(file), table.sheetName);
    const seconds = (performance.now() - x0) / 1000;
    clearInterval(sampler);
    const fileMb = statSync(file).size / 1e6;
    rmSync(dir, { recursive: true, force: true });
    return {
      workshops,
      registrations,
      queries,
      xlsx: { rows, seconds: round(seconds), peakRssMb: round((peakRss - baseRss) / 1e6), peakHeapMb: round((peakHeap - baseHeap) / 1e6), fileMb: round(fileMb) },
    };
  } finally {
    await h.close();
    await h.dropDb();
  }
}
