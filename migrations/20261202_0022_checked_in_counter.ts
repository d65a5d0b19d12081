import { sql, type Kysely } from 'kysely';

/*
 * The "23 of 30 in" count moves off the workshop's row into a row of its own. On the workshop row
 * (migration 0017) a check-in had to lock the workshop, and to keep the lock order of cancellations
 * and approvals (workshop, then registration) it held that lock for its whole statement: 8 desks
 * scanning for one workshop queued behind each other. This row is touched only by check-ins and
 * reversals, always after the registration, so a check-in never locks the workshop at all and
 * cannot deadlock with a cancellation (workshop → registration → this row, everywhere).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table workshop_checked_in (
    workshop_id text primary key references workshop(id) on delete cascade,
    checked_in integer not null check (checked_in >= 0)
  )`.execute(db);
  await sql`insert into workshop_checked_in (workshop_id, checked_in)
    select workshop_id, count(*)::int from registration where checkin_id is not null group by workshop_id`.execute(db);
  await sql`alter table workshop drop column checked_in`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table workshop add column checked_in integer not null default 0 constraint workshop_checked_in_check check (checked_in >= 0)`.execute(db);
  await sql`update workshop w set checked_in = c.checked_in from workshop_checked_in c where c.workshop_id = w.id`.execute(db);
  await sql`drop table workshop_checked_in`.execute(db);
}
