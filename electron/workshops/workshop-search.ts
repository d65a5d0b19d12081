import { sql, type Expression, type ExpressionBuilder, type RawBuilder, type SqlBool } from 'kysely';
import type { z } from 'zod';
import { AppError } from '../../shared/errors';
import type { SearchResult, searchWorkshopsInput, WorkshopSort } from '../../shared/workshops';
import type { CoreContext } from '../core/context';
import type { Database } from '../db/schema';
import { cardColumns, toCard, type CardRow } from './workshop-rows';

type Input = z.output<typeof searchWorkshopsInput>;
type Eb = ExpressionBuilder<Database & { w: Database['workshop']; c: Database['category'] }, 'w' | 'c'>;

/** Words of a search box, lower-cased, letters and digits only (nothing reaches to_tsquery unescaped). */
export const searchWords = (q: string | undefined): string[] => (q?.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 8);

let trigramAvailable: boolean | null = null;
export async function hasTrigram(ctx: CoreContext): Promise<boolean> {
  if (trigramAvailable === null) {
    const r = await sql<{ ok: boolean }>`select exists (select 1 from pg_extension where extname = 'pg_trgm') as ok`.execute(ctx.db);
    trigramAvailable = Boolean(r.rows[0]?.ok);
  }
  return trigramAvailable;
}

/**
 * Each word must match: exactly, as a prefix, through the full-text index; or, in fuzzy mode (used
 * only when nothing matched exactly), as a near spelling through the trigram index — an exactly
 * spelt word is its own nearest spelling, so one condition per word serves both kinds of word.
 */
function textCondition(words: string[], fuzzy: boolean) {
  return sql<SqlBool>`${sql.join(
    words.map((w) => (fuzzy ? sql`${w} <% w.search_words` : sql`w.search_doc @@ to_tsquery('simple', ${`${w}:*`})`)),
    sql` and `,
  )}`;
}

function rankExpression(words: string[], fuzzy: boolean) {
  return fuzzy
    ? sql<string>`round(word_similarity(${words.join(' ')}, w.search_words)::numeric, 6)`
    : sql<string>`round(ts_rank(w.search_doc, to_tsquery('simple', ${words.map((w) => `${w}:*`).join(' | ')}))::numeric, 6)`;
}

/** All filters but (optionally) one facet dimension, so a facet shows what choosing it would give. */
function filters(eb: Eb, input: Input, now: Date, fuzzy: boolean, except?: 'category' | 'city'): Expression<SqlBool>[] {
  const f: Expression<SqlBool>[] = [eb('w.status', '=', 'published')];
  if (!input.includePast) f.push(eb('w.starts_at', '>=', now));
  if (except !== 'category' && input.categoryIds?.length) f.push(eb('w.category_id', 'in', input.categoryIds));
  if (except !== 'city' && input.cities?.length) f.push(eb('w.city', 'in', input.cities));
  if (input.from) {
    // Coarse bound first (any zone is within ±14 h of UTC) so an index can help, then the exact day
    // in the workshop's own zone: "on 5 December" means 5 December where the workshop happens.
    f.push(eb('w.starts_at', '>=', new Date(new Date(`${input.from}T00:00:00Z`).getTime() - 14 * 3600_000)));
    f.push(sql<SqlBool>`(w.starts_at at time zone w.time_zone)::date >= ${input.from}::date`);
  }
  if (input.to) {
    f.push(eb('w.starts_at', '<', new Date(new Date(`${input.to}T00:00:00Z`).getTime() + 38 * 3600_000)));
    f.push(sql<SqlBool>`(w.starts_at at time zone w.time_zone)::date <= ${input.to}::date`);
  }
  if (input.freeOnly) f.push(eb('w.price_minor', '=', 0));
  if (input.priceMin !== undefined) f.push(eb('w.price_minor', '>=', input.priceMin));
  if (input.priceMax !== undefined) f.push(eb('w.price_minor', '<=', input.priceMax));
  if (input.hasSeats) f.push(sql<SqlBool>`w.seats_taken < w.capacity`);
  if (input.mode) f.push(eb('w.registration_mode', '=', input.mode));
  const tags = [...new Set((input.tags ?? []).map((t) => t.trim().toLowerCase()).filter(Boolean))];
  if (tags.length) {
    const matching = sql`(select count(distinct t.id) from workshop_tag wt join tag t on t.id = wt.tag_id where wt.workshop_id = w.id and lower(t.name) in (${sql.join(tags)}))`;
    f.push(input.tagMode === 'all' ? sql<SqlBool>`${matching} = ${tags.length}` : sql<SqlBool>`${matching} > 0`);
  }
  const words = searchWords(input.q);
  if (words.length) f.push(textCondition(words, fuzzy));
  return f;
}

interface Cursor {
  s: WorkshopSort;
  v: string | number;
  id: string;
  /** 'fuzzy' when the pages come from near-spelling matches. */
  m?: 'fuzzy';
}

const encodeCursor = (c: Cursor): string => Buffer.from(JSON.stringify(c)).toString('base64url');
function decodeCursor(raw: string, sort: WorkshopSort): Cursor {
  try {
    const c = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Cursor;
    if (c.s === sort && typeof c.id === 'string' && (typeof c.v === 'string' || typeof c.v === 'number')) return c;
  } catch {
    /* fall through */
  }
  throw new AppError('VALIDATION', 'The list changed its order; start again from the first page.', { fieldErrors: { after: ['Invalid cursor.'] } });
}

/** The four queries behind one discovery request (page, total, two facets), built but not run. */
export function discoveryQueries(ctx: CoreContext, input: Input, fuzzy: boolean) {
  const now = ctx.now();
  const words = searchWords(input.q);
  const sort: WorkshopSort = input.sort === 'relevance' && !words.length ? 'soonest' : (input.sort ?? (words.length ? 'relevance' : 'soonest'));
  const rank = words.length ? rankExpression(words, fuzzy) : sql<string>`0`;
  const sortKey: RawBuilder<unknown> = {
    relevance: rank,
    soonest: sql`w.starts_at`,
    price: sql`w.price_minor`,
    newest: sql`w.created_at`,
    popular: sql`w.seats_taken`,
  }[sort];

  // Sort and cut on the narrow workshop rows first; only the page's rows get joined and dressed.
  let page = ctx.db
    .selectFrom('workshop as w')
    .select(['w.id', sortKey.as('sort_key')])
    .where((eb) => eb.and(filters(eb as unknown as Eb, input, now, fuzzy)));

  if (input.after) {
    const c = decodeCursor(input.after, sort);
    const v = sort === 'soonest' || sort === 'newest' ? new Date(String(c.v)) : c.v;
    page = page.where(
      {
        soonest: sql<SqlBool>`(w.starts_at, w.id) > (${v}::timestamptz, ${c.id})`,
        price: sql<SqlBool>`(w.price_minor, w.id) > (${v}::int, ${c.id})`,
        newest: sql<SqlBool>`(w.created_at < ${v}::timestamptz or (w.created_at = ${v}::timestamptz and w.id > ${c.id}))`,
        popular: sql<SqlBool>`(w.seats_taken < ${v}::int or (w.seats_taken = ${v}::int and w.id > ${c.id}))`,
        relevance: sql<SqlBool>`(${rank} < ${v}::numeric or (${rank} = ${v}::numeric and w.id > ${c.id}))`,
      }[sort],
    );
  }
  const ordered = {
    soonest: page.orderBy('w.starts_at').orderBy('w.id'),
    price: page.orderBy('w.price_minor').orderBy('w.id'),
    newest: page.orderBy('w.created_at', 'desc').orderBy('w.id'),
    popular: page.orderBy('w.seats_taken', 'desc').orderBy('w.id'),
    relevance: page.orderBy(rank, 'desc').orderBy('w.id'),
  }[sort].limit(input.limit + 1);
  // Every order is (sort key, then id ascending); descending for newest, popular and relevance.
  const descending = sort === 'newest' || sort === 'popular' || sort === 'relevance';
  const dressed = ctx.db
    .selectFrom(ordered.as('p'))
    .innerJoin('workshop as w', 'w.id', 'p.id')
    .innerJoin('category as c', 'c.id', 'w.category_id')
    .select(cardColumns)
    .select('p.sort_key')
    .orderBy('p.sort_key', descending ? 'desc' : 'asc')
    .orderBy('p.id');

  // Counts and facets need no category join: filters only read workshop columns.
  const filtered = (except?: 'category' | 'city') => ctx.db.selectFrom('workshop as w').where((eb) => eb.and(filters(eb as unknown as Eb, input, now, fuzzy, except)));
  return {
    sort,
    page: dressed,
    total: filtered().select((eb) => eb.fn.countAll<string>().as('n')),
    categoryFacet: ctx.db
      .selectFrom(filtered('category').select(['w.category_id', (eb) => eb.fn.countAll<string>().as('n')]).groupBy('w.category_id').as('f'))
      .innerJoin('category as c', 'c.id', 'f.category_id')
      .select(['c.id', 'c.name', 'f.n'])
      .orderBy('c.name'),
    cityFacet: filtered('city').select(['w.city', (eb) => eb.fn.countAll<string>().as('n')]).groupBy('w.city').orderBy('w.city'),
    /**
     * Without a category or city filter, total and both facets share one filter set: one scan with
     * grouping sets answers all three (the common case: a first look, or a text search).
     */
    combined:
      input.categoryIds?.length || input.cities?.length
        ? null
        : filtered()
            .select(['w.category_id', 'w.city', (eb) => eb.fn.countAll<string>().as('n'), sql<number>`grouping(w.category_id, w.city)`.as('g')])
            .groupBy(sql`grouping sets ((w.category_id), (w.city), ())`),
  };
}

/**
 * Discovery: published (and by default upcoming) workshops, filtered, searched, sorted, with keyset
 * pagination — the cursor carries the last row's sort key and id, so rows inserted or removed
 * between pages cause neither duplicates nor gaps.
 */
export async function searchWorkshops(ctx: CoreContext, input: Input): Promise<SearchResult> {
  const trigram = await hasTrigram(ctx);
  const run = async (fuzzy: boolean) => {
    const q = discoveryQueries(ctx, input, fuzzy);
    if (q.combined) {
      const [rows, groups, names] = await Promise.all([q.page.execute(), q.combined.execute(), ctx.db.selectFrom('category').select(['id', 'name']).execute()]);
      const name = new Map(names.map((c) => [c.id, c.name]));
      // grouping() bits: 1 = city rolled up (a category row), 2 = category rolled up (a city row), 3 = total.
      const categories = groups.filter((g) => Number(g.g) === 1).map((g) => ({ id: g.category_id, name: name.get(g.category_id) ?? '', n: g.n })).sort((a, b) => a.name.localeCompare(b.name));
      const cities = groups.filter((g) => Number(g.g) === 2).map((g) => ({ city: g.city, n: g.n })).sort((a, b) => a.city.localeCompare(b.city));
      return { q, rows, total: Number(groups.find((g) => Number(g.g) === 3)?.n ?? 0), categories, cities };
    }
    const [rows, total, categories, cities] = await Promise.all([q.page.execute(), q.total.executeTakeFirstOrThrow(), q.categoryFacet.execute(), q.cityFacet.execute()]);
    return { q, rows, total: Number(total.n), categories, cities };
  };
  // Exact (prefix) matches first: cheap on the full-text index. Only when they find nothing do we
  // pay for near spellings through the trigram index ("potery" → pottery).
  let textMatch: SearchResult['textMatch'] = searchWords(input.q).length ? 'exact' : 'none';
  let r = await run(false);
  if (textMatch === 'exact' && r.total === 0 && trigram && !input.after) {
    const fuzzy = await run(true);
    if (fuzzy.total > 0) {
      r = fuzzy;
      textMatch = 'fuzzy';
    }
  } else if (textMatch === 'exact' && input.after && trigram && decodeCursorMatch(input.after) === 'fuzzy') {
    r = await run(true);
    textMatch = 'fuzzy';
  }

  const items = r.rows.slice(0, input.limit);
  const last = items.at(-1) as (CardRow & { sort_key: unknown }) | undefined;
  const more = r.rows.length > input.limit && last;
  return {
    items: items.map((row) => toCard(row as unknown as CardRow)),
    total: r.total,
    nextCursor: more
      ? encodeCursor({ s: r.q.sort, v: last.sort_key instanceof Date ? last.sort_key.toISOString() : (last.sort_key as string | number), id: last.id, m: textMatch === 'fuzzy' ? 'fuzzy' : undefined })
      : null,
    facets: {
      categories: r.categories.map((c) => ({ id: c.id, name: c.name, count: Number(c.n) })),
      cities: r.cities.map((c) => ({ city: c.city, count: Number(c.n) })),
    },
    textMatch,
    textSearch: trigram ? 'full-text + fuzzy' : 'full-text only',
  };
}

/** Whether a cursor came from a page of near-spelling matches (so the next page keeps that mode). */
function decodeCursorMatch(raw: string): 'fuzzy' | undefined {
  try {
    return (JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Cursor).m;
  } catch {
    return undefined;
  }
}
