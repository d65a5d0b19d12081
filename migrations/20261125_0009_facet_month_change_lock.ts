import { sql, type Kysely } from 'kysely';

/**
 * The monthly facet summary (0006) adjusted a moved workshop's old cell, then its new one. Two
 * workshops moved the other way round at the same moment (one December → January, the other
 * January → December) each held one cell and waited for the other: a deadlock, and one admin's
 * change refused. Its trigger now takes the catalogue-change lock first (0007), like the lexicon's
 * and the word postings', so such changes queue instead.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create or replace function workshop_facet_month_track() returns trigger language plpgsql as $$
  begin
    if tg_op = 'UPDATE' and old.status = new.status and old.starts_at = new.starts_at
       and old.category_id = new.category_id and old.city = new.city then
      return null;
    end if;
    perform catalogue_change_lock();
    if tg_op in ('UPDATE', 'DELETE') and old.status = 'published' then
      perform workshop_facet_month_add(date_trunc('month', old.starts_at at time zone 'UTC')::date, old.category_id, old.city, -1);
    end if;
    if tg_op in ('INSERT', 'UPDATE') and new.status = 'published' then
      perform workshop_facet_month_add(date_trunc('month', new.starts_at at time zone 'UTC')::date, new.category_id, new.city, 1);
    end if;
    return null;
  end $$`.execute(db);
}
