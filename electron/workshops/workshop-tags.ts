import { randomUUID } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/schema';

/** Finds or creates tags by name (case-insensitive), so "Pottery" and "pottery" are one tag. */
export async function upsertTags(trx: Transaction<Database>, names: string[]): Promise<{ id: string; name: string }[]> {
  const byKey = new Map<string, string>();
  for (const n of names) if (n.trim() && !byKey.has(n.trim().toLowerCase())) byKey.set(n.trim().toLowerCase(), n.trim());
  const unique = [...byKey.values()];
  if (unique.length === 0) return [];
  for (const name of unique) {
    await sql`insert into tag (id, name) values (${randomUUID()}, ${name}) on conflict ((lower(name))) do nothing`.execute(trx);
  }
  return trx.selectFrom('tag').select(['id', 'name']).where(sql<boolean>`lower(name) in (${sql.join(unique.map((n) => n.toLowerCase()))})`).execute();
}

/** Replaces a workshop's tags and refreshes the text that search indexes. */
export async function setWorkshopTags(trx: Transaction<Database>, workshopId: string, names: string[]): Promise<string[]> {
  const tags = await upsertTags(trx, names);
  await trx.deleteFrom('workshop_tag').where('workshop_id', '=', workshopId).execute();
  if (tags.length) await trx.insertInto('workshop_tag').values(tags.map((t) => ({ workshop_id: workshopId, tag_id: t.id }))).execute();
  await refreshTagsText(trx, [workshopId]);
  return tags.map((t) => t.name).sort((a, b) => a.localeCompare(b));
}

/** After a tag rename or merge: the denormalised search text of the affected workshops. */
export async function refreshTagsText(trx: Transaction<Database>, workshopIds: string[]): Promise<void> {
  if (workshopIds.length === 0) return;
  await sql`update workshop w set tags_text = coalesce((
      select string_agg(t.name, ' ' order by lower(t.name)) from workshop_tag wt join tag t on t.id = wt.tag_id where wt.workshop_id = w.id
    ), '')
    where w.id in (${sql.join(workshopIds)})`.execute(trx);
}
