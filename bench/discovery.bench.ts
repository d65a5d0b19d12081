import { sql } from 'kysely';
import type { CoreContext } from '../electron/core/context';
import { typedTerms } from '../electron/workshops/discovery-filters';
import { facetCells } from '../electron/workshops/facet-counts';
import { discoveryQueries, searchWorkshops } from '../electron/workshops/workshop-search';
import { searchWorkshopsInput, type SearchWorkshopsInput } from '../shared/workshops';
import { freshDb } from './bench-db';
import { seedSyntheticCatalogue } from './synthetic-catalogue';
import { time, type Timing } from './stats';

const TOPICS = ['pottery', 'python', 'yoga', 'sourdough', 'photography', 'guitar', 'spanish', 'excel', 'salsa', 'chess'];
const TYPOS = ['potery', 'pyhton', 'yogga', 'sourdugh', 'photografy', 'gitar', 'spanich', 'exel', 'salssa', 'chesss'];

/** 100,000 workshops, then ≥ 200 runs of each typical discovery query on one database kind. */
export async function benchDiscovery(kind: 'postgres' | 'embedded', runs: number, count = 100_000): Promise<Timing[]> {
  const h = await freshDb(kind, 'discovery');
  try {
    const t0 = performance.now();
    await seedSyntheticCatalogue(h.db, count);
    console.log(`  ${kind}: seeded ${count.toLocaleString()} workshops in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    // What the search structures cost in space, beside the catalogue itself (tables with their indexes).
    const sizes = await sql<{ name: string; size: string }>`select name, pg_size_pretty(pg_total_relation_size(name::regclass)) as size
      from unnest(array['workshop', 'workshop_word', 'search_lexicon', 'workshop_facet_month']) name`.execute(h.db);
    console.log(`  ${kind}: on disk ${sizes.rows.map((r) => `${r.name} ${r.size}`).join(', ')}`);
    const ctx = { db: h.db, dbHandle: h, now: () => new Date() } as unknown as CoreContext;
    const cats = (await sql<{ id: string }>`select id from category order by id`.execute(h.db)).rows.map((r) => r.id);
    const cities = (await sql<{ city: string }>`select distinct city from workshop order by city`.execute(h.db)).rows.map((r) => r.city);
    const page = (input: SearchWorkshopsInput) => discoveryQueries(ctx, searchWorkshopsInput.parse({ limit: 20, ...input })).runPage();
    const facets = (input: SearchWorkshopsInput) => facetCells(ctx, searchWorkshopsInput.parse(input), ctx.now(), typedTerms(input.q));
    const pick = <T>(xs: T[], i: number) => xs[i % xs.length]!;

    return [
      // Baseline in the same run: the cheapest indexed read, to read the others against.
      await time('baseline: primary-key lookup', runs, (i) => sql`select id, title from workshop where id = ${`syn-${1 + ((i * 7919) % count)}`}`.execute(h.db)),
      await time('filters only (category + 2 cities + max price), page of 20', runs, (i) =>
        page({ categoryIds: [pick(cats, i)], cities: [pick(cities, i), pick(cities, i + 7)], priceMax: 6000 }),
      ),
      await time('text search only (best match), page of 20', runs, (i) => page({ q: pick(TOPICS, i) })),
      await time('text + 3 filters + sort by price, page of 20', runs, (i) =>
        page({ q: pick(TOPICS, i), cities: [pick(cities, i), pick(cities, i + 3), pick(cities, i + 11)], hasSeats: true, priceMax: 10_000, sort: 'price' }),
      ),
      await time('facet counts + total, whole upcoming catalogue', runs, () => facets({})),
      await time('facet counts + total, filtered by a category', runs, (i) => facets({ categoryIds: [pick(cats, i)] })),
      await time('facet counts + total, filtered by a price range (counted from rows)', runs, (i) => facets({ priceMin: 1000 + (i % 5) * 1000, priceMax: 8000 })),
      await time('facet counts + total for a text search (from the word postings)', runs, (i) => facets({ q: pick(TOPICS, i) })),
      await time('facet counts + total, text + max price (from the word postings)', runs, (i) => facets({ q: pick(TOPICS, i), priceMax: 6000 })),
      await time('full search call (page + total + facets), no filters', runs, () => searchWorkshops(ctx, searchWorkshopsInput.parse({}))),
      await time('full search call (page + total + facets), text', runs, (i) => searchWorkshops(ctx, searchWorkshopsInput.parse({ q: pick(TOPICS, i) }))),
      await time('full search call, misspelt word (corrected, then exact)', Math.min(runs, 200), (i) => searchWorkshops(ctx, searchWorkshopsInput.parse({ q: pick(TYPOS, i) }))),
    ];
  } finally {
    await h.close();
    await h.dropDb();
  }
}
