import { sql, type Kysely } from 'kysely';

/*
 * Money reports read a range of workshops' payments. Reached through their registrations that is
 * one index probe per registration (42,000 for a month at 100,000 workshops); with the workshop on
 * the payment it is one per workshop. A trigger keeps it, so no insert can leave it out or get it
 * wrong (a registration never moves to another workshop).
 *
 * The reports' local-day filter ("starts on 1–31 March where the workshop is") was estimated at
 * 1/200 of the rows the start-time index finds; statistics on that expression let the planner see
 * thousands of workshops, not twenty, and choose its joins for that.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table payment add column workshop_id text`.execute(db);
  await sql`update payment p set workshop_id = r.workshop_id from registration r where r.id = p.registration_id`.execute(db);
  await sql`alter table payment alter column workshop_id set not null`.execute(db);
  await sql`create index payment_workshop_idx on payment (workshop_id)`.execute(db);
  await sql`create function payment_workshop() returns trigger language plpgsql as $$
    begin
      select r.workshop_id into new.workshop_id from registration r where r.id = new.registration_id;
      return new;
    end $$`.execute(db);
  await sql`create trigger payment_workshop before insert on payment for each row execute function payment_workshop()`.execute(db);
  await sql`create statistics workshop_local_day_stats on ((starts_at at time zone time_zone)::date) from workshop`.execute(db);
  await sql`analyze workshop`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop statistics if exists workshop_local_day_stats`.execute(db);
  await sql`drop trigger if exists payment_workshop on payment`.execute(db);
  await sql`drop function if exists payment_workshop()`.execute(db);
  await sql`alter table payment drop column if exists workshop_id`.execute(db);
}
