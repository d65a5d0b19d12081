import { sql, type Kysely, type Transaction } from 'kysely';
import { zonedLocalToUtc } from '../../shared/time';
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
      surface: actor.surface,
      action: rec.action,
      entity_type: rec.entityType,
      entity_id: rec.entityId,
      before: rec.before === undefined ? null : JSON.stringify(rec.before),
      after: rec.after === undefined ? null : JSON.stringify(rec.after),
    })
    .execute();
}

const idsOf = (rows: { entity_type: string; entity_id: string | null }[], type: string) => [...new Set(rows.filter((r) => r.entity_type === type && r.entity_id).map((r) => r.entity_id!))];

/**
 * The names people know things by, for a page of entries: one query per kind of thing. Something
 * deleted since keeps the name its entry recorded (a title or name in before/after), if any.
 */
async function entityNames(db: Kysely<Database>, rows: { entity_type: string; entity_id: string | null }[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const put = (type: string, id: string, name: string) => names.set(`${type}:${id}`, name);
  const [workshops, registrations, users, categories, tags] = [idsOf(rows, 'workshop'), idsOf(rows, 'registration'), idsOf(rows, 'user'), idsOf(rows, 'category'), idsOf(rows, 'tag')];
  await Promise.all([
    workshops.length && db.selectFrom('workshop').select(['id', 'title']).where('id', 'in', workshops).execute().then((r) => r.forEach((w) => put('workshop', w.id, w.title))),
    registrations.length &&
      db
        .selectFrom('registration as r')
        .innerJoin('workshop as w', 'w.id', 'r.workshop_id')
        .select(['r.id', 'r.person_name', 'w.title'])
        .where('r.id', 'in', registrations)
        .execute()
        .then((r) => r.forEach((x) => put('registration', x.id, `${x.person_name} — ${x.title}`))),
    users.length && db.selectFrom('user').select(['id', 'name', 'email']).where('id', 'in', users).execute().then((r) => r.forEach((u) => put('user', u.id, `${u.name} (${u.email})`))),
    categories.length && db.selectFrom('category').select(['id', 'name']).where('id', 'in', categories).execute().then((r) => r.forEach((c) => put('category', c.id, c.name))),
    tags.length && db.selectFrom('tag').select(['id', 'name']).where('id', 'in', tags).execute().then((r) => r.forEach((t) => put('tag', t.id, t.name))),
  ]);
  return names;
}

/** A name an entry recorded itself: what was deleted, or an account known by its email. */
function recordedName(r: { entity_type: string; entity_id: string | null; before: unknown; after: unknown }): string | null {
  for (const v of [r.before, r.after] as ({ title?: unknown; name?: unknown } | null)[]) {
    if (v && typeof v.title === 'string') return v.title;
    if (v && typeof v.name === 'string') return v.name;
  }
  if (r.entity_type === 'account') return r.entity_id;
  return null;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

export async function listAudit(db: Kysely<Database>, input: z.output<typeof listAuditInput>): Promise<AuditEntry[]> {
  let q = db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(input.limit);
  if (input.entityType) q = q.where('entity_type', '=', input.entityType);
  if (input.entityId) q = q.where('entity_id', '=', input.entityId);
  if (input.beforeId) q = q.where('id', '<', input.beforeId);
  if (input.actor) q = q.where(sql<string>`lower(coalesce(actor_email, ''))`, 'like', `%${escapeLike(input.actor.toLowerCase())}%`);
  if (input.station) q = q.where('station', '=', input.station);
  if (input.action) q = q.where('action', '=', input.action);
  const zone = input.timeZone ?? 'UTC';
  if (input.from) q = q.where('at', '>=', new Date(zonedLocalToUtc(`${input.from}T00:00`, zone)));
  if (input.to) q = q.where('at', '<', new Date(zonedLocalToUtc(`${nextDay(input.to)}T00:00`, zone)));
  const rows = await q.execute();
  const names = await entityNames(db, rows);
  return rows.map((r) => ({
    id: String(r.id),
    at: new Date(r.at).toISOString(),
    actorId: r.actor_id,
    actorEmail: r.actor_email,
    station: r.station,
    surface: r.surface,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    entityName: (r.entity_id && names.get(`${r.entity_type}:${r.entity_id}`)) || recordedName(r),
    before: r.before,
    after: r.after,
  }));
}
