import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { z } from 'zod';
import type { DeskMatch, DeskSearchResult, deskSearchInput } from '../../shared/desk';
import { normaliseTicketCode, TICKET_ALPHABET } from '../../shared/tickets';
import type { CoreContext } from '../core/context';
import { PERSON_COLUMNS, PERSON_FROM, toCheckInRecord, toDeskWorkshop, toPerson, type PersonRow } from '../checkin/desk-rows';
import { hasTrigram } from '../workshops/discovery-filters';
import { TODAY_WORKSHOPS } from './today';

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
const looksLikeCode = (s: string) => s.length === 8 && [...s].every((c) => TICKET_ALPHABET.includes(c));

/** Near spellings must share most of a word's letter triples: "lovelce" finds "Lovelace", "ann" does not find everyone. */
const NEAR_SIMILARITY = 0.45;
/** Matches per kind ranked for the list; a search that matches more asks for a letter more. */
const CANDIDATES = 200;
/** Near spellings ranked: every one passes the word-similarity bar, so a hundred-odd is choice enough. */
const NEAR_CANDIDATES = 120;

type Row = PersonRow & { today: boolean; matched_by: DeskMatch['matchedBy'] };

/**
 * Finds people at the desk by what staff type: a ticket code, a name (each word a prefix of a word of
 * the name, in any order), an email prefix or some digits of a phone number — today's sessions first
 * (or one workshop, or every workshop with the toggle). When nothing matches exactly, near spellings
 * of the name (pg_trgm word similarity). Every condition is one an index answers: codes and prefixes by
 * btree, words inside names and digits inside phone numbers by the trigram index.
 */
export async function deskSearch(ctx: CoreContext, input: z.output<typeof deskSearchInput>): Promise<DeskSearchResult> {
  const now = ctx.now();
  const q = input.q.trim().toLowerCase();
  const words = q.split(/[\s,]+/).filter(Boolean).slice(0, 4);
  const digits = q.replace(/\D/g, '');
  const code = normaliseTicketCode(input.q);
  const trigram = await hasTrigram(ctx);

  const scope = input.workshopId
    ? sql<SqlBool>`r.workshop_id = ${input.workshopId}`
    : input.scope === 'today'
      ? sql<SqlBool>`r.workshop_id in (select w.id from workshop w where ${TODAY_WORKSHOPS(now)})`
      : sql<SqlBool>`true`;

  const nameWord = (w: string): RawBuilder<SqlBool> =>
    // Short words cannot use trigrams: a prefix of the whole name (btree) is what they get.
    w.length >= 3 && trigram ? sql<SqlBool>`lower(r.person_name) like ${`%${likeEscape(w)}%`}` : sql<SqlBool>`lower(r.person_name) like ${`${likeEscape(w)}%`}`;
  const wordStart = (w: string) => sql<SqlBool>`lower(r.person_name) ~ ${`(^|[\\s'-])${w.replace(/[^\p{L}\p{N}]/gu, '')}`}`;

  const arms: { cond: RawBuilder<SqlBool>; by: DeskMatch['matchedBy'] }[] = [];
  if (looksLikeCode(code)) arms.push({ cond: sql<SqlBool>`r.ticket_code = ${code}`, by: 'code' });
  if (words.length && /\p{L}/u.test(q)) arms.push({ cond: sql.join(words.map(nameWord), sql` and `) as RawBuilder<SqlBool>, by: 'name' });
  if (!/\s/.test(q) && /[@.]|^[^\d\s]+$/.test(q)) arms.push({ cond: sql<SqlBool>`lower(r.person_email) like ${`${likeEscape(q)}%`}`, by: 'email' });
  if (digits.length >= 3 && digits.length >= q.replace(/[\s()+-]/g, '').length - 1) {
    arms.push({ cond: trigram ? sql<SqlBool>`r.person_phone_digits like ${`%${digits}%`}` : sql<SqlBool>`r.person_phone_digits like ${`${digits}%`}`, by: 'phone' });
  }
  if (!arms.length) return { items: [], nearOnly: false };

  const matchedBy = sql.join(arms.map((a) => sql`when ${a.cond} then ${a.by}`), sql` `);
  const exactName = sql`lower(r.person_name) = ${q}`;
  const allWordStarts = words.length ? sql.join(words.map(wordStart), sql` and `) : sql`false`;
  const rank = sql`case when r.ticket_code = ${looksLikeCode(code) ? code : ''} then 0 when ${exactName} then 1
    when lower(r.person_name) like ${`${likeEscape(q)}%`} then 2 when ${allWordStarts} then 3 else 4 end`;
  const today = sql<boolean>`(${TODAY_WORKSHOPS(now)})`;
  const anyArm = sql.join(
    arms.map((a) => sql`(${a.cond})`),
    sql` or `,
  );
  // A workshop's or today's registrations are few: read them all and test each (materialized, so
  // the planner does not AND a trigram index scan per workshop instead). Across every workshop a
  // few letters match thousands: ranked among a bounded set of candidates — every match in today's
  // sessions, and per kind of match the first ones an index gives (names that start with what was
  // typed in name order) — so codes, exact names and today's people always make the list.
  // The columns the match conditions read, so they test the scoped rows themselves (as `r`).
  const scopedColumns = sql`r.id, r.ticket_code, r.person_name, r.person_email, r.person_phone_digits`;
  const inScope = input.workshopId
    ? sql`select ${scopedColumns} from registration r where r.workshop_id = ${input.workshopId}`
    : // Workshop by workshop (lateral; `offset 0` keeps the planner from flattening it), so each reads its own rows by index rather than all of them.
      sql`select ${scopedColumns} from workshop w cross join lateral (select ${scopedColumns} from registration r where r.workshop_id = w.id offset 0) r where ${TODAY_WORKSHOPS(now)}`;
  // Matches in scope are tested on the scoped rows themselves, and only they reach the join below,
  // by primary key: every candidate is in scope already (each of today's registrations used to come
  // through and be found again by workshop there: twice the time).
  const scopedMatches = sql`(select r.id from scoped r where ${anyArm})`;
  const candidates =
    input.workshopId || input.scope === 'today'
      ? scopedMatches
      : sql.join(
          [
            ...arms.map((a) => sql`(select r.id from registration r where ${a.cond} limit ${CANDIDATES})`),
            ...(words.length && /\p{L}/u.test(q) ? [sql`(select r.id from registration r where lower(r.person_name) like ${`${likeEscape(q)}%`} limit ${CANDIDATES})`] : []),
            scopedMatches,
          ],
          sql` union `,
        );
  const exact = await sql<Row>`with scoped as materialized (${inScope}), candidate as (${candidates})
    select ${PERSON_COLUMNS}, ${today} as today, case ${matchedBy} end as matched_by
    from ${PERSON_FROM}
    where r.id in (select id from candidate) and (${anyArm})
    order by ${rank}, (r.status in ('confirmed', 'pending', 'waitlisted')) desc, ${today} desc, w.starts_at, r.person_name, r.id
    limit ${input.limit}`.execute(ctx.db);

  // Only letters typed, nothing found: a near spelling is the likely reason.
  let near: Row[] = [];
  if (!exact.rows.length && trigram && q.length >= 3 && /^[\p{L}\s'-]+$/u.test(q)) {
    const similarity = sql`word_similarity(${q}, lower(r.person_name))`;
    const order = sql`sim desc, ${today} desc, w.starts_at, r.person_name, r.id`;
    near = await ctx.db.transaction().execute(async (trx) => {
      // A common misspelling is near thousands of names: the planner then expects to find the
      // candidates soon reading the table in order, and reads tens of thousands of rows instead of
      // asking the trigram index. The index is always the faster way here.
      await sql`set local enable_seqscan = off`.execute(trx);
      return (
        await sql<Row>`with candidate as (
            select r.id, r.workshop_id, r.person_name, ${similarity} as sim from registration r
            where ${scope} and ${q} <% lower(r.person_name) and ${similarity} >= ${NEAR_SIMILARITY} limit ${NEAR_CANDIDATES}),
          best as (select r.id, r.sim from candidate r join workshop w on w.id = r.workshop_id order by ${order} limit ${input.limit})
          select ${PERSON_COLUMNS}, ${today} as today, 'near' as matched_by
          from ${PERSON_FROM} join best on best.id = r.id
          order by best.sim desc, ${today} desc, w.starts_at, r.person_name, r.id`.execute(trx)
      ).rows;
    });
  }
  const rows = exact.rows.length ? exact.rows : near;
  return {
    items: rows.map((r) => ({ person: toPerson(r), workshop: toDeskWorkshop(r), checkIn: toCheckInRecord(r), matchedBy: r.matched_by, today: Boolean(r.today) })),
    nearOnly: !exact.rows.length && near.length > 0,
  };
}
