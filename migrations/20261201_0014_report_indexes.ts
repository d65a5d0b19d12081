import { sql, type Kysely } from 'kysely';

/**
 * Reports narrow workshops by start time (any status but draft) and registrations by when they were
 * requested; neither had an index that leads with the time.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index workshop_starts_idx on workshop (starts_at)`.execute(db);
  await sql`create index registration_requested_idx on registration (requested_at)`.execute(db);
}
