import { sql, type Kysely } from 'kysely';

/**
 * Two structures that keep discovery fast on a large catalogue:
 *
 * - `workshop_facet_month`: published workshops counted per UTC month, category and city, kept by a
 *   trigger in the same transaction as every change. Facet counts for the common views (everything
 *   upcoming, or narrowed by category or city only) add a few thousand of these cells instead of
 *   counting ~100,000 rows; only the current month is counted from the rows themselves.
 * - Full-text indexes on the title and on the "headline" (title, tags, instructor): best-match
 *   results come tier by tier (all words in the title first), so the first page needs only the
 *   top tier's rows rather than ranking every match.
 * - The category, city and price indexes cover what filters, the sort and facet counts read.
 *
 * The tier expressions must stay exactly as workshop-search.ts writes them, or the planner cannot
 * use the indexes; the plan test checks that it does.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table workshop_facet_month (
    month date not null,
    category_id text not null,
    city text not null,
    n integer not null check (n >= 0),
    primary key (month, category_id, city)
  )`.execute(db);

  // A decrement is a plain update: its row exists (the increment made it), and an upsert would check
  // its would-be new row (n = -1) against the constraint before noticing the conflict.
  await sql`create function workshop_facet_month_add(m date, c text, ci text, d integer) returns void language plpgsql as $$
  begin
    if d > 0 then
      insert into workshop_facet_month (month, category_id, city, n) values (m, c, ci, d)
      on conflict (month, category_id, city) do update set n = workshop_facet_month.n + excluded.n;
    else
      update workshop_facet_month set n = n + d where month = m and category_id = c and city = ci;
    end if;
  end $$`.execute(db);

  await sql`create function workshop_facet_month_track() returns trigger language plpgsql as $$
  begin
    if tg_op = 'UPDATE' and old.status = new.status and old.starts_at = new.starts_at
       and old.category_id = new.category_id and old.city = new.city then
      return null;
    end if;
    if tg_op in ('UPDATE', 'DELETE') and old.status = 'published' then
      perform workshop_facet_month_add(date_trunc('month', old.starts_at at time zone 'UTC')::date, old.category_id, old.city, -1);
    end if;
    if tg_op in ('INSERT', 'UPDATE') and new.status = 'published' then
      perform workshop_facet_month_add(date_trunc('month', new.starts_at at time zone 'UTC')::date, new.category_id, new.city, 1);
    end if;
    return null;
  end $$`.execute(db);

  // Bookings only touch seats_taken: they never fire this trigger.
  await sql`create trigger workshop_facet_month_track
    after insert or delete or update of status, starts_at, category_id, city on workshop
    for each row execute function workshop_facet_month_track()`.execute(db);

  await sql`insert into workshop_facet_month (month, category_id, city, n)
    select date_trunc('month', starts_at at time zone 'UTC')::date, category_id, city, count(*)
    from workshop where status = 'published' group by 1, 2, 3`.execute(db);

  // Category, city and price indexes carry what the filters and the page's sort read, so a page or a
  // count narrowed by one of them never reads the wide rows it rejects (index-only scans).
  await sql`drop index workshop_category_idx`.execute(db);
  await sql`create index workshop_category_idx on workshop (category_id, status, starts_at)
    include (id, city, price_minor, seats_taken, capacity, registration_mode)`.execute(db);
  await sql`drop index workshop_city_idx`.execute(db);
  await sql`create index workshop_city_idx on workshop (city, status, starts_at)
    include (id, category_id, price_minor, seats_taken, capacity, registration_mode)`.execute(db);
  await sql`drop index workshop_price_idx`.execute(db);
  await sql`create index workshop_price_idx on workshop (status, price_minor, id)
    include (starts_at, category_id, city, seats_taken, capacity, registration_mode)`.execute(db);
  await sql`create index workshop_title_search_idx on workshop using gin (to_tsvector('simple', title))`.execute(db);
  await sql`create index workshop_headline_search_idx on workshop using gin (to_tsvector('simple', title || ' ' || tags_text || ' ' || instructor))`.execute(db);
}
