import { sql, type Kysely } from 'kysely';

/**
 * Typo tolerance through a lexicon: every word of published workshops' search text, with how many
 * published workshops hold it, kept by triggers in the same transaction as every change. A misspelt
 * search word is corrected against these few thousand words (trigram index) and the search then
 * runs exactly, through the full-text indexes — instead of checking trigram similarity against
 * every workshop, which took ~230 ms (PostgreSQL) and ~620 ms (PGlite) on 100,000 workshops.
 *
 * The per-workshop trigram column and its index served only that slow path and go.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // "C" collation: a prefix ("pott") is a plain range of the primary key.
  await sql`create table search_lexicon (
    word text collate "C" primary key,
    n integer not null check (n >= 0)
  )`.execute(db);

  // One lock for every change to the search structures (this lexicon, the word postings of 0008, the
  // monthly summary of 0006). Common words ("and") sit in nearly every workshop, so concurrent changes
  // meet on the same rows anyway; taken first, one lock makes them queue where row locks taken word
  // by word, or old cell then new cell, could deadlock. Held to commit. Services that change
  // workshops take it before their first row lock (catalogue-change.ts); for any other writer, a
  // trigger takes it before the structures' own triggers run: row triggers fire in name order, and
  // "catalogue_change_lock" sorts before "search_…" and "workshop_…"; statement triggers fire after
  // all row triggers.
  await sql`create function catalogue_change_lock() returns void language sql as $$
    select pg_advisory_xact_lock(hashtext('workshop catalogue changes'))
  $$`.execute(db);
  await sql`create function catalogue_change_lock_trigger() returns trigger language plpgsql as $$
  begin
    perform catalogue_change_lock();
    return null;
  end $$`.execute(db);
  await sql`create trigger catalogue_change_lock
    after insert or delete or update of title, summary, description, instructor, tags_text, status, starts_at, category_id, city on workshop
    for each row execute function catalogue_change_lock_trigger()`.execute(db);

  // Adds d (±1) for each occurrence of a word in `words` (a word may repeat: one per workshop). A
  // decrement is a plain update (the row exists), and a word no workshop holds any more is removed.
  await sql`create function search_lexicon_shift(words text[], d integer) returns void language plpgsql as $$
  begin
    if cardinality(words) = 0 then
      return;
    end if;
    if d > 0 then
      insert into search_lexicon (word, n)
      select w, count(*)::int * d from unnest(words) w group by w order by w
      on conflict (word) do update set n = search_lexicon.n + excluded.n;
    else
      update search_lexicon l set n = l.n + c.k * d
      from (select w, count(*)::int k from unnest(words) w group by w) c where l.word = c.w;
      delete from search_lexicon where word = any(words) and n = 0;
    end if;
  end $$`.execute(db);

  // Inserts and deletes per statement (a bulk import is one aggregate, not one call per row).
  await sql`create function search_lexicon_inserted() returns trigger language plpgsql as $$
  begin
    perform search_lexicon_shift(array(select unnest(tsvector_to_array(search_doc)) from new_rows where status = 'published'), 1);
    return null;
  end $$`.execute(db);
  await sql`create function search_lexicon_deleted() returns trigger language plpgsql as $$
  begin
    perform search_lexicon_shift(array(select unnest(tsvector_to_array(search_doc)) from old_rows where status = 'published'), -1);
    return null;
  end $$`.execute(db);
  // Updates per row, and only of the searched text or the status: bookings never fire it.
  await sql`create function search_lexicon_updated() returns trigger language plpgsql as $$
  declare
    before_words text[] := case when old.status = 'published' then tsvector_to_array(old.search_doc) else '{}' end;
    after_words text[] := case when new.status = 'published' then tsvector_to_array(new.search_doc) else '{}' end;
  begin
    perform search_lexicon_shift(array(select unnest(before_words) except select unnest(after_words)), -1);
    perform search_lexicon_shift(array(select unnest(after_words) except select unnest(before_words)), 1);
    return null;
  end $$`.execute(db);

  await sql`create trigger search_lexicon_inserted after insert on workshop
    referencing new table as new_rows for each statement execute function search_lexicon_inserted()`.execute(db);
  await sql`create trigger search_lexicon_deleted after delete on workshop
    referencing old table as old_rows for each statement execute function search_lexicon_deleted()`.execute(db);
  await sql`create trigger search_lexicon_updated after update of title, summary, description, instructor, tags_text, status on workshop
    for each row when (old.status = 'published' or new.status = 'published') execute function search_lexicon_updated()`.execute(db);

  await sql`insert into search_lexicon (word, n)
    select w, count(*) from workshop, unnest(tsvector_to_array(search_doc)) w where status = 'published' group by w`.execute(db);

  await sql`do $$ begin
    if exists (select 1 from pg_extension where extname = 'pg_trgm') then
      create index search_lexicon_trgm_idx on search_lexicon using gin (word gin_trgm_ops);
    end if;
  end $$`.execute(db);

  await sql`drop index if exists workshop_search_words_trgm_idx`.execute(db);
  await sql`alter table workshop drop column search_words`.execute(db);
}
