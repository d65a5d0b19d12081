import { sql, type Kysely } from 'kysely';

/*
 * A text search with a price limit ("pottery under €60") counted its facets from the workshop rows:
 * 20 ms at 100,000 workshops, over the 15 ms goal. The word postings (0008) now carry each
 * workshop's price and currency as well, so those counts are read from their index alone, like a
 * text search without a price. A price change rewrites the workshop's postings, as a new start does.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table workshop_word add column price_minor integer, add column currency text`.execute(db);
  await sql`update workshop_word p set price_minor = w.price_minor, currency = w.currency from workshop w where w.num = p.num`.execute(db);
  await sql`alter table workshop_word alter column price_minor set not null, alter column currency set not null`.execute(db);
  await sql`drop index workshop_word_idx`.execute(db);
  await sql`create index workshop_word_idx on workshop_word (word, starts_at) include (cell, num, price_minor, currency)`.execute(db);

  await sql`drop trigger workshop_word_updated on workshop`.execute(db);
  await sql`drop function workshop_word_add(text[], timestamptz, text, text, integer)`.execute(db);
  await sql`create function workshop_word_add(words text[], at timestamptz, category text, town text, n integer, price integer, cur text) returns void language plpgsql as $$
  declare
    c integer;
  begin
    insert into facet_cell (category_id, city) values (category, town) on conflict do nothing;
    select id into c from facet_cell where category_id = category and city = town;
    insert into workshop_word (word, starts_at, cell, num, price_minor, currency) select w, at, c, n, price, cur from unnest(words) w;
  end $$`.execute(db);
  await sql`create or replace function workshop_word_inserted() returns trigger language plpgsql as $$
  begin
    insert into facet_cell (category_id, city)
    select distinct category_id, city from new_rows where status = 'published' order by 1, 2
    on conflict do nothing;
    insert into workshop_word (word, starts_at, cell, num, price_minor, currency)
    select w, r.starts_at, c.id, r.num, r.price_minor, r.currency
    from new_rows r join facet_cell c on c.category_id = r.category_id and c.city = r.city,
      unnest(tsvector_to_array(r.search_doc)) w
    where r.status = 'published';
    return null;
  end $$`.execute(db);
  await sql`create or replace function workshop_word_updated() returns trigger language plpgsql as $$
  begin
    if old.status = 'published' then
      delete from workshop_word where word = any(tsvector_to_array(old.search_doc)) and starts_at = old.starts_at and num = old.num;
    end if;
    if new.status = 'published' then
      perform workshop_word_add(tsvector_to_array(new.search_doc), new.starts_at, new.category_id, new.city, new.num, new.price_minor, new.currency);
    end if;
    return null;
  end $$`.execute(db);
  // Bookings only touch seats_taken, check-ins checked_in: they never fire it; nor does an edit that
  // leaves words, start, category, city, price and status as they were.
  await sql`create trigger workshop_word_updated
    after update of title, summary, description, instructor, tags_text, status, starts_at, category_id, city, price_minor, currency on workshop
    for each row when ((old.status = 'published' or new.status = 'published')
      and (old.status, old.starts_at, old.category_id, old.city, old.search_doc, old.price_minor, old.currency)
        is distinct from (new.status, new.starts_at, new.category_id, new.city, new.search_doc, new.price_minor, new.currency))
    execute function workshop_word_updated()`.execute(db);
}
