import { sql, type Kysely, type Transaction } from 'kysely';
import { AppError } from '../../shared/errors';
import type { Database } from '../db/schema';

/**
 * Password guessing limits, kept in the database so that every station sharing it counts together.
 *
 * An attempt is *reserved* before any password is hashed: one transaction locks the counters it
 * touches, refuses if any of them is spent, and otherwise counts the attempt as a failure in all of
 * them. So a burst from many stations at once cannot run past a limit, and what is refused never
 * costs a bcrypt hash. A correct password then gives back what it reserved (`settle`).
 *
 * - per account *at one station*: a streak of consecutive failures; after 5, each further attempt
 *   waits 30 s, 60 s, 120 s … up to 15 minutes. A success ends the streak. Because it is per
 *   station, someone typing wrong passwords for your account at the kiosk does not lock you out at
 *   the front desk.
 * - per account, all stations together: at most 100 failures in an hour. A success does not reset
 *   it (it only gives back its own attempt), so a correct password slipped into a burst buys the
 *   burst nothing.
 * - per station, all accounts together: at most 100 failures in an hour, so guesses sprayed over
 *   many accounts (or unknown emails) from one station are bounded too.
 * - sign-ups per station: at most 30 attempts in an hour, successful or not.
 */
export type ThrottleScope = 'account_station' | 'account' | 'station' | 'sign_up_station';

export interface Bucket {
  scope: ThrottleScope;
  /** Normalised email ('' for station-wide counters); unknown emails are counted like real ones. */
  account: string;
  /** Station name ('' for account-wide counters). */
  station: string;
}

export const STREAK_FREE_FAILURES = 5;
const BASE_DELAY_SECONDS = 30;
const MAX_DELAY_SECONDS = 15 * 60;
/** A streak nobody added to for this long is forgotten, so last month's typos cost nothing today. */
export const STREAK_MEMORY_MS = 3600_000;
export const HOUR_MS = 3600_000;
export const MAX_ACCOUNT_FAILURES_PER_HOUR = 100;
export const MAX_STATION_FAILURES_PER_HOUR = 100;
export const MAX_SIGN_UPS_PER_STATION_PER_HOUR = 30;

const WINDOW_CAPS: Record<Exclude<ThrottleScope, 'account_station'>, number> = {
  account: MAX_ACCOUNT_FAILURES_PER_HOUR,
  station: MAX_STATION_FAILURES_PER_HOUR,
  sign_up_station: MAX_SIGN_UPS_PER_STATION_PER_HOUR,
};

/** Wait after the n-th failure in a row before the next attempt. */
export function delaySecondsAfter(streak: number): number {
  if (streak < STREAK_FREE_FAILURES) return 0;
  return Math.min(BASE_DELAY_SECONDS * 2 ** (streak - STREAK_FREE_FAILURES), MAX_DELAY_SECONDS);
}

const waitText = (seconds: number): string => (seconds >= 90 ? `${Math.ceil(seconds / 60)} minutes` : `${seconds} seconds`);

const REFUSALS: Record<ThrottleScope, (wait: string) => string> = {
  account_station: (w) => `Too many failed sign-in attempts for this account at this station. Try again in ${w}, or sign in at another station.`,
  account: (w) => `Too many failed sign-in attempts for this account in the last hour. Try again in ${w}.`,
  station: (w) => `Too many failed sign-in attempts at this station. Try again in ${w}, or use another station.`,
  sign_up_station: (w) => `Too many accounts were started at this station in the last hour. Try again in ${w}, or ask at the desk.`,
};

interface Row {
  scope: ThrottleScope;
  account: string;
  station: string;
  streak: number;
  last_failure_at: Date | null;
  window_started_at: Date;
  window_count: number;
  locked_until: Date | null;
}

/** What a reservation took, so that a success can give exactly that back. */
export interface Reservation {
  taken: { bucket: Bucket; windowStartedAt: number }[];
}

const ms = (d: Date | string | null): number | null => (d === null ? null : new Date(d).getTime());
const same = (r: Row, b: Bucket): boolean => r.scope === b.scope && r.account === b.account && r.station === b.station;

/**
 * Locks the buckets' rows, creating missing ones. Both statements take the rows in one order (the
 * database's byte order of scope, account, station), so two reservations sharing rows queue
 * instead of deadlocking.
 */
async function lockRows(trx: Transaction<Database>, buckets: Bucket[], now: Date): Promise<Row[]> {
  const keys = sql.join(buckets.map((b) => sql`(${b.scope}::text, ${b.account}::text, ${b.station}::text)`));
  await sql`insert into login_throttle (scope, account, station, window_started_at)
    select k.scope, k.account, k.station, ${now}::timestamptz from (values ${keys}) as k(scope, account, station)
    order by k.scope collate "C", k.account collate "C", k.station collate "C"
    on conflict do nothing`.execute(trx);
  const rows = await sql<Row>`select scope, account, station, streak, last_failure_at, window_started_at, window_count, locked_until
    from login_throttle
    where (scope, account, station) in (${keys})
    order by scope collate "C", account collate "C", station collate "C"
    for update`.execute(trx);
  return rows.rows;
}

/** Seconds until this bucket admits an attempt again (0: now), and the row as the attempt would leave it. */
function judge(row: Row, now: number): { waitSeconds: number; next: Row } {
  if (row.scope === 'account_station') {
    const streak = (ms(row.last_failure_at) ?? 0) + STREAK_MEMORY_MS <= now ? 0 : row.streak;
    const lockedUntil = ms(row.locked_until);
    if (streak > 0 && lockedUntil !== null && lockedUntil > now) return { waitSeconds: Math.ceil((lockedUntil - now) / 1000), next: row };
    const delay = delaySecondsAfter(streak + 1);
    return { waitSeconds: 0, next: { ...row, streak: streak + 1, last_failure_at: new Date(now), locked_until: delay > 0 ? new Date(now + delay * 1000) : null } };
  }
  const started = ms(row.window_started_at)!;
  const fresh = started + HOUR_MS <= now;
  const count = fresh ? 0 : row.window_count;
  const windowStart = fresh ? now : started;
  if (count >= WINDOW_CAPS[row.scope]) return { waitSeconds: Math.max(1, Math.ceil((windowStart + HOUR_MS - now) / 1000)), next: row };
  return { waitSeconds: 0, next: { ...row, window_started_at: new Date(windowStart), window_count: count + 1, last_failure_at: new Date(now) } };
}

/** Writes the rows back in one statement (they are locked by this transaction already). */
async function store(trx: Transaction<Database>, rows: Row[]): Promise<void> {
  if (!rows.length) return;
  const values = sql.join(
    rows.map(
      (r) =>
        sql`(${r.scope}::text, ${r.account}::text, ${r.station}::text, ${r.streak}::integer, ${r.last_failure_at}::timestamptz, ${r.window_started_at}::timestamptz, ${r.window_count}::integer, ${r.locked_until}::timestamptz)`,
    ),
  );
  await sql`update login_throttle as t
    set streak = v.streak, last_failure_at = v.last_failure_at, window_started_at = v.window_started_at, window_count = v.window_count, locked_until = v.locked_until
    from (values ${values}) as v(scope, account, station, streak, last_failure_at, window_started_at, window_count, locked_until)
    where t.scope = v.scope and t.account = v.account and t.station = v.station`.execute(trx);
}

/**
 * Counts one attempt in every bucket, or in none and throws RATE_LIMITED naming the longest wait.
 * The answer is the same whether or not the email has an account.
 */
export async function reserveAttempt(db: Kysely<Database>, buckets: Bucket[], now: Date): Promise<Reservation> {
  return db.transaction().execute(async (trx) => {
    const rows = await lockRows(trx, buckets, now);
    const verdicts = buckets.map((b) => ({ bucket: b, ...judge(rows.find((r) => same(r, b))!, now.getTime()) }));
    const refusing = verdicts.filter((v) => v.waitSeconds > 0).sort((a, b) => b.waitSeconds - a.waitSeconds)[0];
    if (refusing) {
      throw new AppError('RATE_LIMITED', REFUSALS[refusing.bucket.scope](waitText(refusing.waitSeconds)), { details: { retryAfterSeconds: refusing.waitSeconds } });
    }
    await store(
      trx,
      verdicts.map((v) => v.next),
    );
    return { taken: verdicts.map((v) => ({ bucket: v.bucket, windowStartedAt: ms(v.next.window_started_at)! })) };
  });
}

/**
 * The attempt succeeded: its streak ends, and each hourly counter gets back the one attempt this
 * reservation added (only if that window is still running) — never more, so earlier failures stay
 * counted. Runs in the caller's transaction, beside the sign-in's own writes. (Sign-ups never
 * settle: a successful one still told whether an email was free.)
 */
export async function settleSuccess(trx: Transaction<Database>, reservation: Reservation, now: Date): Promise<void> {
  const rows = await lockRows(
    trx,
    reservation.taken.map((t) => t.bucket),
    now,
  );
  const settled: Row[] = [];
  for (const { bucket, windowStartedAt } of reservation.taken) {
    const row = rows.find((r) => same(r, bucket))!;
    if (bucket.scope === 'account_station') settled.push({ ...row, streak: 0, locked_until: null });
    else if (ms(row.window_started_at) === windowStartedAt && row.window_count > 0) settled.push({ ...row, window_count: row.window_count - 1 });
  }
  await store(trx, settled);
}

/** The counters one password attempt for `account` at `station` goes through. */
export const signInBuckets = (account: string, station: string): Bucket[] => [
  { scope: 'account_station', account, station },
  { scope: 'account', account, station: '' },
  { scope: 'station', account: '', station },
];

export const signUpBuckets = (station: string): Bucket[] => [{ scope: 'sign_up_station', account: '', station }];

/** Counters whose every limit has long passed: nothing to remember. */
export async function pruneThrottle(db: Kysely<Database>, now: Date): Promise<void> {
  const before = new Date(now.getTime() - Math.max(HOUR_MS, STREAK_MEMORY_MS) - MAX_DELAY_SECONDS * 1000);
  await db
    .deleteFrom('login_throttle')
    .where('window_started_at', '<', before)
    .where((eb) => eb.or([eb('last_failure_at', 'is', null), eb('last_failure_at', '<', before)]))
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
    .execute();
}
