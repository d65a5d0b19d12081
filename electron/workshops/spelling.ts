import { sql } from 'kysely';
import levenshtein from 'damerau-levenshtein';
import type { CoreContext } from '../core/context';
import type { TextTerm } from './discovery-filters';

/** Catalogue words fetched per misspelt word by trigram likeness, before they are ranked by edits. */
const CANDIDATES = 50;

/** Typing slips allowed for a word of this length, as search engines do: none for the shortest words. */
export const editBudget = (length: number): number => (length <= 2 ? 0 : length <= 5 ? 1 : 2);

/**
 * How far a typed word is from a catalogue word, in typing slips (insert, delete, replace, swap two
 * neighbours); Infinity beyond the word's budget. A typed word may also be a slipped *prefix* of a
 * catalogue word ("sordou" → sourdough): that counts half a slip more, so a whole word wins a tie.
 */
export function slips(typed: string, word: string): number {
  const budget = editBudget([...typed].length);
  const whole = levenshtein(typed, word).steps;
  if (whole <= budget) return whole;
  const chars = [...word];
  const n = [...typed].length;
  let prefix = Infinity;
  for (let len = Math.max(1, n - 1); len <= Math.min(chars.length - 1, n + 1); len++) prefix = Math.min(prefix, levenshtein(typed, chars.slice(0, len).join('')).steps);
  return prefix <= budget ? prefix + 0.5 : Infinity;
}

/** Per word, in order: whether a catalogue word starts with it, and catalogue words that look like it. */
export const spellingQuery = (words: string[]) =>
  sql<{ w: string; known: boolean; candidates: string[] | null; likeness: number[] | null; counts: number[] | null }>`
    select q.w,
      exists (select 1 from search_lexicon l where l.word >= q.w and l.word < q.w || ${'\u{10FFFF}'}) as known,
      c.candidates, c.likeness, c.counts
    from unnest(${words}::text[]) with ordinality q(w, i)
    left join lateral (
      select array_agg(x.word order by x.s desc, x.word) as candidates, array_agg(x.s order by x.s desc, x.word) as likeness,
        array_agg(x.n order by x.s desc, x.word) as counts
      from (select l.word, l.n, word_similarity(q.w, l.word) as s from search_lexicon l
            where l.word %> q.w order by s desc, l.word limit ${CANDIDATES}) x
    ) c on true
    order by q.i`;

/**
 * Corrects search words against the catalogue's own words (`search_lexicon`, migration 0007). A word
 * that some catalogue word starts with stays as typed (a prefix). Any other word is replaced by the
 * catalogue word fewest typing slips away. Trigram likeness (pg_trgm) finds the candidates and
 * breaks ties, but does not rank alone: it misjudges short words ("exel" looks more like "exercises"
 * than "excel" to it) and swaps ("pyhton"). Last tie-break: the more common word. Null when nothing needs correcting, or when a word
 * has no near spelling at all: then there is nothing better to search for.
 */
export async function correctSpelling(ctx: CoreContext, words: string[]): Promise<TextTerm[] | null> {
  if (!words.length) return null;
  const r = await spellingQuery(words).execute(ctx.db);
  let corrected = false;
  const terms: TextTerm[] = [];
  for (const row of r.rows) {
    if (row.known) {
      terms.push({ words: [row.w], prefix: true });
      continue;
    }
    const ranked = (row.candidates ?? [])
      .map((word, i) => ({ word, s: Number(row.likeness?.[i] ?? 0), n: Number(row.counts?.[i] ?? 0), d: slips(row.w, word) }))
      .filter((c) => c.d < Infinity)
      .sort((a, b) => a.d - b.d || b.s - a.s || b.n - a.n || (a.word < b.word ? -1 : 1));
    // One word: "Showing results for “pottery”" must not mix in poetry, one slip away too.
    const best = ranked[0];
    if (!best) return null;
    terms.push({ words: [best.word], prefix: false });
    corrected = true;
  }
  return corrected ? terms : null;
}

/** The search as corrected, in words: each term's best word. */
export const searchedFor = (terms: TextTerm[]): string => terms.map((t) => t.words[0]).join(' ');
