import { sql, type Kysely } from 'kysely';

// Retry-safe writes: each 'write' call's client-made request id, stored in the same transaction as
// the change it made, with its outcome (or the entity the outcome can be read from again).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table request_outcome (
    request_id uuid primary key,
    channel text not null,
    actor_id text,
    entity_id text,
    outcome jsonb,
    at timestamptz not null default now()
  )`.execute(db);
  await sql`create index request_outcome_at_idx on request_outcome (at)`.execute(db);
}
