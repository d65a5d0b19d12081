import { sql, type Kysely } from 'kysely';

/*
 * A registration is written again on every change of its status (approval, waiting list, check-in),
 * and each write adds an entry to every index on the table. Guests and walk-ins have no account, and
 * many people give no phone: the account and phone-trigram indexes only ever look up a value, so
 * they now leave the empty ones out, and a status change of a guest without a phone writes two index
 * entries fewer. Two indexes keep their empty entries on purpose, each for a plan measured worse
 * without them: the phone-prefix index (the planner would read that list of every phone number
 * whole rather than ask the trigram index for digits from the middle of a number), and the
 * email-prefix index (the planner's row estimate for the partial expression fell back to a default,
 * and desk searches for a misspelt name ran slower side by side: 12 ms at the median against 8).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`drop index registration_user_idx`.execute(db);
  await sql`create index registration_user_idx on registration (user_id, requested_at desc) where user_id is not null`.execute(db);
  await sql`do $$ begin
    if exists (select 1 from pg_indexes where indexname = 'registration_phone_trgm_idx') then
      drop index registration_phone_trgm_idx;
      create index registration_phone_trgm_idx on registration using gin (person_phone_digits gin_trgm_ops) where person_phone_digits is not null;
    end if;
  end $$`.execute(db);
}
