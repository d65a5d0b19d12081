import { sql } from 'kysely';
import type { SearchResult } from '../../shared/workshops';
import type { CoreContext } from '../core/context';
import { discoveryFilters, onlyFacetFilters, priceConditions, type DiscoveryInput, type TextTerm } from './discovery-filters';

export interface FacetCell {
  category_id: string;
  city: string;
  n: number;
}

/** First instant of the UTC month after `now`: the summary's months from here on are wholly upcoming. */
export const nextUtcMonth = (now: Date) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));

/**
 * Counts per (category, city) under every filter except category and city, read from the monthly
 * summary: whole months ahead from it, the rest of the current month from the rows. Only for
 * requests whose other filters are the status and the start (see `onlyFacetFilters`).
 */
export function summaryCells(input: DiscoveryInput, now: Date) {
  const boundary = nextUtcMonth(now);
  const fromSummary = input.includePast
    ? sql`select category_id, city, n from workshop_facet_month`
    : sql`select category_id, city, n from workshop_facet_month where month >= ${boundary.toISOString().slice(0, 10)}::date
          union all
          select category_id, city, count(*)::int from workshop
          where status = 'published' and starts_at >= ${now} and starts_at < ${boundary}
          group by category_id, city`;
  return sql<FacetCell>`select category_id, city, sum(n)::int as n from (${fromSummary}) x group by category_id, city having sum(n) > 0`;
}

/** The same cells counted from the rows: any filters, including text. */
export function scannedCells(ctx: CoreContext, input: DiscoveryInput, now: Date, terms: TextTerm[]) {
  return ctx.db
    .selectFrom('workshop as w')
    .where((eb) => eb.and(discoveryFilters(eb, input, now, terms, 'facets')))
    .select(['w.category_id', 'w.city', sql<number>`count(*)::int`.as('n')])
    .groupBy(['w.category_id', 'w.city']);
}

/**
 * The same cells for a text search, from the word postings alone (`workshop_word`, migration 0008):
 * the workshops holding every term, each counted once (a prefix may match several of its words).
 * Only for requests whose other filters are the start and the price (see `onlyFacetFilters(input, true, true)`).
 */
export function postedCells(input: DiscoveryInput, now: Date, terms: TextTerm[]) {
  const upcoming = input.includePast ? sql`` : sql` and p.starts_at >= ${now}`;
  const holding = (t: TextTerm) => {
    // A prefix is a range of the "C"-collated index: every word from "pott" up to "pott" + the last code point.
    const match = t.prefix ? sql.join(t.words.map((w) => sql`(p.word >= ${w} and p.word < ${w + '\u{10FFFF}'})`), sql` or `) : sql`p.word = any(${t.words}::text[])`;
    const price = priceConditions(input, 'p');
    return sql`select p.num, p.cell from workshop_word p where (${match})${upcoming}${price.length ? sql` and ${sql.join(price, sql` and `)}` : sql``}`;
  };
  const workshops = terms.length === 1 ? sql`select distinct num, cell from (${holding(terms[0]!)}) one` : sql.join(terms.map(holding), sql` intersect `);
  return sql<FacetCell>`select c.category_id, c.city, count(*)::int as n from (${workshops}) m join facet_cell c on c.id = m.cell group by c.category_id, c.city`;
}

export async function facetCells(ctx: CoreContext, input: DiscoveryInput, now: Date, terms: TextTerm[]): Promise<FacetCell[]> {
  if (onlyFacetFilters(input, true, terms.length > 0)) {
    // No words typed means no corrected words either.
    const cells = terms.length ? postedCells(input, now, terms) : summaryCells(input, now);
    return (await cells.execute(ctx.db)).rows;
  }
  return scannedCells(ctx, input, now, terms).execute();
}

/**
 * Total and both facets from the cells. Each facet applies every filter but its own dimension, so
 * its counts say what choosing that value would show.
 */
export function facetsFromCells(cells: FacetCell[], input: DiscoveryInput, categoryNames: Map<string, string>): { total: number; facets: SearchResult['facets'] } {
  const cats = input.categoryIds?.length ? new Set(input.categoryIds) : null;
  const cities = input.cities?.length ? new Set(input.cities) : null;
  let total = 0;
  const byCategory = new Map<string, number>();
  const byCity = new Map<string, number>();
  for (const c of cells) {
    const n = Number(c.n);
    const catOk = !cats || cats.has(c.category_id);
    const cityOk = !cities || cities.has(c.city);
    if (catOk && cityOk) total += n;
    if (cityOk) byCategory.set(c.category_id, (byCategory.get(c.category_id) ?? 0) + n);
    if (catOk) byCity.set(c.city, (byCity.get(c.city) ?? 0) + n);
  }
  return {
    total,
    facets: {
      categories: [...byCategory]
        .map(([id, count]) => ({ id, name: categoryNames.get(id) ?? '', count }))
        .sort((a, b) => a.name.localeCompare(b.name)),
      cities: [...byCity].map(([city, count]) => ({ city, count })).sort((a, b) => a.city.localeCompare(b.city)),
    },
  };
}
