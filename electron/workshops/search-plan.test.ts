import { sql, type Compilable } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchWorkshopsInput, type SearchWorkshopsInput } from '../../shared/workshops';
import { seedSyntheticCatalogue } from '../../bench/synthetic-catalogue';
import { createTestCore, testDatabaseKinds, type TestCore } from '../../test/test-core';
import { scannedCells } from './facet-counts';
import { discoveryQueries } from './workshop-search';

// Assert the plan, not the time: on a catalogue big enough for the planner to care, typical
// discovery queries must be answered from indexes rather than by reading the whole table.
describe.each(testDatabaseKinds())('discovery query plans on %s', (kind) => {
  let t: TestCore;
  beforeAll(async () => {
    t = await createTestCore(kind);
    await seedSyntheticCatalogue(t.core.ctx.db, 20_000);
  });
  afterAll(() => t.close());

  const plan = async (q: Compilable, settings = sql``) =>
    // One transaction, so `set local` and the explain share a connection (PostgreSQL runs a pool).
    t.core.ctx.db.transaction().execute(async (trx) => {
      await settings.execute(trx);
      const c = q.compile();
      const r = await trx.executeQuery<{ 'QUERY PLAN': string }>({ ...c, sql: `explain ${c.sql}` } as never);
      return r.rows.map((row) => row['QUERY PLAN']).join('\n');
    });
  const queries = (input: SearchWorkshopsInput) => discoveryQueries(t.core.ctx, searchWorkshopsInput.parse(input), false);

  it('text search reads the full-text indexes, and the fuzzy fallback the trigram index', async () => {
    // Best match, tier by tier: a word in no title must not send the planner walking the catalogue.
    const best = discoveryQueries(t.core.ctx, searchWorkshopsInput.parse({ q: 'keiko' }), false);
    expect(await plan(best.tierPage(3))).toMatch(/Bitmap Index Scan on workshop_title_search_idx/);
    expect(await plan(best.tierPage(2))).toMatch(/Bitmap Index Scan on workshop_headline_search_idx/);
    const counted = await plan(scannedCells(t.core.ctx, searchWorkshopsInput.parse({ q: 'keiko' }), t.core.ctx.now(), false));
    expect(counted).toMatch(/Bitmap Index Scan on workshop_search_idx/);
    expect(counted).not.toMatch(/Seq Scan on workshop /);
    // pg_trgm's planner estimate is a fixed ~7 % of rows, so on small tables a sequential scan wins on
    // cost; what must hold is that the fuzzy condition CAN be served by the trigram index (unlike,
    // say, `word_similarity(...) > 0.5`, which never can). PostgreSQL picks it on the full catalogue.
    const fuzzy = await plan(scannedCells(t.core.ctx, searchWorkshopsInput.parse({ q: 'keikko' }), t.core.ctx.now(), true), sql`set local enable_seqscan = off`);
    expect(fuzzy).toMatch(/Bitmap Index Scan on workshop_search_words_trgm_idx/);
  });

  it('a price range is counted from the covering price index alone', async () => {
    const p = await plan(scannedCells(t.core.ctx, searchWorkshopsInput.parse({ priceMin: 3000, priceMax: 4000 }), t.core.ctx.now(), false));
    expect(p).toMatch(/Index Only Scan using workshop_price_idx/);
  });

  it('a category filter reads the category index', async () => {
    const cat = (await sql<{ id: string }>`select id from category limit 1`.execute(t.core.ctx.db)).rows[0]!.id;
    const p = await plan(queries({ categoryIds: [cat], sort: 'soonest' }).page);
    expect(p).toMatch(/workshop_(category|status_start)_idx/);
    expect(p).not.toMatch(/Seq Scan on workshop /);
  });

  it('the default list (soonest first) walks the status/start index', async () => {
    const p = await plan(queries({}).page);
    expect(p).toMatch(/Index (Only )?Scan using workshop_status_start_idx/);
  });
});
