import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { z } from 'zod';
import type { BulkOutcome, BulkResult, QueueFilter, QueuePage, queueInput, selectionInput } from '../../shared/registrations';
import type { Actor, Caller } from '../core/caller';
import { actorOf } from '../core/caller';
import type { CoreContext } from '../core/context';
import type { Database } from '../db/schema';
import { isUniqueViolation } from '../db/errors';
import { newTicketCode } from './registration-rows';
import { announceAfterCommit, transact } from '../core/requests';
import { writeAudit } from '../audit/audit.service';

type Db = Kysely<Database> | Transaction<Database>;

/** Pending requests matching a filter (workshop, category, workshop date range). */
function pendingQuery(db: Db, f: QueueFilter) {
  let q = db
    .selectFrom('registration as r')
    .innerJoin('workshop as w', 'w.id', 'r.workshop_id')
    .innerJoin('category as c', 'c.id', 'w.category_id')
    .where('r.status', '=', 'pending');
  if (f.workshopId) q = q.where('r.workshop_id', '=', f.workshopId);
  if (f.categoryId) q = q.where('w.category_id', '=', f.categoryId);
  if (f.from) q = q.where(sql<boolean>`(w.starts_at at time zone w.time_zone)::date >= ${f.from}::date`);
  if (f.to) q = q.where(sql<boolean>`(w.starts_at at time zone w.time_zone)::date <= ${f.to}::date`);
  return q;
}

/** The approval queue: pending requests, oldest first, and per workshop "N requests for M seats". */
export async function approvalQueue(ctx: CoreContext, input: z.output<typeof queueInput>): Promise<QueuePage> {
  const base = pendingQuery(ctx.db, input);
  const [rows, total, workshops] = await Promise.all([
    base
      .select(['r.id', 'r.workshop_id', 'w.title', 'w.starts_at', 'w.time_zone', 'c.name as category_name', 'r.person_name', 'r.person_email', 'r.requested_at'])
      .orderBy('r.requested_at', input.direction)
      .orderBy('r.id')
      .limit(input.limit)
      .offset(input.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    // Workshops with requests in this view, and approval-mode workshops where a seat has freed up
    // while people wait: the admin sees free seats, waiting list and requests side by side.
    sql<{ id: string; title: string; starts_at: Date; time_zone: string; capacity: number; seats_taken: number; waitlist_enabled: boolean; pending: number; waitlisted: number }>`
      select w.id, w.title, w.starts_at, w.time_zone, w.capacity, w.seats_taken, w.waitlist_enabled,
        (select count(*) from registration x where x.workshop_id = w.id and x.status = 'pending')::int as pending,
        (select count(*) from registration x where x.workshop_id = w.id and x.status = 'waitlisted')::int as waitlisted
      from workshop w
      where w.id in (${base.select('r.workshop_id')})
         or (${input.workshopId ?? null}::text is null and w.status = 'published' and w.registration_mode = 'manual' and w.seats_taken < w.capacity
             and exists (select 1 from registration x where x.workshop_id = w.id and x.status = 'waitlisted'))
      order by w.starts_at, w.id`.execute(ctx.db),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      workshopId: r.workshop_id,
      workshopTitle: r.title,
      workshopStartsAt: new Date(r.starts_at).toISOString(),
      workshopTimeZone: r.time_zone,
      categoryName: r.category_name,
      personName: r.person_name,
      personEmail: r.person_email,
      requestedAt: new Date(r.requested_at).toISOString(),
    })),
    total: Number(total.n),
    workshops: workshops.rows.map((w) => ({
      workshopId: w.id,
      title: w.title,
      startsAt: new Date(w.starts_at).toISOString(),
      timeZone: w.time_zone,
      capacity: w.capacity,
      seatsLeft: w.capacity - w.seats_taken,
      pending: Number(w.pending),
      waitlisted: Number(w.waitlisted),
      waitlistEnabled: w.waitlist_enabled,
    })),
  };
}

type Selection = z.output<typeof selectionInput>;

async function selectedIds(trx: Transaction<Database>, selection: Selection): Promise<string[]> {
  if ('ids' in selection) return [...new Set(selection.ids)];
  return (await pendingQuery(trx, selection.filter).select('r.id').execute()).map((r) => r.id);
}

const emptyCounts = (): Record<BulkOutcome, number> => ({ approved: 0, waitlisted: 0, full: 0, rejected: 0, not_pending: 0 });

/**
 * One audit row per changed registration ("pending" before, its new status after), from `changed`:
 * a query or CTE giving `id` and `status` — so a bulk action can write them in its own statement.
 */
function auditRowsSql(actor: Actor, action: string, changed: RawBuilder<unknown>, extra: Record<string, unknown> = {}): RawBuilder<unknown> {
  return sql`insert into audit_log (actor_id, actor_email, station, surface, action, entity_type, entity_id, before, after)
    select ${actor.actorId}, ${actor.actorEmail}, ${actor.station}, ${actor.surface}, ${action}, 'registration', c.id,
      '{"status":"pending"}'::jsonb, jsonb_build_object('status', c.status) || ${JSON.stringify(extra)}::jsonb
    from (${changed}) c`;
}

/** The audit rows of registrations changed by earlier statements of the transaction. */
async function auditMany(trx: Transaction<Database>, actor: Actor, action: string, ids: string[], statuses: string[], extra: Record<string, unknown>): Promise<void> {
  if (!ids.length) return;
  await auditRowsSql(actor, action, sql`select * from unnest(${ids}::text[], ${statuses}::text[]) as d(id, status)`, extra).execute(trx);
}

/**
 * Approves a selection oldest request first, workshop by workshop, within each workshop's free seats;
 * the rest go to the waiting list where there is one, or stay pending ("not approved: full").
 * Two statements whatever the size of the selection: the workshops are locked in id order first (as
 * every bulk action locks them, so two admins approving overlapping selections queue instead of
 * overbooking or deadlocking); then one statement, which sees what committed before those locks,
 * decides each request, writes it, its seats and its audit row. A request changed by someone else
 * meanwhile (a cancellation) is skipped by the update's own re-check and reported as no longer
 * pending; seats are counted from the rows actually written.
 */
export async function bulkApprove(ctx: CoreContext, caller: Caller, selection: Selection, attempt = 1): Promise<BulkResult> {
  const now = ctx.now();
  const actor = actorOf(caller);
  try {
    return await transact(ctx, caller, async (trx) => {
      const ids = await selectedIds(trx, selection);
      if (!ids.length) return { counts: emptyCounts(), items: [] };
      const locked = await sql<{ id: string }>`
        select id from workshop where id in (select distinct workshop_id from registration where id = any(${ids}::text[]))
        order by id for no key update`.execute(trx);
      for (const w of locked.rows) announceAfterCommit(trx, 'registrations:changed', { workshopId: w.id });
      // One fresh code per request that could be approved; the statement hands them out in request order.
      const codes = ids.map(() => newTicketCode());
      const decided = await sql<{ id: string; workshop_id: string; person_name: string; title: string; outcome: 'approved' | 'waitlisted' | 'full'; written: boolean }>`
        with w as (
          select id, title, waitlist_enabled and status = 'published' as has_list,
            case when status = 'published' then capacity - seats_taken else 0 end as free
          from workshop where id = any(${locked.rows.map((r) => r.id)}::text[])),
        p as (
          select r.id, r.workshop_id, r.person_name, r.requested_at,
            row_number() over (partition by r.workshop_id order by r.requested_at, r.id) as n
          from registration r where r.id = any(${ids}::text[]) and r.status = 'pending'),
        d0 as (
          select p.id, p.workshop_id, p.person_name, p.requested_at, w.title,
            case when p.n <= w.free then 'approved' when w.has_list then 'waitlisted' else 'full' end as outcome
          from p join w on w.id = p.workshop_id),
        d as (
          select d0.*, row_number() over (partition by d0.outcome order by d0.requested_at, d0.id) as k from d0),
        -- Waiting-list places follow request order: values drawn, then handed out smallest first.
        place as (
          select s.v, row_number() over (order by s.v) as k
          from (select nextval('registration_waitlist_seq') as v from generate_series(1, (select count(*) from d where outcome = 'waitlisted'))) s),
        x as (
          select d.*, c.code, place.v as seq from d
          left join unnest(${codes}::text[]) with ordinality as c(code, k) on d.outcome = 'approved' and c.k = d.k
          left join place on d.outcome = 'waitlisted' and place.k = d.k),
        u as (
          update registration r set
            status = case when x.outcome = 'approved' then 'confirmed' else 'waitlisted' end,
            confirmed_at = case when x.outcome = 'approved' then ${now}::timestamptz end,
            waitlisted_at = case when x.outcome = 'waitlisted' then ${now}::timestamptz end,
            waitlist_seq = x.seq, ticket_code = x.code, version = r.version + 1, updated_at = ${now}
          from x
          where r.id = x.id and x.outcome <> 'full' and r.status = 'pending'
          returning r.id, r.workshop_id, r.status),
        seats as (
          update workshop w set seats_taken = w.seats_taken + t.n
          from (select workshop_id, count(*)::int as n from u where status = 'confirmed' group by workshop_id) t
          where w.id = t.workshop_id),
        audit as (${auditRowsSql(actor, 'registration.bulk_approve', sql`select id, status from u`)})
        select x.id, x.workshop_id, x.person_name, x.title, x.outcome, (u.id is not null) as written
        from x left join u on u.id = x.id
        order by x.requested_at, x.id`.execute(trx);

      const items: BulkResult['items'] = [];
      const counts = emptyCounts();
      const seen = new Set<string>();
      for (const r of decided.rows) {
        const outcome: BulkOutcome = r.outcome === 'full' || r.written ? r.outcome : 'not_pending';
        if (outcome === 'not_pending') continue;
        seen.add(r.id);
        counts[outcome]++;
        items.push({ id: r.id, workshopId: r.workshop_id, personName: r.person_name, workshopTitle: r.title, outcome });
      }
      for (const id of ids) {
        if (!seen.has(id)) {
          counts.not_pending++;
          items.push({ id, workshopId: '', personName: '', workshopTitle: '', outcome: 'not_pending' });
        }
      }
      return { counts, items };
    });
  } catch (e) {
    if (attempt < 3 && isUniqueViolation(e, 'registration_ticket_code_key')) return bulkApprove(ctx, caller, selection, attempt + 1);
    throw e;
  }
}

export async function bulkReject(ctx: CoreContext, caller: Caller, selection: Selection, reason: string): Promise<BulkResult> {
  const now = ctx.now();
  return transact(ctx, caller, async (trx) => {
    const ids = await selectedIds(trx, selection);
    // Same lock order as approvals (workshops, then registrations), so the two never deadlock.
    if (ids.length) {
      await sql`select id from workshop where id in (select distinct workshop_id from registration where id = any(${ids}::text[])) order by id for no key update`.execute(trx);
      await sql`select id from registration where id = any(${ids}::text[]) and status = 'pending' order by id for update`.execute(trx);
    }
    const rejected = ids.length
      ? await sql<{ id: string; workshop_id: string; person_name: string; title: string }>`
          update registration r set status = 'rejected', rejected_at = ${now}, reject_reason = ${reason},
            payment_status = case when r.payment_status = 'unpaid' then 'not_required' else r.payment_status end,
            version = r.version + 1, updated_at = ${now}
          from workshop w
          where r.id = any(${ids}::text[]) and r.status = 'pending' and w.id = r.workshop_id
          returning r.id, r.workshop_id, r.person_name, w.title`.execute(trx)
      : { rows: [] };
    for (const w of new Set(rejected.rows.map((r) => r.workshop_id))) announceAfterCommit(trx, 'registrations:changed', { workshopId: w });
    await auditMany(trx, actorOf(caller), 'registration.bulk_reject', rejected.rows.map((r) => r.id), rejected.rows.map(() => 'rejected'), { reason });
    const done = new Set(rejected.rows.map((r) => r.id));
    const counts = emptyCounts();
    counts.rejected = rejected.rows.length;
    counts.not_pending = ids.filter((id) => !done.has(id)).length;
    return {
      counts,
      items: [
        ...rejected.rows.map((r) => ({ id: r.id, workshopId: r.workshop_id, personName: r.person_name, workshopTitle: r.title, outcome: 'rejected' as const })),
        ...ids.filter((id) => !done.has(id)).map((id) => ({ id, workshopId: '', personName: '', workshopTitle: '', outcome: 'not_pending' as const })),
      ],
    };
  });
}

/**
 * What to do with requests that found no seat ("not approved: full"), instead of leaving them to come
 * back as full on every approval: put them on their workshop's waiting list, oldest request first,
 * behind whoever is there already. A workshop without a waiting list keeps them pending (outcome
 * 'full') unless `openWaitlist`, which opens one there, audited, so later registrations queue too.
 * Same lock order as approvals: workshops, then registrations.
 */
export async function bulkWaitlist(ctx: CoreContext, caller: Caller, selection: Selection, openWaitlist: boolean): Promise<BulkResult> {
  const now = ctx.now();
  return transact(ctx, caller, async (trx) => {
    const ids = await selectedIds(trx, selection);
    if (!ids.length) return { counts: emptyCounts(), items: [] };
    const workshops = await sql<{ id: string; title: string; status: string; waitlist_enabled: boolean }>`
      select id, title, status, waitlist_enabled from workshop
      where id in (select distinct workshop_id from registration where id = any(${ids}::text[]))
      order by id for no key update`.execute(trx);
    const pending = await sql<{ id: string; workshop_id: string; person_name: string }>`
      select id, workshop_id, person_name from registration where id = any(${ids}::text[]) and status = 'pending'
      order by id for update`.execute(trx);
    const ws = new Map(workshops.rows.map((w) => [w.id, w]));
    for (const w of workshops.rows) announceAfterCommit(trx, 'registrations:changed', { workshopId: w.id });
    const toOpen = openWaitlist ? workshops.rows.filter((w) => w.status === 'published' && !w.waitlist_enabled).map((w) => w.id) : [];
    if (toOpen.length) {
      await sql`update workshop set waitlist_enabled = true, version = version + 1, updated_at = ${now} where id = any(${toOpen}::text[])`.execute(trx);
      const actor = actorOf(caller);
      for (const id of toOpen) await writeAudit(trx, actor, { action: 'workshop.open_waitlist', entityType: 'workshop', entityId: id, before: { waitlistEnabled: false }, after: { waitlistEnabled: true } });
    }
    const hasList = (workshopId: string) => {
      const w = ws.get(workshopId)!;
      return w.status === 'published' && (w.waitlist_enabled || toOpen.includes(w.id));
    };
    const moving = pending.rows.filter((p) => hasList(p.workshop_id)).map((p) => p.id);
    // Waiting-list places follow request order: sequence values drawn, sorted, and handed out in that order.
    const inOrder = moving.length ? (await sql<{ id: string }>`select id from registration where id = any(${moving}::text[]) order by requested_at, id`.execute(trx)).rows : [];
    const seqs = inOrder.length
      ? (await sql<{ v: string }>`select s.v::text as v from (select nextval('registration_waitlist_seq') as v from generate_series(1, ${inOrder.length})) s order by s.v`.execute(trx)).rows.map((r) => r.v)
      : [];
    const ordered = inOrder.map((o, i) => ({ id: o.id, seq: seqs[i]! }));
    if (ordered.length) {
      await sql`update registration r set status = 'waitlisted', waitlisted_at = ${now}, waitlist_seq = d.seq, version = r.version + 1, updated_at = ${now}
        from unnest(${ordered.map((o) => o.id)}::text[], ${ordered.map((o) => o.seq)}::bigint[]) as d(id, seq)
        where r.id = d.id`.execute(trx);
      await auditMany(trx, actorOf(caller), 'registration.bulk_waitlist', ordered.map((o) => o.id), ordered.map(() => 'waitlisted'), {});
    }
    const moved = new Set(moving);
    const byId = new Map(pending.rows.map((p) => [p.id, p]));
    const counts = emptyCounts();
    const items: BulkResult['items'] = ids.map((id) => {
      const p = byId.get(id);
      const outcome: BulkOutcome = !p ? 'not_pending' : moved.has(id) ? 'waitlisted' : 'full';
      counts[outcome]++;
      return p ? { id, workshopId: p.workshop_id, personName: p.person_name, workshopTitle: ws.get(p.workshop_id)!.title, outcome } : { id, workshopId: '', personName: '', workshopTitle: '', outcome };
    });
    return { counts, items };
  });
}
