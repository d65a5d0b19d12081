import { sql, type Expression, type ExpressionBuilder, type RawBuilder, type SqlBool } from 'kysely';
import type { z } from 'zod';
import type { searchWorkshopsInput } from '../../shared/workshops';
import type { CoreContext } from '../core/context';
import type { Database } from '../db/schema';

export type DiscoveryInput = z.output<typeof searchWorkshopsInput>;
type Eb = ExpressionBuilder<Database & { w: Database['workshop'] }, 'w'>;

/** Words of a search box, lower-cased, letters and digits only (nothing reaches to_tsquery unescaped). */
export const searchWords = (q: string | undefined): string[] => (q?.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 8);

/**
 * One search word as the query reads it: a word as typed, matched as a prefix; or the catalogue
 * words (lexemes) a misspelt word was corrected to, any of which may match exactly.
 */
export interface TextTerm {
  words: string[];
  prefix: boolean;
}

/** The search box's words as typed, each a prefix: `pyth prog` → `pyth:* & prog:*`. */
export const typedTerms = (q: string | undefined): TextTerm[] => searchWords(q).map((w) => ({ words: [w], prefix: true }));

/** A lexeme as tsquery input: quoted, so any character it holds is taken literally. */
const quoteLexeme = (w: string) => `'${w.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/**
 * Every term must match. Typed words go through the same parser as the documents (to_tsquery);
 * corrections are lexemes taken from the documents, so they are used as they are.
 */
export const textQuery = (terms: TextTerm[]) =>
  sql`(${sql.join(
    terms.map((t) => (t.prefix ? sql`to_tsquery('simple', ${t.words.map((w) => `${w}:*`).join(' | ')})` : sql`${t.words.map(quoteLexeme).join(' | ')}::tsquery`)),
    sql` && `,
  )})`;

let trigramAvailable: boolean | null = null;
export async function hasTrigram(ctx: CoreContext): Promise<boolean> {
  if (trigramAvailable === null) {
    const r = await sql<{ ok: boolean }>`select exists (select 1 from pg_extension where extname = 'pg_trgm') as ok`.execute(ctx.db);
    trigramAvailable = Boolean(r.rows[0]?.ok);
  }
  return trigramAvailable;
}

/**
 * Whether the request filters by nothing but category, city, upcoming-or-past, (unless `allowText`)
 * no words either and (unless `allowPrice`) no price: then facet counts can come from the month
 * summary (no text, no price) or the word postings (text, with or without a price), rather than
 * from the workshop rows.
 */
export function onlyFacetFilters(input: DiscoveryInput, allowText = false, allowPrice = false): boolean {
  return (
    (allowText || !searchWords(input.q).length) &&
    !input.from &&
    !input.to &&
    (allowPrice || (!input.freeOnly && input.priceMin === undefined && input.priceMax === undefined)) &&
    !input.hasSeats &&
    !input.mode &&
    !(input.tags ?? []).some((t) => t.trim())
  );
}

/** The price filters, on the workshop rows (`w`) or on the word postings (`p`), which carry the price too. */
export function priceConditions(input: DiscoveryInput, table: 'w' | 'p'): RawBuilder<SqlBool>[] {
  const price = sql.ref(`${table}.price_minor`);
  const f: RawBuilder<SqlBool>[] = [];
  if (input.freeOnly) f.push(sql<SqlBool>`${price} = 0`);
  if (input.priceMin !== undefined) f.push(sql<SqlBool>`${price} >= ${input.priceMin}`);
  if (input.priceMax !== undefined) f.push(sql<SqlBool>`${price} <= ${input.priceMax}`);
  // "Up to 40" means 40 of one currency: €35 and US$20 are not both under it. Free is free in any.
  if (input.currency && (input.priceMin !== undefined || input.priceMax !== undefined)) f.push(sql<SqlBool>`(${sql.ref(`${table}.currency`)} = ${input.currency} or ${price} = 0)`);
  return f;
}

/**
 * The conditions of a discovery request. `except: 'facets'` leaves out category and city: facet
 * counts are computed per (category, city) cell and each facet then applies the other's filter.
 * `except: 'text'` leaves out the words, for a caller whose own condition implies them. `terms` are
 * the search words as typed, or as corrected (see spelling.ts).
 */
export function discoveryFilters(eb: Eb, input: DiscoveryInput, now: Date, terms: TextTerm[], except?: 'facets' | 'text'): Expression<SqlBool>[] {
  const f: Expression<SqlBool>[] = [eb('w.status', '=', 'published')];
  if (!input.includePast) f.push(eb('w.starts_at', '>=', now));
  if (except !== 'facets' && input.categoryIds?.length) f.push(eb('w.category_id', 'in', input.categoryIds));
  if (except !== 'facets' && input.cities?.length) f.push(eb('w.city', 'in', input.cities));
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
  f.push(...priceConditions(input, 'w'));
  if (input.hasSeats) f.push(sql<SqlBool>`w.seats_taken < w.capacity`);
  if (input.mode) f.push(eb('w.registration_mode', '=', input.mode));
  const tags = [...new Set((input.tags ?? []).map((t) => t.trim().toLowerCase()).filter(Boolean))];
  if (tags.length) {
    const matching = sql`(select count(distinct t.id) from workshop_tag wt join tag t on t.id = wt.tag_id where wt.workshop_id = w.id and lower(t.name) in (${sql.join(tags)}))`;
    f.push(input.tagMode === 'all' ? sql<SqlBool>`${matching} = ${tags.length}` : sql<SqlBool>`${matching} > 0`);
  }
  if (terms.length && except !== 'text') f.push(sql<SqlBool>`w.search_doc @@ ${textQuery(terms)}`);
  return f;
}
