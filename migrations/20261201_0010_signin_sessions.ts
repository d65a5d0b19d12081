import { sql, type Kysely } from 'kysely';

// Sign-in hardening (issue 12 §7, §9; issue 9 §6).
// - login_throttle becomes a set of counters keyed by scope: an account at one station (a streak
//   of failures), an account everywhere (an hourly cap), a station (an hourly budget over all
//   accounts) and sign-ups per station. The old per-account rows carry their hourly count over;
//   their lock, which came from that count, is dropped (the streaks start afresh).
// - session records where it was opened and when it was last used, so an account can see its
//   signed-in stations (better-auth leaves columns it does not know alone).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table login_throttle rename to login_throttle_0003`.execute(db);
  await sql`alter table login_throttle_0003 rename constraint login_throttle_pkey to login_throttle_0003_pkey`.execute(db);
  await sql`create table login_throttle (
    scope text not null check (scope in ('account_station', 'account', 'station', 'sign_up_station')),
    account text not null default '',
    station text not null default '',
    streak integer not null default 0 check (streak >= 0),
    last_failure_at timestamptz,
    window_started_at timestamptz not null,
    window_count integer not null default 0 check (window_count >= 0),
    locked_until timestamptz,
    primary key (scope, account, station)
  )`.execute(db);
  await sql`insert into login_throttle (scope, account, station, window_started_at, window_count, last_failure_at)
    select 'account', account_key, '', window_started_at, window_failures, last_failure_at from login_throttle_0003`.execute(db);
  await sql`drop table login_throttle_0003`.execute(db);

  await sql`alter table "session" add column station text, add column surface text, add column last_active_at timestamptz`.execute(db);
}
