import { sql, type Kysely } from 'kysely';
import type { z } from 'zod';
import type {
  ArrivalsReport,
  AttendanceFigures,
  AttendanceReport,
  FillRow,
  MoneyFigures,
  MoneyReport,
  registrationsOverTimeInput,
  RegistrationsOverTimeRow,
  ReportFilters,
} from '../../shared/reports';
import type { Database } from '../db/schema';
import { localDay, utcWindow, workshopScope } from './report-scope';

/*
 * Every figure is one set-based query over the workshops in scope (report-scope.ts). Money is
 * grouped by currency at every level: amounts in different currencies are never added.
 */

type Db = Kysely<Database>;

/** The most workshops a per-workshop table lists (the range narrows it; sums are never cut). */
export const WORKSHOP_ROWS_LIMIT = 1000;

const iso = (v: Date | string) => new Date(v).toISOString();
const num = (v: unknown) => Number(v ?? 0);

export async function fillReport(db: Db, f: ReportFilters): Promise<FillRow[]> {
  const rows = await sql<Record<string, unknown>>`with w as (${workshopScope(f)})
    select w.id, w.title, w.starts_at, w.time_zone, w.capacity, w.status, w.city, c.name as category,
      count(r.id) filter (where r.status = 'confirmed') as confirmed,
      count(r.id) filter (where r.status = 'pending') as pending,
      count(r.id) filter (where r.status = 'waitlisted') as waitlisted,
      count(r.id) filter (where r.status = 'waitlisted' or waited.got_seat is not null) as waited,
      count(r.id) filter (where waited.got_seat) as waited_got_seat
    from w
    join category c on c.id = w.category_id
    left join registration r on r.workshop_id = w.id
    -- Promotion clears the registration's own waiting-list fields; its audit trail keeps them.
    left join lateral (
      select bool_or(a.action = 'registration.promote' or (a.before->>'status' = 'waitlisted' and a.after->>'status' = 'confirmed')) as got_seat
      from audit_log a
      where a.entity_type = 'registration' and a.entity_id = r.id and (a.after->>'status' = 'waitlisted' or a.before->>'status' = 'waitlisted')
    ) waited on true
    group by w.id, w.title, w.starts_at, w.time_zone, w.capacity, w.status, w.city, c.name
    order by w.starts_at, w.id
    limit ${WORKSHOP_ROWS_LIMIT}`.execute(db);
  return rows.rows.map((r) => ({
    workshopId: String(r.id),
    title: String(r.title),
    startsAt: iso(r.starts_at as Date),
    timeZone: String(r.time_zone),
    category: String(r.category),
    city: String(r.city),
    status: String(r.status),
    capacity: num(r.capacity),
    confirmed: num(r.confirmed),
    pending: num(r.pending),
    waitlisted: num(r.waitlisted),
    waited: num(r.waited),
    waitedGotSeat: num(r.waited_got_seat),
  }));
}

/**
 * All money figures in one statement: each registration and each payment record of the workshops in
 * scope is read once, summed per workshop and currency, and the category and month figures are
 * sums of those. (Four statements, one per table, read every row four times over.)
 */
export async function moneyReport(db: Db, f: ReportFilters): Promise<MoneyReport> {
  const rows = await sql<Record<string, unknown>>`with w as (${workshopScope(f)}),
    owed as (
      select r.workshop_id, r.currency,
        coalesce(sum(r.amount_due_minor) filter (where r.status = 'confirmed'), 0) as due,
        coalesce(sum(r.amount_due_minor) filter (where r.status = 'confirmed' and r.payment_status = 'unpaid'), 0) as outstanding
      from registration r join w on w.id = r.workshop_id
      group by r.workshop_id, r.currency),
    moved as (
      select p.workshop_id, p.currency, p.method, grouping(p.workshop_id) as by_method,
        coalesce(sum(p.amount_minor) filter (where m.taken), 0) as paid,
        count(*) filter (where m.taken) as payments,
        coalesce(sum(p.amount_minor) filter (where p.kind = 'refund'), 0) as refunded,
        coalesce(sum(p.amount_minor) filter (where p.kind = 'waiver'), 0) as waived
      from payment p join w on w.id = p.workshop_id
      -- A payment counts as taken unless it was undone at the desk.
      cross join lateral (select p.kind = 'payment' and not exists (select 1 from payment v where v.voids_id = p.id) as taken) m
      group by grouping sets ((p.workshop_id, p.currency), (p.currency, p.method))),
    per_workshop as (
      select w.id, w.title, w.starts_at, w.time_zone, w.category_id, coalesce(o.currency, m.currency) as currency,
        coalesce(o.due, 0) as due, coalesce(o.outstanding, 0) as outstanding,
        coalesce(m.paid, 0) as paid, coalesce(m.refunded, 0) as refunded, coalesce(m.waived, 0) as waived
      from owed o
      full join (select * from moved where by_method = 0) m on m.workshop_id = o.workshop_id and m.currency = o.currency
      join w on w.id = coalesce(o.workshop_id, m.workshop_id))
    select * from (
      (select 'workshop' as level, row_number() over (order by starts_at, id, currency) as ord, id as key, title, starts_at, currency,
          due::float8 as due, paid::float8 as paid, outstanding::float8 as outstanding, refunded::float8 as refunded, waived::float8 as waived, 0::float8 as payments
        from per_workshop order by starts_at, id, currency limit ${WORKSHOP_ROWS_LIMIT})
      union all
      select 'category', row_number() over (order by c.name, currency), c.name, null, null, currency, ${MONEY_SUMS}, 0
        from per_workshop join category c on c.id = per_workshop.category_id group by c.name, currency
      union all
      select 'month', row_number() over (order by month, currency), month, null, null, currency, ${MONEY_SUMS}, 0
        from (select to_char(starts_at at time zone time_zone, 'YYYY-MM') as month, * from per_workshop) pm group by month, currency
      union all
      select 'method', row_number() over (order by currency, method), method, null, null, currency, 0, paid, 0, 0, 0, payments
        from moved where by_method = 1 and payments > 0
    ) figures
    order by level, ord`.execute(db);
  const level = (name: string) => rows.rows.filter((r) => r.level === name);
  return {
    byWorkshop: level('workshop').map((r) => ({ workshopId: String(r.key), title: String(r.title), startsAt: iso(r.starts_at as Date), ...moneyOf(r) })),
    byCategory: level('category').map((r) => ({ category: String(r.key), ...moneyOf(r) })),
    byMonth: level('month').map((r) => ({ month: String(r.key), ...moneyOf(r) })),
    methods: level('method').map((r) => ({ currency: String(r.currency), method: String(r.key), payments: num(r.payments), amountMinor: num(r.paid) })),
  };
}

const MONEY_SUMS = sql`sum(due)::float8, sum(paid)::float8, sum(outstanding)::float8, sum(refunded)::float8, sum(waived)::float8`;

const moneyOf = (r: Record<string, unknown>): MoneyFigures => ({
  currency: String(r.currency),
  dueMinor: num(r.due),
  paidMinor: num(r.paid),
  outstandingMinor: num(r.outstanding),
  refundedMinor: num(r.refunded),
  waivedMinor: num(r.waived),
});

const attendanceOf = (r: Record<string, unknown>, ended: boolean): AttendanceFigures => {
  const confirmed = num(r.confirmed);
  const checkedIn = num(r.checked_in);
  return { confirmed, checkedIn, noShowRate: ended && confirmed > 0 ? (confirmed - checkedIn) / confirmed : null };
};

/** Confirmed people and how many of them were checked in (a reversed check-in does not count). */
const ATTENDANCE_COUNTS = sql`count(r.id) as confirmed, count(r.id) filter (where r.checkin_id is not null) as checked_in`;
const ATTENDED = (f: ReportFilters) => sql`w as (${workshopScope(f)} and w.status <> 'cancelled')`;

export async function attendanceByWorkshop(db: Db, f: ReportFilters, now: Date): Promise<AttendanceReport['byWorkshop']> {
  const rows = await sql<Record<string, unknown>>`with ${ATTENDED(f)}
    select w.id, w.title, w.starts_at, w.ends_at <= ${now} as ended, ${ATTENDANCE_COUNTS}
    from w left join registration r on r.workshop_id = w.id and r.status = 'confirmed'
    group by w.id, w.title, w.starts_at, w.ends_at
    order by w.starts_at, w.id
    limit ${WORKSHOP_ROWS_LIMIT}`.execute(db);
  return rows.rows.map((r) => ({ workshopId: String(r.id), title: String(r.title), startsAt: iso(r.starts_at as Date), ended: r.ended === true, ...attendanceOf(r, r.ended === true) }));
}

async function attendanceBy(db: Db, f: ReportFilters, now: Date, key: 'category' | 'city') {
  const rows = await sql<Record<string, unknown>>`with ${ATTENDED(f)}
    select ${key === 'category' ? sql`c.name` : sql`w.city`} as key, ${ATTENDANCE_COUNTS}
    from w join category c on c.id = w.category_id left join registration r on r.workshop_id = w.id and r.status = 'confirmed'
    where w.ends_at <= ${now}
    group by 1
    order by 1`.execute(db);
  return rows.rows.map((r) => ({ key: String(r.key), ...attendanceOf(r, true) }));
}

export async function attendanceReport(db: Db, f: ReportFilters, now: Date): Promise<AttendanceReport> {
  const [byWorkshop, byCategory, byCity] = await Promise.all([attendanceByWorkshop(db, f, now), attendanceBy(db, f, now, 'category'), attendanceBy(db, f, now, 'city')]);
  return { byWorkshop, byCategory: byCategory.map(({ key, ...a }) => ({ category: key, ...a })), byCity: byCity.map(({ key, ...a }) => ({ city: key, ...a })) };
}

/** Requests by the day (or week) they were made in the workshop's zone, by their state now. */
export async function registrationsOverTime(db: Db, input: z.output<typeof registrationsOverTimeInput>): Promise<RegistrationsOverTimeRow[]> {
  const { lower, upper } = utcWindow(input.from, input.to);
  const unit = input.per === 'week' ? 'week' : 'day';
  const rows = await sql<Record<string, unknown>>`
    select to_char(date_trunc(${unit}, r.requested_at at time zone w.time_zone), 'YYYY-MM-DD') as period, r.status, count(*) as n
    from registration r join workshop w on w.id = r.workshop_id
    where r.requested_at >= ${lower} and r.requested_at < ${upper}
      and ${localDay('r.requested_at')} between ${input.from}::date and ${input.to}::date
      ${input.categoryId ? sql`and w.category_id = ${input.categoryId}` : sql``}
      ${input.city ? sql`and w.city = ${input.city}` : sql``}
      ${input.workshopId ? sql`and w.id = ${input.workshopId}` : sql``}
    group by 1, 2
    order by 1, 2`.execute(db);
  return rows.rows.map((r) => ({ period: String(r.period), status: String(r.status), count: num(r.n) }));
}

/** Effective check-ins in 5-minute buckets from each workshop's start: the queue at the door. */
export async function arrivals(db: Db, f: ReportFilters): Promise<ArrivalsReport> {
  const [buckets, count] = await Promise.all([
    sql<Record<string, unknown>>`with w as (${workshopScope(f)})
      select (floor(extract(epoch from (e.at - w.starts_at)) / 300) * 5)::int as offset_minutes, count(*) as n
      from w join registration r on r.workshop_id = w.id and r.checkin_id is not null join checkin_event e on e.id = r.checkin_id
      group by 1
      order by 1`.execute(db),
    sql<{ n: unknown }>`with w as (${workshopScope(f)}) select count(*) as n from w`.execute(db),
  ]);
  return { workshops: num(count.rows[0]?.n), buckets: buckets.rows.map((r) => ({ offsetMinutes: num(r.offset_minutes), checkIns: num(r.n) })) };
}
