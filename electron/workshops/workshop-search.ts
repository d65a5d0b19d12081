import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { AppError } from '../../shared/errors';
import { SORTS, type SearchResult, type WorkshopSort } from '../../shared/workshops';
import { hasUnstorable, INT4_MAX, YEAR_MAX, YEAR_MIN } from '../../shared/text';
import type { CoreContext } from '../core/context';
import { discoveryFilters, hasTrigram, searchWords, textQuery, typedTerms, type DiscoveryInput, type TextTerm } from './discovery-filters';
import { facetCells, facetsFromCells } from './facet-counts';
import { correctSpelling, searchedFor } from './spelling';
import { cardColumns, toCard, type CardRow } from './workshop-rows';

export { hasTrigram, searchWords } from './discovery-filters';

/**
 * Best match, for exact (prefix) matches, comes in tiers: every word in the title (3), in the title,
 * tags or instructor (2), anywhere including summary and description (1); soonest first within a
 * tier. Tier by tier, the first page reads only the top tier's rows instead of ranking every match.
 * The expressions are those of the indexes in migration 0006, so the planner can use them.
 */
type Tier = 1 | 2 | 3;
const TITLE = sql`to_tsvector('simple', w.title)`;
const HEADLINE = sql`to_tsvector('simple', w.title || ' ' || w.tags_text || ' ' || w.instructor)`;
/** Replaces the plain text condition: a title or headline match implies a match in the whole text. */
function tierCondition(terms: TextTerm[], tier: Tier) {
  const q = textQuery(terms);
  if (tier === 3) return sql<SqlBool>`${TITLE} @@ ${q}`;
  if (tier === 2) return sql<SqlBool>`${HEADLINE} @@ ${q} and not (${TITLE} @@ ${q})`;
  return sql<SqlBool>`w.search_doc @@ ${q} and not (${HEADLINE} @@ ${q})`;
}

interface Cursor {
  s: WorkshopSort;
  v: string | number;
  id: string;
  /** Best-match tier of the last row (exact best-match pages). */
  t?: Tier;
  /** The corrected words, when the pages are for near spellings (later pages search the same). */
  c?: TextTerm[];
}

const isTerm = (t: unknown): t is TextTerm => {
  const { words, prefix } = (t ?? {}) as Partial<TextTerm>;
  // Typed words reach to_tsquery: only letters and digits, as searchWords makes them.
  return typeof prefix === 'boolean' && Array.isArray(words) && words.length > 0 && words.length <= 3 && words.every((w) => typeof w === 'string' && w.length > 0 && w.length <= 200 && !hasUnstorable(w) && (!prefix || /^[\p{L}\p{N}]+$/u.test(w)));
};

/** The cursor's sort key must be what its sort compares: a time for start/created order, a whole number for price and seats. */
function sortKeyFits(sort: WorkshopSort, v: unknown): boolean {
  if (sort === 'price' || sort === 'popular') return typeof v === 'number' && Number.isInteger(v) && Math.abs(v) <= INT4_MAX;
  if (typeof v !== 'string' || v.length > 40) return false;
  const t = Date.parse(v);
  return Number.isFinite(t) && new Date(t).getUTCFullYear() >= YEAR_MIN && new Date(t).getUTCFullYear() <= YEAR_MAX;
}

const encodeCursor = (c: Cursor): string => Buffer.from(JSON.stringify(c)).toString('base64url');
/** A cursor, if it is one of ours and fits the request; `sort` undefined checks only its shape. */
function decodeCursor(raw: string, sort?: WorkshopSort, tiered?: boolean): Cursor {
  try {
    const c = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Cursor;
    if (
      (sort === undefined || c.s === sort) &&
      (SORTS as readonly string[]).includes(c.s) &&
      typeof c.id === 'string' &&
      c.id.length <= 100 &&
      !hasUnstorable(c.id) &&
      sortKeyFits(c.s, c.v) &&
      (!tiered || [1, 2, 3].includes(c.t as number)) &&
      (c.c === undefined || (Array.isArray(c.c) && c.c.length > 0 && c.c.length <= 8 && c.c.every(isTerm)))
    )
      return c;
  } catch {
    /* fall through */
  }
  throw new AppError('VALIDATION', 'The list changed its order; start again from the first page.', { fieldErrors: { after: ['Invalid cursor.'] } });
}

type PageRow = CardRow & { sort_key: unknown; tier: Tier | null };

/**
 * The queries behind one discovery request, built but not run (the plan test explains them).
 * `terms`: the search words as typed, or as corrected.
 */
export function discoveryQueries(ctx: CoreContext, input: DiscoveryInput, terms: TextTerm[] = typedTerms(input.q)) {
  const now = ctx.now();
  const sort: WorkshopSort = input.sort === 'relevance' && !terms.length ? 'soonest' : (input.sort ?? (terms.length ? 'relevance' : 'soonest'));
  const tiered = sort === 'relevance';
  const sortKey: RawBuilder<unknown> = {
    // Within a tier, best match is ordered like soonest.
    relevance: sql`w.starts_at`,
    soonest: sql`w.starts_at`,
    price: sql`w.price_minor`,
    newest: sql`w.created_at`,
    popular: sql`w.seats_taken`,
  }[sort];
  const cursor = input.after ? decodeCursor(input.after, sort, tiered) : null;

  /** Sort and cut on the narrow workshop rows first; only the page's rows get joined and dressed. */
  const pageQuery = (tier: Tier | null, after: Cursor | null) => {
    let page = ctx.db
      .selectFrom('workshop as w')
      .select(['w.id', sortKey.as('sort_key'), sql<Tier | null>`${tier === null ? null : sql.lit(tier)}::int`.as('tier')])
      .where((eb) => eb.and(tier === null ? discoveryFilters(eb, input, now, terms) : [...discoveryFilters(eb, input, now, terms, 'text'), tierCondition(terms, tier)]));
    if (after) {
      const v = sort === 'soonest' || sort === 'newest' || tiered ? new Date(String(after.v)) : after.v;
      const afterByStart = sql<SqlBool>`(w.starts_at, w.id) > (${v}::timestamptz, ${after.id})`;
      page = page.where(
        {
          soonest: afterByStart,
          price: sql<SqlBool>`(w.price_minor, w.id) > (${v}::int, ${after.id})`,
          newest: sql<SqlBool>`(w.created_at < ${v}::timestamptz or (w.created_at = ${v}::timestamptz and w.id > ${after.id}))`,
          popular: sql<SqlBool>`(w.seats_taken < ${v}::int or (w.seats_taken = ${v}::int and w.id > ${after.id}))`,
          relevance: afterByStart,
        }[sort],
      );
    }
    // Every order is (sort key, then id ascending); descending for newest and popular.
    const descending = sort === 'newest' || sort === 'popular';
    // Title and headline tiers are small; found through their own indexes, then sorted. Ordered by
    // the bare start, the planner may instead walk every upcoming workshop in start order hoping to
    // meet a title match soon, which for a word in no title means reading the whole catalogue.
    const orderKey = tier === 3 || tier === 2 ? sql`w.starts_at + interval '0 seconds'` : sortKey;
    const ordered = page
      .orderBy(orderKey, descending ? 'desc' : 'asc')
      .orderBy('w.id')
      .limit(input.limit + 1);
    return ctx.db
      .selectFrom(ordered.as('p'))
      .innerJoin('workshop as w', 'w.id', 'p.id')
      .innerJoin('category as c', 'c.id', 'w.category_id')
      .select(cardColumns)
      .select(['p.sort_key', 'p.tier'])
      .orderBy('p.sort_key', descending ? 'desc' : 'asc')
      .orderBy('p.id');
  };

  return {
    sort,
    /** The first query a page runs (for best match: the tier the page starts in). */
    page: pageQuery(tiered ? (cursor?.t ?? 3) : null, cursor),
    /** A best-match tier's first page, for the plan test. */
    tierPage: (tier: Tier) => pageQuery(tier, null),
    /** One page (plus one row, to know whether there is more), tier after tier for best match. */
    async runPage(): Promise<PageRow[]> {
      if (!tiered) return (await pageQuery(null, cursor).execute()) as PageRow[];
      const rows: PageRow[] = [];
      for (let tier = cursor?.t ?? 3; tier >= 1 && rows.length <= input.limit; tier--) {
        const after = cursor && tier === cursor.t ? cursor : null;
        const got = (await pageQuery(tier as Tier, after).execute()) as PageRow[];
        rows.push(...got.slice(0, input.limit + 1 - rows.length));
      }
      return rows;
    },
  };
}

/**
 * Discovery: published (and by default upcoming) workshops, filtered, searched, sorted, with keyset
 * pagination — the cursor carries the last row's sort key and id, so rows inserted or removed
 * between pages cause neither duplicates nor gaps.
 */
export async function searchWorkshops(ctx: CoreContext, input: DiscoveryInput): Promise<SearchResult> {
  const trigram = await hasTrigram(ctx);
  const now = ctx.now();
  const run = async (terms: TextTerm[]) => {
    const q = discoveryQueries(ctx, input, terms);
    const [rows, cells, names] = await Promise.all([q.runPage(), facetCells(ctx, input, now, terms), ctx.db.selectFrom('category').select(['id', 'name']).execute()]);
    return { sort: q.sort, rows, ...facetsFromCells(cells, input, new Map(names.map((c) => [c.id, c.name]))) };
  };
  // Exact (prefix) matches first. Only when they find nothing are misspelt words corrected against
  // the catalogue's own words ("potery" → pottery) and the search run again, still exactly. Later
  // pages of corrected results carry the corrections in their cursor.
  const typed = typedTerms(input.q);
  let corrected = input.after && typed.length ? (decodeCursor(input.after).c ?? null) : null;
  const mayCorrect = !corrected && typed.length > 0 && trigram && !input.after;
  const corrections = async () => {
    const terms = await correctSpelling(ctx, searchWords(input.q));
    return terms ? { terms, again: await run(terms) } : null;
  };
  // With a pool of connections, a word the catalogue has no word for is corrected and searched for
  // on other connections while the exact search runs, instead of after it: a misspelt search then
  // costs about one search. What is shown is decided exactly as without this (exact results first).
  const early = mayCorrect && ctx.dbHandle?.kind === 'postgres' ? corrections().catch(() => 'again' as const) : null;
  let r = await run(corrected ?? typed);
  if (mayCorrect && r.total === 0) {
    // A fault while the exact search still ran is not an answer: ask again, and let a new fault show.
    const ahead = early ? await early : 'again';
    const found = ahead === 'again' ? await corrections() : ahead;
    if (found && found.again.total > 0) {
      r = found.again;
      corrected = found.terms;
    }
  }

  const items = r.rows.slice(0, input.limit);
  const last = items.at(-1);
  const more = r.rows.length > input.limit && last;
  return {
    items: items.map((row) => toCard(row)),
    total: r.total,
    nextCursor: more
      ? encodeCursor({
          s: r.sort,
          v: last.sort_key instanceof Date ? last.sort_key.toISOString() : (last.sort_key as string | number),
          id: last.id,
          t: last.tier ?? undefined,
          c: corrected ?? undefined,
        })
      : null,
    facets: r.facets,
    textMatch: corrected ? 'fuzzy' : typed.length ? 'exact' : 'none',
    searchedFor: corrected ? searchedFor(corrected) : null,
    textSearch: trigram ? 'full-text + fuzzy' : 'full-text only',
  };
}
