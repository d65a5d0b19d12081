import { sql, type Kysely } from 'kysely';
import type { Database } from '../electron/db/schema';

const TOPICS = ['pottery', 'python', 'watercolour', 'sourdough', 'photography', 'yoga', 'javascript', 'knitting', 'woodworking', 'calligraphy', 'negotiation', 'leadership', 'gardening', 'beekeeping', 'guitar', 'piano', 'spanish', 'french', 'meditation', 'excel', 'marketing', 'branding', 'bookbinding', 'jewellery', 'printmaking', 'sushi', 'pasta', 'cocktails', 'wine', 'coffee', 'chess', 'drawing', 'sculpture', 'embroidery', 'soapmaking', 'candles', 'robotics', 'electronics', 'data', 'statistics', 'writing', 'poetry', 'storytelling', 'improv', 'dance', 'salsa', 'pilates', 'running', 'climbing', 'sailing'];
const LEVELS = ['Beginner', 'Intermediate', 'Advanced', 'Weekend', 'Evening', 'Intensive', 'Family', 'Hands-on'];
const FORMATS = ['workshop', 'masterclass', 'course', 'bootcamp', 'session', 'lab'];
const FIRST = ['Anna', 'Ben', 'Chloe', 'David', 'Elena', 'Farid', 'Greta', 'Hugo', 'Ines', 'Jonas', 'Keiko', 'Luca', 'Maya', 'Noah', 'Olga', 'Pablo', 'Quinn', 'Rosa', 'Sven', 'Tara', 'Umar', 'Vera', 'Wim', 'Xenia', 'Yusuf', 'Zoe', 'Amir', 'Birte', 'Carlos', 'Dana', 'Emil', 'Fatima', 'Gustav', 'Hana', 'Ivo', 'Jana', 'Kofi', 'Lena', 'Mateo', 'Nina'];
const LAST = ['Schmidt', 'Garcia', 'Rossi', 'Novak', 'Dubois', 'Smith', 'Kowalski', 'Jensen', 'Silva', 'Tanaka', 'Okafor', 'Muller', 'Andersen', 'Bianchi', 'Costa', 'Dvorak', 'Eriksson', 'Fischer', 'Horvat', 'Ivanova', 'Janssen', 'Kaya', 'Larsen', 'Moreau', 'Nagy', 'Oliveira', 'Petrov', 'Quist', 'Rahman', 'Santos', 'Tran', 'Ueda', 'Varga', 'Weber', 'Yilmaz', 'Zhou', 'Almeida', 'Berg', 'Chen', 'Diaz'];

export const SYNTHETIC = { cities: 50, categories: 12, tags: 300 } as const;

const arr = (xs: readonly string[]) => sql`array[${sql.join(xs.map((x) => sql.lit(x)))}]::text[]`;

/**
 * Fills an empty catalogue with `count` workshops spread over 50 cities, 12 categories and 300 tags,
 * mostly published, over the next year (10 % past). Set-based SQL and a fixed seed: repeatable and fast
 * on both databases.
 */
export async function seedSyntheticCatalogue(db: Kysely<Database>, count: number): Promise<void> {
  await sql`select setseed(0.42)`.execute(db);
  await sql`insert into category (id, name) select 'cat-' || i, 'Category ' || i from generate_series(1, ${SYNTHETIC.categories}) i on conflict do nothing`.execute(db);
  await sql`insert into tag (id, name) select 'tag-' || i, (${arr(TOPICS)})[1 + (i % ${TOPICS.length})] || '-' || i from generate_series(1, ${SYNTHETIC.tags}) i on conflict do nothing`.execute(db);
  // Tag names go in with the row (the same formula as workshop_tag below): updating 100,000 rows
  // afterwards would leave the table half empty, which no live catalogue looks like.
  await sql`insert into workshop (id, title, summary, description, category_id, city, venue, instructor, starts_at, ends_at, time_zone, capacity, seats_taken,
      price_minor, currency, registration_mode, waitlist_enabled, status, created_at, updated_at, published_at, tags_text)
    select 'syn-' || i,
      (${arr(LEVELS)})[1 + (i * 7) % ${LEVELS.length}] || ' ' || initcap((${arr(TOPICS)})[1 + (i * 13) % ${TOPICS.length}]) || ' ' || (${arr(FORMATS)})[1 + (i * 3) % ${FORMATS.length}],
      'Learn ' || (${arr(TOPICS)})[1 + (i * 13) % ${TOPICS.length}] || ' with practical exercises.',
      'A ' || (${arr(FORMATS)})[1 + (i * 3) % ${FORMATS.length}] || ' on ' || (${arr(TOPICS)})[1 + (i * 11) % ${TOPICS.length}] || ' and ' || (${arr(TOPICS)})[1 + (i * 17) % ${TOPICS.length}] || '. Materials included.',
      'cat-' || (1 + (i * 5) % ${SYNTHETIC.categories}),
      'City ' || lpad((1 + (i * 31) % ${SYNTHETIC.cities})::text, 2, '0'),
      'Venue ' || (i % 400),
      (${arr(FIRST)})[1 + floor(random() * ${FIRST.length})::int] || ' ' || (${arr(LAST)})[1 + floor(random() * ${LAST.length})::int],
      s, s + interval '3 hours', 'Europe/Berlin',
      cap, least(cap, floor(random() * (cap + 3))::int),
      case when random() < 0.2 then 0 else (10 + floor(random() * 190)::int) * 100 end,
      'EUR', case when random() < 0.5 then 'automatic' else 'manual' end, random() < 0.5,
      case when random() < 0.9 then 'published' when random() < 0.5 then 'draft' else 'archived' end,
      now() - (random() * interval '200 days'), now(), now(),
      (select string_agg((${arr(TOPICS)})[1 + (t % ${TOPICS.length})] || '-' || t, ' ' order by t)
        from (select distinct 1 + ((i * k * 37) % ${SYNTHETIC.tags}) as t from generate_series(1, 1 + (i % 4)) k) tt)
    from (select i, now() + ((random() * 400) - 36) * interval '1 day' as s, 5 + floor(random() * 40)::int as cap from generate_series(1, ${count}) i) g`.execute(db);
  await sql`insert into workshop_tag (workshop_id, tag_id)
    select distinct 'syn-' || i, 'tag-' || (1 + ((i * k * 37) % ${SYNTHETIC.tags}))
    from generate_series(1, ${count}) i, generate_series(1, 1 + (${count} % 1) + 3) k
    where k <= 1 + (i % 4)
    on conflict do nothing`.execute(db);
  // Steady state, as autovacuum leaves a live catalogue: statistics and visibility map up to date.
  await sql`vacuum analyze`.execute(db);
}
