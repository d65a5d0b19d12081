import { randomUUID } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { z } from 'zod';
import { AppError, fieldError } from '../../shared/errors';
import { zonedLocalToUtc } from '../../shared/time';
import type { cancelWorkshopInput, createWorkshopInput, organiserListInput, OrganiserWorkshopRow, updateWorkshopInput, WorkshopDetail, WorkshopStatus } from '../../shared/workshops';
import { writeAudit } from '../audit/audit.service';
import { actorOf, type Caller } from '../core/caller';
import type { CoreContext } from '../core/context';
import type { Database } from '../db/schema';
import { baseWorkshopQuery, cardColumns, loadDetail, toOrganiserRow, type CardRow } from './workshop-rows';
import { setWorkshopTags } from './workshop-tags';
import { catalogueChange } from './catalogue-change';

type Fields = z.output<typeof createWorkshopInput>;

const isOrganiserCaller = (caller: Caller) => caller.role === 'admin' || caller.role === 'staff';

/** A workshop as its caller may see it: drafts exist only for organisers. */
export async function getWorkshop(ctx: CoreContext, caller: Caller, id: string): Promise<WorkshopDetail> {
  const w = await loadDetail(ctx.db, id);
  if (!w || (w.status === 'draft' && !isOrganiserCaller(caller))) throw new AppError('NOT_FOUND', 'This workshop does not exist or is not published.');
  return w;
}

async function assertCategory(trx: Transaction<Database>, categoryId: string): Promise<void> {
  const c = await trx.selectFrom('category').select('id').where('id', '=', categoryId).executeTakeFirst();
  if (!c) throw fieldError('categoryId', 'That category no longer exists. Choose another.');
}

const columnsFrom = (f: Fields) => ({
  title: f.title,
  summary: f.summary,
  description: f.description,
  category_id: f.categoryId,
  city: f.city,
  venue: f.venue,
  address: f.address,
  instructor: f.instructor,
  starts_at: zonedLocalToUtc(f.startsLocal, f.timeZone),
  ends_at: zonedLocalToUtc(f.endsLocal, f.timeZone),
  time_zone: f.timeZone,
  capacity: f.capacity,
  price_minor: f.priceMinor,
  currency: f.currency,
  registration_mode: f.registrationMode,
  waitlist_enabled: f.waitlistEnabled,
});

async function mustLoad(trx: Transaction<Database>, id: string): Promise<WorkshopDetail> {
  const w = await loadDetail(trx, id);
  if (!w) throw new AppError('NOT_FOUND', 'This workshop no longer exists.');
  return w;
}

/** Row lock first: capacity and status checks must see what concurrent bookings see. */
async function lockWorkshop(trx: Transaction<Database>, id: string): Promise<WorkshopDetail> {
  const locked = await sql`select id from workshop where id = ${id} for update`.execute(trx);
  if (locked.rows.length === 0) throw new AppError('NOT_FOUND', 'This workshop no longer exists.');
  return mustLoad(trx, id);
}

export async function createWorkshop(ctx: CoreContext, caller: Caller, input: Fields): Promise<WorkshopDetail> {
  return catalogueChange(ctx, caller, async (trx) => {
    await assertCategory(trx, input.categoryId);
    const id = randomUUID();
    const now = ctx.now();
    await trx.insertInto('workshop').values({ id, ...columnsFrom(input), status: 'draft', cancel_reason: null, published_at: null, created_at: now, updated_at: now }).execute();
    await setWorkshopTags(trx, id, input.tags);
    const created = await mustLoad(trx, id);
    await writeAudit(trx, actorOf(caller), { action: 'workshop.create', entityType: 'workshop', entityId: id, after: created });
    return created;
  });
}

/** Hook for the registrations domain: seats may have become free (capacity raised, switched to instant confirmation). */
export type OnSeatsMayBeFree = (trx: Transaction<Database>, caller: Caller, workshopId: string, now: Date) => Promise<unknown>;

export async function updateWorkshop(ctx: CoreContext, caller: Caller, input: z.output<typeof updateWorkshopInput>, onSeatsMayBeFree: OnSeatsMayBeFree): Promise<WorkshopDetail> {
  return catalogueChange(ctx, caller, async (trx) => {
    const before = await lockWorkshop(trx, input.id);
    if (before.version !== input.expectedVersion) {
      throw new AppError('CONFLICT', 'Someone else changed this workshop while you were editing. Reload it to see their changes, then edit again.');
    }
    if (before.status === 'cancelled' || before.status === 'archived') throw new AppError('CONFLICT', `A ${before.status} workshop cannot be edited.`);
    if (input.capacity < before.seatsTaken) {
      throw fieldError('capacity', `${before.seatsTaken} seats are already confirmed: capacity cannot be lower than that.`);
    }
    await assertCategory(trx, input.categoryId);
    await trx
      .updateTable('workshop')
      .set({ ...columnsFrom(input), version: sql`version + 1`, updated_at: ctx.now() })
      .where('id', '=', input.id)
      .execute();
    await setWorkshopTags(trx, input.id, input.tags);
    await onSeatsMayBeFree(trx, caller, input.id, ctx.now());
    const after = await mustLoad(trx, input.id);
    await writeAudit(trx, actorOf(caller), { action: 'workshop.update', entityType: 'workshop', entityId: input.id, before, after });
    return after;
  });
}

/** A new draft with the same content; dates left for the organiser to fill in (a week later as a start). */
export async function duplicateWorkshop(ctx: CoreContext, caller: Caller, id: string): Promise<WorkshopDetail> {
  return catalogueChange(ctx, caller, async (trx) => {
    const src = await mustLoad(trx, id);
    const newId = randomUUID();
    const now = ctx.now();
    const week = 7 * 24 * 3600_000;
    await trx
      .insertInto('workshop')
      .values({
        id: newId,
        title: src.title.length <= 111 ? `${src.title} (copy)` : src.title,
        summary: src.summary,
        description: src.description,
        category_id: src.categoryId,
        city: src.city,
        venue: src.venue,
        address: src.address,
        instructor: src.instructor,
        starts_at: new Date(new Date(src.startsAt).getTime() + week),
        ends_at: new Date(new Date(src.endsAt).getTime() + week),
        time_zone: src.timeZone,
        capacity: src.capacity,
        price_minor: src.priceMinor,
        currency: src.currency,
        registration_mode: src.registrationMode,
        waitlist_enabled: src.waitlistEnabled,
        status: 'draft',
        cancel_reason: null,
        published_at: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await setWorkshopTags(trx, newId, src.tags);
    const copy = await mustLoad(trx, newId);
    await writeAudit(trx, actorOf(caller), { action: 'workshop.duplicate', entityType: 'workshop', entityId: newId, before: { sourceId: id }, after: copy });
    return copy;
  });
}

const ALLOWED: Record<string, WorkshopStatus[]> = {
  publish: ['draft'],
  unpublish: ['published'],
  cancel: ['draft', 'published'],
  archive: ['published', 'cancelled', 'draft'],
};

const refusal = (verb: string, status: WorkshopStatus) => new AppError('CONFLICT', `A ${status} workshop cannot be ${verb === 'publish' ? 'published' : verb === 'unpublish' ? 'unpublished' : verb === 'cancel' ? 'cancelled' : 'archived'}.`);

async function transition(
  ctx: CoreContext,
  caller: Caller,
  id: string,
  verb: keyof typeof ALLOWED,
  to: WorkshopStatus,
  extra: (trx: Transaction<Database>, before: WorkshopDetail) => Promise<Record<string, unknown>> = async () => ({}),
): Promise<WorkshopDetail> {
  return catalogueChange(ctx, caller, async (trx) => {
    const before = await lockWorkshop(trx, id);
    if (!ALLOWED[verb]!.includes(before.status)) throw refusal(verb, before.status);
    if (verb === 'unpublish' && before.hasRegistrations) {
      throw new AppError('CONFLICT', 'People have registered for this workshop: cancel it (with a reason) instead of unpublishing.');
    }
    const set = await extra(trx, before);
    await trx
      .updateTable('workshop')
      .set({ status: to, version: sql`version + 1`, updated_at: ctx.now(), ...(verb === 'publish' ? { published_at: ctx.now() } : {}), ...set })
      .where('id', '=', id)
      .execute();
    const after = await mustLoad(trx, id);
    await writeAudit(trx, actorOf(caller), { action: `workshop.${verb}`, entityType: 'workshop', entityId: id, before: { status: before.status }, after: { status: to, ...set } });
    return after;
  });
}

// A workshop that has ended can never be attended: publishing it would only clutter "past"
// listings with something nobody took part in. One that has started but not ended may be published
// (late, e.g. to record walk-ins); the editor warns about it.
export const publishWorkshop = (ctx: CoreContext, caller: Caller, id: string) =>
  transition(ctx, caller, id, 'publish', 'published', async (_trx, before) => {
    if (new Date(before.endsAt) <= ctx.now()) throw new AppError('CONFLICT', 'This workshop has already ended, so it cannot be published. Change its dates first.');
    return {};
  });
export const unpublishWorkshop = (ctx: CoreContext, caller: Caller, id: string) => transition(ctx, caller, id, 'unpublish', 'draft');
export const archiveWorkshop = (ctx: CoreContext, caller: Caller, id: string) => transition(ctx, caller, id, 'archive', 'archived');

/** Hook for the registrations domain: what to do with registrations when their workshop is cancelled. */
export type OnWorkshopCancelled = (trx: Transaction<Database>, caller: Caller, workshopId: string, reason: string) => Promise<void>;

export const cancelWorkshop = (ctx: CoreContext, caller: Caller, input: z.output<typeof cancelWorkshopInput>, onCancelled: OnWorkshopCancelled) =>
  transition(ctx, caller, input.id, 'cancel', 'cancelled', async (trx) => {
    await onCancelled(trx, caller, input.id, input.reason);
    return { cancel_reason: input.reason };
  });

export async function deleteWorkshop(ctx: CoreContext, caller: Caller, id: string): Promise<null> {
  await catalogueChange(ctx, caller, async (trx) => {
    const before = await lockWorkshop(trx, id);
    if (before.hasRegistrations) throw new AppError('CONFLICT', 'People have registered for this workshop, so it cannot be deleted. Cancel or archive it instead.');
    await trx.deleteFrom('workshop').where('id', '=', id).execute();
    await writeAudit(trx, actorOf(caller), { action: 'workshop.delete', entityType: 'workshop', entityId: id, before });
  });
  return null;
}

const ORGANISER_SORT = {
  starts_at: sql`w.starts_at`,
  title: sql`lower(w.title)`,
  status: sql`w.status`,
  seats: sql`w.seats_taken`,
  created_at: sql`w.created_at`,
} as const;

export async function listForOrganisers(ctx: CoreContext, input: z.output<typeof organiserListInput>): Promise<{ items: OrganiserWorkshopRow[]; total: number }> {
  let q = baseWorkshopQuery(ctx.db);
  if (input.statuses?.length) q = q.where('w.status', 'in', input.statuses);
  if (input.categoryId) q = q.where('w.category_id', '=', input.categoryId);
  if (input.q) {
    const like = `%${input.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb(sql`lower(w.title)`, 'like', like), eb(sql`lower(w.city)`, 'like', like), eb(sql`lower(w.instructor)`, 'like', like)]));
  }
  const dir = input.direction === 'desc' ? sql`desc` : sql`asc`;
  const [rows, total] = await Promise.all([
    q
      .select(cardColumns)
      .select(['w.created_at', sql<number>`(select count(*) from registration r where r.workshop_id = w.id and r.status = 'pending')::int`.as('pending_count')])
      .orderBy(sql`${ORGANISER_SORT[input.sort]} ${dir}`)
      .orderBy('w.id')
      .limit(input.limit)
      .offset(input.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map((r) => toOrganiserRow(r as unknown as CardRow & { pending_count: number; created_at: Date })), total: Number(total.n) };
}
