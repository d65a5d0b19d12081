import { sql, type Kysely } from 'kysely';

/**
 * Desk search for some digits inside a phone number ("…1234" from the middle of it) is a substring
 * match: without a trigram index it reads every registration.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`do $$ begin
    if exists (select 1 from pg_extension where extname = 'pg_trgm') then
      create index registration_phone_trgm_idx on registration using gin (person_phone_digits gin_trgm_ops);
    end if;
  end $$`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists registration_phone_trgm_idx`.execute(db);
}
