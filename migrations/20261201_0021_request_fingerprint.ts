import { sql, type Kysely } from 'kysely';

/*
 * What a request asked for, beside who sent it: a digest of the channel, the caller (the account, or
 * the window of someone not signed in) and the checked input. A request id sent again with other
 * details, or from another kiosk window, is then refused instead of being answered with the first
 * request's outcome (someone else's ticket). Rows stored before this have none and are not checked.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table request_outcome add column fingerprint text`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table request_outcome drop column fingerprint`.execute(db);
}
