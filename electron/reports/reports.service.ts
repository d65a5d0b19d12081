import { sql, type Kysely, type RawBuilder } from 'kysely';
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
 * One line per registration (what it owes) and one per payment record (what moved), carrying the
 * workshop's fields each figure groups by — so no figure joins the workshops a second time (the
 * planner cannot estimate the local-day filter and would loop over them).
 */
const LINE_WORKSHOP = sql`w.id as workshop_id, w.title, w.starts_at, w.time_zone, w.category_id`;

function moneyLines(f: ReportFilters): RawBuilder<unknown> {
  return sql`w as (${workshopScope(f)}),
    lines as (
      select ${LINE_WORKSHOP}, r.currency,
        case when r.status = 'confirmed' then r.amount_due_minor else 0 end as due,
        case when r.status = 'confirmed' and r.payment_status = 'unpaid' then r.amount_due_minor else 0 end as outstanding,
        0 as paid, 0 as refunded, 0 as waived
      from registration r join w on w.id = r.workshop_id
      union all
      select ${LINE_WORKSHOP}, p.currency, 0, 0,
        case when p.kind = 'payment' and not exists (select 1 from payment v where v.voids_id = p.id) then p.amount_minor else 0 end,
        case when p.kind = 'refund' then p.amount_minor else 0 end,
        case when p.kind = 'waiver' then p.amount_minor else 0 end
      from payment p join registration r on r.id = p.registration_id join w on w.id = r.workshop_id
    )`;
}

const MONEY_SUMS = sql`lines.currency,
  sum(lines.due)::float8 as due, sum(lines.paid)::float8 as paid, sum(lines.outstanding)::float8 as outstanding,
  sum(lines.refunded)::float8 as refunded, sum(lines.waived)::float8 as waived`;

const moneyOf = (r: Record<string, unknown>): MoneyFigures => ({
  currency: String(r.currency),
  dueMinor: num(r.due),
  paidMinor: num(r.paid),
  outstandingMinor: num(r.outstanding),
  refundedMinor: num(r.refunded),
  waivedMinor: num(r.waived),
});

export async function moneyByWorkshop(db: Db, f: ReportFilters): Promise<MoneyReport['byWorkshop']> {
  const rows = await sql<Record<string, unknown>>`with ${moneyLines(f)}
    select lines.workshop_id as id, lines.title, lines.starts_at, ${MONEY_SUMS}
    from lines
    group by lines.workshop_id, lines.title, lines.starts_at, lines.currency
    order by lines.starts_at, lines.workshop_id, lines.currency
    limit ${WORKSHOP_ROWS_LIMIT}`.execute(db);
  return rows.rows.map((r) => ({ workshopId: String(r.id), title: String(r.title), startsAt: iso(r.starts_at as Date), ...moneyOf(r) }));
}

export async function moneyByCategory(db: Db, f: ReportFilters): Promise<MoneyReport['byCategory']> {
  const rows = await sql<Record<string, unknown>>`with ${moneyLines(f)}
    select c.name as category, ${MONEY_SUMS}
    from lines join category c on c.id = lines.category_id
    group by c.name, lines.currency
    order by c.name, lines.currency`.execute(db);
  return rows.rows.map((r) => ({ category: String(r.category), ...moneyOf(r) }));
}

export async function moneyByMonth(db: Db, f: ReportFilters): Promise<MoneyReport['byMonth']> {
  const rows = await sql<Record<string, unknown>>`with ${moneyLines(f)}
    select to_char(lines.starts_at at time zone lines.time_zone, 'YYYY-MM') as month, ${MONEY_SUMS}
    from lines
    group by 1, lines.currency
    order by 1, lines.currency`.execute(db);
  return rows.rows.map((r) => ({ month: String(r.month), ...moneyOf(r) }));
}

/** Payments taken (not undone), by how they were paid. */
export async function paymentMethods(db: Db, f: ReportFilters): Promise<MoneyReport['methods']> {
  const rows = await sql<Record<string, unknown>>`with w as (${workshopScope(f)})
    select p.currency, p.method, count(*) as payments, sum(p.amount_minor)::float8 as amount
    from payment p join registration r on r.id = p.registration_id join w on w.id = r.workshop_id
    where p.kind = 'payment' and not exists (select 1 from payment v where v.voids_id = p.id)
    group by p.currency, p.method
    order by p.currency, p.method`.execute(db);
  return rows.rows.map((r) => ({ currency: String(r.currency), method: String(r.method), payments: num(r.payments), amountMinor: num(r.amount) }));
}

export async function moneyReport(db: Db, f: ReportFilters): Promise<MoneyReport> {
  const [byWorkshop, byCategory, byMonth, methods] = await Promise.all([moneyByWorkshop(db, f), moneyByCategory(db, f), moneyByMonth(db, f), paymentMethods(db, f)]);
  return { byWorkshop, byCategory, byMonth, methods };
}

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
