import { sql, type Compilable, type RawBuilder } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchWorkshopsInput, type SearchWorkshopsInput } from '../../shared/workshops';
import { seedSyntheticCatalogue } from '../../bench/synthetic-catalogue';
import { createTestCore, testDatabaseKinds, withUntimedDb, type TestCore } from '../../test/test-core';
import { typedTerms } from './discovery-filters';
import { postedCells, scannedCells } from './facet-counts';
import { spellingQuery } from './spelling';
import { discoveryQueries } from './workshop-search';

// Assert the plan, not the time: on a catalogue big enough for the planner to care, typical
// discovery queries must be answered from indexes rather than by reading the whole table.
describe.each(testDatabaseKinds())('discovery query plans on %s', (kind) => {
  let t: TestCore;
  beforeAll(async () => {
    t = await createTestCore(kind);
    await withUntimedDb(t, (db) => seedSyntheticCatalogue(db, 20_000));
  });
  afterAll(() => t.close());

  const plan = async (q: Compilable | RawBuilder<unknown>, settings = sql``) =>
    // One transaction, so `set local` and the explain share a connection (PostgreSQL runs a pool).
    t.core.ctx.db.transaction().execute(async (trx) => {
      await settings.execute(trx);
      const c = 'as' in q ? q.compile(trx) : q.compile();
      const r = await trx.executeQuery<{ 'QUERY PLAN': string }>({ ...c, sql: `explain ${c.sql}` } as never);
      return r.rows.map((row) => row['QUERY PLAN']).join('\n');
    });
  const queries = (input: SearchWorkshopsInput) => discoveryQueries(t.core.ctx, searchWorkshopsInput.parse(input));
  const counted = (input: SearchWorkshopsInput) => scannedCells(t.core.ctx, searchWorkshopsInput.parse(input), t.core.ctx.now(), typedTerms(input.q));

  it('text search reads the full-text indexes, and spelling correction the lexicon trigram index', async () => {
    // Best match, tier by tier: a word in no title must not send the planner walking the catalogue.
    const best = queries({ q: 'keiko' });
    expect(await plan(best.tierPage(3))).toMatch(/Bitmap Index Scan on workshop_title_search_idx/);
    expect(await plan(best.tierPage(2))).toMatch(/Bitmap Index Scan on workshop_headline_search_idx/);
    const counts = await plan(counted({ q: 'keiko' }));
    expect(counts).toMatch(/Bitmap Index Scan on workshop_search_idx/);
    expect(counts).not.toMatch(/Seq Scan on workshop /);
    // The lexicon is small (a few hundred words here), so a sequential scan may win on cost; what
    // must hold is that the near-spelling condition CAN be served by the trigram index (unlike,
    // say, `word_similarity(...) > 0.5`, which never can), and the prefix check by the primary key.
    const spelling = await plan(spellingQuery(['keikko']), sql`set local enable_seqscan = off`);
    expect(spelling).toMatch(/Bitmap Index Scan on search_lexicon_trgm_idx/);
    expect(spelling).toMatch(/Index Only Scan using search_lexicon_pkey/);
  });

  it('facet counts for a text search, with or without a price limit, are read from the word postings index alone', async () => {
    for (const [q, price] of [['yoga', {}], ['pott wheel', {}], ['yoga', { priceMax: 6000, currency: 'EUR' }]] as const) {
      const input = searchWorkshopsInput.parse({ q, ...price });
      const p = await plan(postedCells(input, t.core.ctx.now(), typedTerms(q)));
      expect(p, q).toMatch(/Index Only Scan using workshop_word_idx/);
      expect(p, q).not.toMatch(/Scan (using \w+ )?on workshop /);
    }
  });

  it('a price range is counted from the covering price index alone', async () => {
    const p = await plan(counted({ priceMin: 3000, priceMax: 4000 }));
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
