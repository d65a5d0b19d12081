import { sql, type Kysely } from 'kysely';

/**
 * Which window an audited action came from, beside the station: the self-service kiosk and the
 * front desk of one station are told apart. Rows written before this are desk or admin actions
 * ('workstation'): the kiosk could not write any until now.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table audit_log add column surface text not null default 'workstation' check (surface in ('workstation', 'kiosk'))`.execute(db);
}
