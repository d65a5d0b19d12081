import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Typo tolerance needs pg_trgm. Where it cannot be installed, search still works (full text only)
  // and says so; nothing else depends on it.
  await sql`do $$ begin
    create extension if not exists pg_trgm;
  exception when others then
    raise notice 'pg_trgm unavailable: fuzzy search disabled';
  end $$`.execute(db);

  await sql`create table category (
    id text primary key,
    name text not null,
    created_at timestamptz not null default now()
  )`.execute(db);
  await sql`create unique index category_name_key on category (lower(name))`.execute(db);

  await sql`create table tag (
    id text primary key,
    name text not null,
    created_at timestamptz not null default now()
  )`.execute(db);
  await sql`create unique index tag_name_key on tag (lower(name))`.execute(db);

  await sql`create table workshop (
    id text primary key,
    title text not null,
    summary text not null default '',
    description text not null default '',
    category_id text not null references category (id),
    city text not null,
    venue text not null,
    address text not null default '',
    instructor text not null default '',
    starts_at timestamptz not null,
    ends_at timestamptz not null,
    time_zone text not null,
    capacity integer not null check (capacity >= 1),
    -- Confirmed seats, kept by the registrations service in the same transaction as each change;
    -- the check makes overbooking impossible whatever the interleaving of stations.
    seats_taken integer not null default 0 check (seats_taken >= 0 and seats_taken <= capacity),
    price_minor integer not null check (price_minor >= 0),
    currency text not null check (currency ~ '^[A-Z]{3}$'),
    registration_mode text not null check (registration_mode in ('automatic', 'manual')),
    waitlist_enabled boolean not null default false,
    status text not null default 'draft' check (status in ('draft', 'published', 'cancelled', 'archived')),
    cancel_reason text,
    -- Tag names, space-separated, for search (kept by the service whenever tags change).
    tags_text text not null default '',
    version integer not null default 0,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    published_at timestamptz,
    search_doc tsvector generated always as (
      setweight(to_tsvector('simple', title), 'A') ||
      setweight(to_tsvector('simple', tags_text || ' ' || instructor), 'B') ||
      setweight(to_tsvector('simple', summary), 'C') ||
      setweight(to_tsvector('simple', description), 'D')
    ) stored,
    search_words text generated always as (lower(title || ' ' || instructor || ' ' || tags_text)) stored,
    check (ends_at > starts_at)
  )`.execute(db);

  await sql`create table workshop_tag (
    workshop_id text not null references workshop (id) on delete cascade,
    tag_id text not null references tag (id) on delete cascade,
    primary key (workshop_id, tag_id)
  )`.execute(db);
  await sql`create index workshop_tag_tag_idx on workshop_tag (tag_id, workshop_id)`.execute(db);

  await sql`create index workshop_status_start_idx on workshop (status, starts_at, id)`.execute(db);
  await sql`create index workshop_category_idx on workshop (category_id, status, starts_at)`.execute(db);
  await sql`create index workshop_city_idx on workshop (city, status, starts_at)`.execute(db);
  await sql`create index workshop_price_idx on workshop (status, price_minor, id)`.execute(db);
  await sql`create index workshop_created_idx on workshop (status, created_at desc, id)`.execute(db);
  // Counts and facets over the whole upcoming catalogue read this index alone (index-only scans),
  // never the wide rows with their descriptions and search vectors.
  await sql`create index workshop_facets_idx on workshop (status, starts_at)
    include (category_id, city, price_minor, seats_taken, capacity, registration_mode)`.execute(db);
  await sql`create index workshop_search_idx on workshop using gin (search_doc)`.execute(db);
  await sql`do $$ begin
    if exists (select 1 from pg_extension where extname = 'pg_trgm') then
      create index workshop_search_words_trgm_idx on workshop using gin (search_words gin_trgm_ops);
    end if;
  end $$`.execute(db);
}
