import { sql, type RawBuilder } from 'kysely';
import type { ReportFilters } from '../../shared/reports';

const HOUR = 3_600_000;

/**
 * The UTC instants that can hold a local day between `from` and `to` in some zone (UTC−12 … UTC+14).
 * The exact test is on the local date; this range lets the start-time index narrow the scan first.
 */
export function utcWindow(from: string, to: string): { lower: Date; upper: Date } {
  return { lower: new Date(Date.parse(`${from}T00:00:00Z`) - 14 * HOUR), upper: new Date(Date.parse(`${to}T00:00:00Z`) + 36 * HOUR) };
}

/** The local calendar day of an instant in the workshop's own zone. */
export const localDay = (instant: RawBuilder<unknown> | string) => sql`((${typeof instant === 'string' ? sql.ref(instant) : instant}) at time zone w.time_zone)::date`;

/**
 * `select … from workshop w where …`: the workshops a report covers — not drafts, starting on a
 * local day in the range, and in the category, city or the one workshop asked for.
 */
export function workshopScope(f: ReportFilters): RawBuilder<unknown> {
  const { lower, upper } = utcWindow(f.from, f.to);
  return sql`select w.id, w.title, w.starts_at, w.ends_at, w.time_zone, w.capacity, w.currency, w.category_id, w.city, w.status
    from workshop w
    where w.status <> 'draft'
      and w.starts_at >= ${lower} and w.starts_at < ${upper}
      and ${localDay('w.starts_at')} between ${f.from}::date and ${f.to}::date
      ${f.categoryId ? sql`and w.category_id = ${f.categoryId}` : sql``}
      ${f.city ? sql`and w.city = ${f.city}` : sql``}
      ${f.workshopId ? sql`and w.id = ${f.workshopId}` : sql``}`;
}
