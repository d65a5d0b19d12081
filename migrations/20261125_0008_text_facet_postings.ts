import { sql, type Kysely } from 'kysely';

/**
 * Facet counts for a text search without reading workshop rows. A broad word (one in 13 % of a
 * 100,000-workshop catalogue) matches ~10,000 upcoming workshops; the full-text index yields only
 * row addresses, so counting them per category and city visited ~7,600 table pages (14–24 ms on
 * PostgreSQL, over the 15 ms goal). `workshop_word` holds one small row per (word, published
 * workshop) with what the counts need, and its one index answers them alone (index-only scan).
 *
 * Rows are kept compact — a number for the workshop (`workshop.num`) and for its (category, city)
 * pair (`facet_cell`) instead of two UUIDs — since there are ~20 per workshop. Kept by triggers in
 * the same transaction as every change, like the lexicon (0007) and the monthly summary (0006), under
 * the same lock (catalogue_change_lock, 0007).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table workshop add column num integer generated always as identity`.execute(db);
  await sql`alter table workshop add constraint workshop_num_key unique (num)`.execute(db);

  // Pairs are only ever added: a pair no workshop uses any more costs one small row and is reused
  // if the pair comes back.
  await sql`create table facet_cell (
    id integer generated always as identity primary key,
    category_id text not null,
    city text not null,
    unique (category_id, city)
  )`.execute(db);

  await sql`create table workshop_word (
    word text collate "C" not null,
    starts_at timestamptz not null,
    cell integer not null,
    num integer not null
  )`.execute(db);
  // Also the index that finds a workshop's rows to delete them: (word, start, num) identify a row.
  await sql`create index workshop_word_idx on workshop_word (word, starts_at) include (cell, num)`.execute(db);

  await sql`create function workshop_word_add(words text[], at timestamptz, category text, town text, n integer) returns void language plpgsql as $$
  declare
    c integer;
  begin
    insert into facet_cell (category_id, city) values (category, town) on conflict do nothing;
    select id into c from facet_cell where category_id = category and city = town;
    insert into workshop_word (word, starts_at, cell, num) select w, at, c, n from unnest(words) w;
  end $$`.execute(db);

  await sql`create function workshop_word_inserted() returns trigger language plpgsql as $$
  begin
    insert into facet_cell (category_id, city)
    select distinct category_id, city from new_rows where status = 'published' order by 1, 2
    on conflict do nothing;
    insert into workshop_word (word, starts_at, cell, num)
    select w, r.starts_at, c.id, r.num
    from new_rows r join facet_cell c on c.category_id = r.category_id and c.city = r.city,
      unnest(tsvector_to_array(r.search_doc)) w
    where r.status = 'published';
    return null;
  end $$`.execute(db);
  await sql`create function workshop_word_deleted() returns trigger language plpgsql as $$
  begin
    delete from workshop_word p
    using (select w, r.starts_at, r.num from old_rows r, unnest(tsvector_to_array(r.search_doc)) w where r.status = 'published') o
    where p.word = o.w and p.starts_at = o.starts_at and p.num = o.num;
    return null;
  end $$`.execute(db);
  await sql`create function workshop_word_updated() returns trigger language plpgsql as $$
  begin
    if old.status = 'published' then
      delete from workshop_word where word = any(tsvector_to_array(old.search_doc)) and starts_at = old.starts_at and num = old.num;
    end if;
    if new.status = 'published' then
      perform workshop_word_add(tsvector_to_array(new.search_doc), new.starts_at, new.category_id, new.city, new.num);
    end if;
    return null;
  end $$`.execute(db);

  await sql`create trigger workshop_word_inserted after insert on workshop
    referencing new table as new_rows for each statement execute function workshop_word_inserted()`.execute(db);
  await sql`create trigger workshop_word_deleted after delete on workshop
    referencing old table as old_rows for each statement execute function workshop_word_deleted()`.execute(db);
  // Bookings only touch seats_taken: they never fire it; nor does an edit that leaves words, start,
  // category, city and status as they were.
  await sql`create trigger workshop_word_updated
    after update of title, summary, description, instructor, tags_text, status, starts_at, category_id, city on workshop
    for each row when ((old.status = 'published' or new.status = 'published')
      and (old.status, old.starts_at, old.category_id, old.city, old.search_doc) is distinct from (new.status, new.starts_at, new.category_id, new.city, new.search_doc))
    execute function workshop_word_updated()`.execute(db);

  await sql`insert into facet_cell (category_id, city) select distinct category_id, city from workshop where status = 'published' order by 1, 2`.execute(db);
  await sql`insert into workshop_word (word, starts_at, cell, num)
    select w, r.starts_at, c.id, r.num
    from workshop r join facet_cell c on c.category_id = r.category_id and c.city = r.city, unnest(tsvector_to_array(r.search_doc)) w
    where r.status = 'published'`.execute(db);
}
