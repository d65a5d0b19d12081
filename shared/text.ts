import { z } from 'zod';

/**
 * The one string schema every input uses. PostgreSQL refuses NUL (U+0000) in text and a lone UTF-16
 * surrogate in jsonb (the audit row), while JavaScript strings hold both: refused here, with a field
 * message, instead of failing deep in a statement.
 */
// eslint-disable-next-line no-control-regex -- finding U+0000 is the point
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const UNSTORABLE_MESSAGE = 'This contains a character that cannot be saved (an invisible control or a broken character). Remove it and try again.';

export const hasUnstorable = (s: string): boolean => UNSTORABLE.test(s);

export const text = () => z.string({ error: 'Enter text here.' }).refine((s) => !UNSTORABLE.test(s), { message: UNSTORABLE_MESSAGE, abort: true });

/** An id of ours (a UUID or a short key): never empty, never long. */
export const idText = (required = 'Choose one.') => text().min(1, required).max(100, 'That is not a valid id.');

/** The id of a row numbered by the database (a bigint): digits only, so it never fails a cast. */
export const serialId = (required = 'Choose one.') => text().min(1, required).regex(/^\d{1,18}$/, 'That is not a valid id.');

/** Largest value of a PostgreSQL integer column. */
export const INT4_MAX = 2_147_483_647;

/** A whole number that fits the columns it is compared with. */
export const boundedInt = (min: number, max: number, what = 'This') =>
  z.number({ error: `${what} must be a number.` }).int(`${what} must be a whole number.`).min(min, `${what} must be at least ${min}.`).max(max, `${what} must be at most ${max}.`);

/** Years an organiser can mean; PostgreSQL itself holds far more, but 0000 or 9999 is a typo. */
export const YEAR_MIN = 1900;
export const YEAR_MAX = 2199;

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** "2024-02-30" has the right shape but is no day of any calendar. */
export function isRealDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return y >= YEAR_MIN && y <= YEAR_MAX && mo >= 1 && mo <= 12 && d >= 1 && d <= daysIn(y, mo);
}

/** "2031-02-30T10:00" or "…T24:99": refused rather than rolled over to another day. */
export function isRealLocalDateTime(s: string): boolean {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/.exec(s);
  return !!m && isRealDate(m[1]!) && Number(m[2]) <= 23 && Number(m[3]) <= 59;
}

/** A calendar date, YYYY-MM-DD, that exists. */
export const calendarDate = () =>
  text()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-12-31.')
    .refine(isRealDate, { message: `There is no such date (use a real day between ${YEAR_MIN} and ${YEAR_MAX}).` });
