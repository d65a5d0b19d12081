import { sql, type Kysely } from 'kysely';

/*
 * "23 of 30 in" comes back with every check-in. Counted from the registrations, that read every
 * ticket of the workshop on each scan (2,000 for a large one: about a millisecond of the server's
 * time, the largest part of a check-in). The workshop now holds the count, as it holds the seats
 * taken, changed by the check-in and the reversal statements themselves.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table workshop add column checked_in integer not null default 0 constraint workshop_checked_in_check check (checked_in >= 0)`.execute(db);
  await sql`update workshop w set checked_in = c.n
    from (select workshop_id, count(*)::int as n from registration where checkin_id is not null group by workshop_id) c
    where c.workshop_id = w.id`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table workshop drop column if exists checked_in`.execute(db);
}
