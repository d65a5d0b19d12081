import { sql, type Kysely } from 'kysely';

// Append-only by construction: a trigger refuses UPDATE and DELETE, whoever asks.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table audit_log (
    id bigint generated always as identity primary key,
    at timestamptz not null default now(),
    actor_id text,
    actor_email text,
    station text not null,
    action text not null,
    entity_type text not null,
    entity_id text,
    before jsonb,
    after jsonb
  )`.execute(db);
  await sql`create index audit_log_entity_idx on audit_log (entity_type, entity_id, id desc)`.execute(db);
  await sql`create function audit_log_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only';
    end
  $$`.execute(db);
  await sql`create trigger audit_log_no_change before update or delete on audit_log
    for each row execute function audit_log_append_only()`.execute(db);
}
