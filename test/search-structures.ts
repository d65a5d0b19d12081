import { sql, type Kysely } from 'kysely';
import { expect } from 'vitest';
import type { Database } from '../electron/db/schema';

/**
 * The three structures triggers keep beside the workshops — monthly facet summary (0006), lexicon
 * (0007), word postings (0008) — must hold exactly what recounting the published workshops gives.
 */
export async function expectSearchStructuresExact(db: Kysely<Database>, label: string): Promise<void> {
  const keys = async (q: ReturnType<typeof sql<{ k: string }>>) => (await q.execute(db)).rows.map((r) => r.k).sort();
  expect(await keys(sql`select month || '|' || category_id || '|' || city || '|' || n as k from workshop_facet_month where n > 0`), `${label}: monthly summary`).toEqual(
    await keys(sql`select date_trunc('month', starts_at at time zone 'UTC')::date || '|' || category_id || '|' || city || '|' || count(*) as k
      from workshop where status = 'published' group by date_trunc('month', starts_at at time zone 'UTC')::date, category_id, city`),
  );
  expect(await keys(sql`select word || ':' || n as k from search_lexicon`), `${label}: lexicon`).toEqual(
    await keys(sql`select x || ':' || count(*) as k from workshop, unnest(tsvector_to_array(search_doc)) x where status = 'published' group by x`),
  );
  expect(
    await keys(sql`select p.word || '|' || p.starts_at || '|' || c.category_id || '|' || c.city || '|' || p.price_minor || ' ' || p.currency || '|' || w.id as k
      from workshop_word p join facet_cell c on c.id = p.cell join workshop w on w.num = p.num`),
    `${label}: word postings`,
  ).toEqual(
    await keys(sql`select x || '|' || starts_at || '|' || category_id || '|' || city || '|' || price_minor || ' ' || currency || '|' || id as k
      from workshop, unnest(tsvector_to_array(search_doc)) x where status = 'published'`),
  );
}
