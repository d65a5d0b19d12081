import type { Kysely, Transaction } from 'kysely';
import type { AuditEntry } from '../../shared/audit';
import type { z } from 'zod';
import type { listAuditInput } from '../../shared/audit';
import type { Actor } from '../core/caller';
import type { Database } from '../db/schema';

export interface AuditRecord {
  action: string;
  entityType: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
}

/** Must be called with the transaction that makes the change, so both commit or neither does. */
export async function writeAudit(trx: Transaction<Database> | Kysely<Database>, actor: Actor, rec: AuditRecord): Promise<void> {
  await trx
    .insertInto('audit_log')
    .values({
      actor_id: actor.actorId,
      actor_email: actor.actorEmail,
      station: actor.station,
      action: rec.action,
      entity_type: rec.entityType,
      entity_id: rec.entityId,
      before: rec.before === undefined ? null : JSON.stringify(rec.before),
      after: rec.after === undefined ? null : JSON.stringify(rec.after),
    })
    .execute();
}

export async function listAudit(db: Kysely<Database>, input: z.output<typeof listAuditInput>): Promise<AuditEntry[]> {
  let q = db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(input.limit);
  if (input.entityType) q = q.where('entity_type', '=', input.entityType);
  if (input.entityId) q = q.where('entity_id', '=', input.entityId);
  if (input.beforeId) q = q.where('id', '<', input.beforeId);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: String(r.id),
    at: new Date(r.at).toISOString(),
    actorId: r.actor_id,
    actorEmail: r.actor_email,
    station: r.station,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    before: r.before,
    after: r.after,
  }));
}
