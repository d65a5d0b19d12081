import { randomUUID } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import { AppError, fieldError } from '../../shared/errors';
import { isCurrency } from '../../shared/money';
import type { Category, FilterOptions, Tag } from '../../shared/workshops';
import { writeAudit } from '../audit/audit.service';
import { actorOf, type Caller } from '../core/caller';
import type { CoreContext } from '../core/context';
import type { Database } from '../db/schema';
import { refreshTagsText } from './workshop-tags';
import { catalogueChange } from './catalogue-change';
import { isUniqueViolation } from '../db/errors';
import { transact } from '../core/requests';


export async function listCategories(ctx: CoreContext): Promise<Category[]> {
  const rows = await ctx.db
    .selectFrom('category as c')
    .select(['c.id', 'c.name', sql<number>`(select count(*) from workshop w where w.category_id = c.id)::int`.as('n')])
    .orderBy(sql`lower(c.name)`)
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, workshopCount: r.n }));
}

export async function createCategory(ctx: CoreContext, caller: Caller, name: string): Promise<Category> {
  return transact(ctx, caller, async (trx) => {
    const id = randomUUID();
    try {
      await trx.insertInto('category').values({ id, name }).execute();
    } catch (e) {
      if (isUniqueViolation(e)) throw fieldError('name', 'A category with this name already exists.');
      throw e;
    }
    await writeAudit(trx, actorOf(caller), { action: 'category.create', entityType: 'category', entityId: id, after: { name } });
    return { id, name, workshopCount: 0 };
  });
}

export async function renameCategory(ctx: CoreContext, caller: Caller, id: string, name: string): Promise<Category> {
  return transact(ctx, caller, async (trx) => {
    const before = await trx.selectFrom('category').select('name').where('id', '=', id).forUpdate().executeTakeFirst();
    if (!before) throw new AppError('NOT_FOUND', 'That category no longer exists.');
    try {
      await trx.updateTable('category').set({ name }).where('id', '=', id).execute();
    } catch (e) {
      if (isUniqueViolation(e)) throw fieldError('name', 'A category with this name already exists.');
      throw e;
    }
    await writeAudit(trx, actorOf(caller), { action: 'category.rename', entityType: 'category', entityId: id, before, after: { name } });
    return (await listCategories({ ...ctx, db: trx } as CoreContext)).find((c) => c.id === id)!;
  });
}

/** A category in use is deleted only by moving its workshops to another one: no workshop is left without. */
export async function deleteCategory(ctx: CoreContext, caller: Caller, id: string, moveToId?: string): Promise<null> {
  await catalogueChange(ctx, caller, async (trx) => {
    const cat = await trx.selectFrom('category').select(['id', 'name']).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!cat) throw new AppError('NOT_FOUND', 'That category no longer exists.');
    const used = await trx.selectFrom('workshop').select((eb) => eb.fn.countAll<string>().as('n')).where('category_id', '=', id).executeTakeFirstOrThrow();
    const n = Number(used.n);
    if (n > 0) {
      if (!moveToId) throw new AppError('CONFLICT', `${n} workshop${n === 1 ? ' uses' : 's use'} "${cat.name}". Choose a category to move ${n === 1 ? 'it' : 'them'} to.`, { fieldErrors: { moveToId: ['Choose where to move its workshops.'] } });
      if (moveToId === id) throw fieldError('moveToId', 'Choose a different category.');
      const target = await trx.selectFrom('category').select('id').where('id', '=', moveToId).executeTakeFirst();
      if (!target) throw fieldError('moveToId', 'That category no longer exists.');
      await trx.updateTable('workshop').set({ category_id: moveToId, version: sql`version + 1` }).where('category_id', '=', id).execute();
    }
    await trx.deleteFrom('category').where('id', '=', id).execute();
    await writeAudit(trx, actorOf(caller), { action: 'category.delete', entityType: 'category', entityId: id, before: cat, after: { movedWorkshops: n, moveToId: moveToId ?? null } });
  });
  return null;
}

export async function listTags(ctx: CoreContext): Promise<Tag[]> {
  const rows = await ctx.db
    .selectFrom('tag as t')
    .select(['t.id', 't.name', sql<number>`(select count(*) from workshop_tag wt where wt.tag_id = t.id)::int`.as('n')])
    .orderBy(sql`lower(t.name)`)
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, workshopCount: r.n }));
}

const workshopsWithTags = async (trx: Transaction<Database>, tagIds: string[]) =>
  (await trx.selectFrom('workshop_tag').select('workshop_id').distinct().where('tag_id', 'in', tagIds).execute()).map((r) => r.workshop_id);

export async function renameTag(ctx: CoreContext, caller: Caller, id: string, name: string): Promise<null> {
  await catalogueChange(ctx, caller, async (trx) => {
    const before = await trx.selectFrom('tag').select('name').where('id', '=', id).forUpdate().executeTakeFirst();
    if (!before) throw new AppError('NOT_FOUND', 'That tag no longer exists.');
    try {
      await trx.updateTable('tag').set({ name }).where('id', '=', id).execute();
    } catch (e) {
      if (isUniqueViolation(e)) throw fieldError('name', 'A tag with this name exists: merge the two instead.');
      throw e;
    }
    await refreshTagsText(trx, await workshopsWithTags(trx, [id]));
    await writeAudit(trx, actorOf(caller), { action: 'tag.rename', entityType: 'tag', entityId: id, before, after: { name } });
  });
  return null;
}

/** Every workshop tagged with a source tag gets the target tag instead; the sources disappear. */
export async function mergeTags(ctx: CoreContext, caller: Caller, sourceIds: string[], targetId: string): Promise<null> {
  const sources = sourceIds.filter((s) => s !== targetId);
  if (sources.length === 0) throw fieldError('sourceIds', 'Choose at least one tag other than the one to keep.');
  await catalogueChange(ctx, caller, async (trx) => {
    const found = await trx.selectFrom('tag').select(['id', 'name']).where('id', 'in', [...sources, targetId]).forUpdate().execute();
    if (found.length !== sources.length + 1) throw new AppError('NOT_FOUND', 'One of these tags no longer exists. Reload and try again.');
    const affected = await workshopsWithTags(trx, sources);
    await sql`insert into workshop_tag (workshop_id, tag_id)
      select distinct workshop_id, ${targetId} from workshop_tag where tag_id in (${sql.join(sources)})
      on conflict do nothing`.execute(trx);
    await trx.deleteFrom('tag').where('id', 'in', sources).execute();
    await refreshTagsText(trx, affected);
    await writeAudit(trx, actorOf(caller), { action: 'tag.merge', entityType: 'tag', entityId: targetId, before: found, after: { kept: targetId, workshops: affected.length } });
  });
  return null;
}

export async function deleteTag(ctx: CoreContext, caller: Caller, id: string): Promise<null> {
  await catalogueChange(ctx, caller, async (trx) => {
    const tag = await trx.selectFrom('tag').select(['id', 'name']).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!tag) throw new AppError('NOT_FOUND', 'That tag no longer exists.');
    const affected = await workshopsWithTags(trx, [id]);
    await trx.deleteFrom('tag').where('id', '=', id).execute();
    await refreshTagsText(trx, affected);
    await writeAudit(trx, actorOf(caller), { action: 'tag.delete', entityType: 'tag', entityId: id, before: tag, after: { removedFrom: affected.length } });
  });
  return null;
}

/** What the discovery filters can offer: categories, cities and tags of published workshops. */
export async function filterOptions(ctx: CoreContext): Promise<FilterOptions> {
  const [categories, cities, tags, currencies] = await Promise.all([
    ctx.db.selectFrom('category').select(['id', 'name']).orderBy(sql`lower(name)`).execute(),
    ctx.db.selectFrom('workshop').select('city').distinct().where('status', '=', 'published').orderBy('city').execute(),
    ctx.db
      .selectFrom('tag as t')
      .select('t.name')
      .where(sql<boolean>`exists (select 1 from workshop_tag wt join workshop w on w.id = wt.workshop_id where wt.tag_id = t.id and w.status = 'published')`)
      .orderBy(sql`lower(t.name)`)
      .execute(),
    ctx.db
      .selectFrom('workshop')
      .select('currency')
      .where('status', '=', 'published')
      .where('price_minor', '>', 0)
      .groupBy('currency')
      .orderBy(sql`count(*)`, 'desc')
      .orderBy('currency')
      .execute(),
  ]);
  return { categories, cities: cities.map((c) => c.city), tags: tags.map((t) => t.name), currencies: currencies.map((c) => c.currency).filter(isCurrency) };
}
