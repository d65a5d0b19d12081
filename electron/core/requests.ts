import { createHash } from 'node:crypto';
import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import { AppError } from '../../shared/errors';
import type { AppEventName, EventPayload } from '../../shared/ipc/events';
import type { Database } from '../db/schema';
import type { Caller } from './caller';
import type { CoreContext } from './context';

/**
 * Retry-safe writes. A 'write' call carries a request id the renderer made; the service stores it
 * with the call's outcome in the same transaction as the change (`transact`, or `claimRequestSql`
 * inside a single statement). A repeat of the id then finds that row and gets the first answer back
 * instead of acting again — also when the first answer was lost with the connection.
 *
 * Two copies of one request at the same moment: the second's insert waits on the first's primary
 * key and fails once the first commits (then it is replayed), or goes ahead if the first rolled back.
 */
export const REQUEST_KEY = 'request_outcome_pkey';

/** Where a repeat of this request finds its answer. */
export interface StoredOutcome {
  channel: string;
  actorId: string | null;
  entityId: string | null;
  outcome: unknown;
  fingerprint: string | null;
}

/**
 * What makes two sends the same request: the channel, who sent it (the account; for someone not
 * signed in, the window) and the input as checked. Keys keep the schema's order, so a copy of the
 * same call always gives the same digest.
 */
export function requestFingerprint(channel: string, caller: Pick<Caller, 'user' | 'clientId'>, input: unknown): string {
  const who = caller.user ? `user:${caller.user.id}` : `window:${caller.clientId}`;
  return createHash('sha256').update(JSON.stringify([channel, who, input ?? null])).digest('base64url');
}

type Db = Kysely<Database> | Transaction<Database>;

/** Stores the outcome with the change. Call last in the transaction that made it. */
export async function recordOutcome(trx: Transaction<Database>, caller: Caller, outcome: unknown, entityId: string | null = null): Promise<void> {
  const req = caller.request;
  if (!req) return;
  await trx
    .insertInto('request_outcome')
    .values({ request_id: req.id, channel: req.channel, actor_id: caller.user?.id ?? null, entity_id: entityId, outcome: outcome === undefined ? null : JSON.stringify(outcome), fingerprint: req.fingerprint ?? null })
    .execute();
}

/**
 * For a write made by one statement: a CTE step that stores the request with the entity the
 * statement made (`entity` is a query giving one row with an `id`, e.g. the insert's RETURNING).
 * The outcome is read again from that entity on a repeat (see the channel's replayer).
 */
export function claimRequestSql(caller: Caller, entity: RawBuilder<unknown>): RawBuilder<unknown> {
  const req = caller.request;
  if (!req) return sql`select 1`;
  return sql`insert into request_outcome (request_id, channel, actor_id, entity_id, fingerprint) select ${req.id}::uuid, ${req.channel}, ${caller.user?.id ?? null}, e.id, ${req.fingerprint ?? null} from (${entity}) e`;
}

/** What each open `transact` transaction will tell every station once it has committed. */
const announcements = new WeakMap<Transaction<Database>, Map<string, { name: AppEventName; payload: unknown }>>();

/**
 * A transaction that changes state, with its outcome stored for retries when the call carries an id.
 * The events its work announced (`announceAfterCommit`) go out once it has committed, and not at
 * all if it rolls back.
 */
export async function transact<T>(ctx: CoreContext, caller: Caller, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  // Keyed by the event as sent: a bulk action over thousands of requests tells each workshop once.
  const told = new Map<string, { name: AppEventName; payload: unknown }>();
  const out = await ctx.db.transaction().execute(async (trx) => {
    announcements.set(trx, told);
    const result = await work(trx);
    await recordOutcome(trx, caller, result);
    return result;
  });
  for (const e of told.values()) ctx.announce(e.name, e.payload as never);
  return out;
}

/**
 * Tells every station of a change made in a `transact` transaction, after it commits (never from
 * inside it: a NOTIFY there makes each commit wait on PostgreSQL's one notification lock). A change
 * made in autocommit announces with `ctx.announce` straight after its statement.
 */
export function announceAfterCommit<E extends AppEventName>(trx: Transaction<Database>, name: E, payload: EventPayload<E>): void {
  const told = announcements.get(trx);
  if (!told) throw new Error(`announceAfterCommit(${name}): not a transaction made by transact`);
  told.set(JSON.stringify([name, payload]), { name, payload });
}

export async function findOutcome(db: Db, requestId: string): Promise<StoredOutcome | null> {
  const row = await db.selectFrom('request_outcome').select(['channel', 'actor_id', 'entity_id', 'outcome', 'fingerprint']).where('request_id', '=', requestId).executeTakeFirst();
  return row ? { channel: row.channel, actorId: row.actor_id, entityId: row.entity_id, outcome: row.outcome, fingerprint: row.fingerprint } : null;
}

/** A stored request may only be repeated by whoever made it, for the same action with the same details. */
export function assertSameRequest(stored: StoredOutcome, caller: Caller): void {
  const otherDetails = stored.fingerprint !== null && caller.request?.fingerprint !== undefined && stored.fingerprint !== caller.request.fingerprint;
  if (stored.channel !== caller.request?.channel || stored.actorId !== (caller.user?.id ?? null) || otherDetails) {
    throw new AppError('CONFLICT', 'This request was already used for another action. Start the action again.');
  }
}

/** Old answers nobody will retry any more. */
export async function pruneOutcomes(db: Db, now: Date, keepDays = 7): Promise<void> {
  await db.deleteFrom('request_outcome').where('at', '<', new Date(now.getTime() - keepDays * 86_400_000)).execute();
}
