import { sql, type Kysely } from 'kysely';

// Failed sign-ins per account key (normalised email, whether or not such an account exists),
// in the database so that every station sharing it sees the same count.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table login_throttle (
    account_key text primary key,
    window_started_at timestamptz not null,
    window_failures integer not null default 0,
    last_failure_at timestamptz not null,
    locked_until timestamptz
  )`.execute(db);
}
