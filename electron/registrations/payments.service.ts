import { sql } from 'kysely';
import type { z } from 'zod';
import { AppError } from '../../shared/errors';
import { formatPrice } from '../../shared/money';
import type { OutstandingRow, recordPaymentInput, Registration } from '../../shared/registrations';
import { writeAudit } from '../audit/audit.service';
import { actorOf, type Caller } from '../core/caller';
import type { CoreContext } from '../core/context';
import { loadRegistration } from './registration-rows';
import { announceAfterCommit, transact } from '../core/requests';
import { holdRegistration } from './row-locks';

/**
 * Payment tracking (no gateway): a payment of the amount due, a refund of what was paid, or a waiver.
 * Each is a record of its own (amount, method, who, station, when, note) beside the status change.
 */
export async function recordPayment(ctx: CoreContext, caller: Caller, input: z.output<typeof recordPaymentInput>): Promise<Registration> {
  return transact(ctx, caller, async (trx) => {
    announceAfterCommit(trx, 'registrations:changed', { workshopId: await holdRegistration(trx, input.id) });
    const r = await loadRegistration(trx, input.id);
    const refundDue = r.paymentStatus === 'paid' && (r.status === 'cancelled' || r.status === 'rejected');
    let next: 'paid' | 'refunded' | 'waived';
    let amount: number;
    if (input.kind === 'payment') {
      if (r.paymentStatus !== 'unpaid') throw new AppError('CONFLICT', r.paymentStatus === 'paid' ? 'Already paid.' : 'Nothing is owed for this registration.');
      // A request or a place on the waiting list owes nothing yet: money is taken for a seat.
      if (r.status !== 'confirmed') throw new AppError('CONFLICT', 'Nothing is owed yet: payment is taken once the seat is confirmed.');
      if (!input.method) throw new AppError('VALIDATION', 'How was it paid?', { fieldErrors: { method: ['Choose how it was paid.'] } });
      next = 'paid';
      amount = r.amountDueMinor;
    } else if (input.kind === 'refund') {
      if (r.paymentStatus !== 'paid') throw new AppError('CONFLICT', 'Only a paid registration can be refunded.');
      if (!input.method) throw new AppError('VALIDATION', 'How was it refunded?', { fieldErrors: { method: ['Choose how it was refunded.'] } });
      next = 'refunded';
      amount = r.paidMinor;
    } else {
      if (r.paymentStatus !== 'unpaid') throw new AppError('CONFLICT', 'Only an unpaid amount can be waived.');
      next = 'waived';
      amount = r.amountDueMinor;
    }
    await trx
      .insertInto('payment')
      .values({ registration_id: r.id, kind: input.kind, amount_minor: amount, currency: r.currency, method: input.method ?? 'none', note: input.note, actor_id: caller.user?.id ?? null, station: caller.station })
      .execute();
    await trx.updateTable('registration').set({ payment_status: next, version: sql`version + 1`, updated_at: ctx.now() }).where('id', '=', r.id).execute();
    const after = await loadRegistration(trx, r.id);
    await writeAudit(trx, actorOf(caller), {
      action: `payment.${input.kind}`,
      entityType: 'registration',
      entityId: r.id,
      before: { paymentStatus: r.paymentStatus, refundDue },
      after: { paymentStatus: next, amount: formatPrice(amount, r.currency), method: input.method ?? null, note: input.note },
    });
    return after;
  });
}

/** Per workshop: confirmed but unpaid, and cancelled or rejected but paid (refund due). */
export async function outstanding(ctx: CoreContext, workshopId?: string): Promise<OutstandingRow[]> {
  let q = ctx.db
    .selectFrom('registration as r')
    .innerJoin('workshop as w', 'w.id', 'r.workshop_id')
    .select([
      'w.id',
      'w.title',
      'r.currency',
      sql<number>`count(*) filter (where r.status = 'confirmed' and r.payment_status = 'unpaid')::int`.as('unpaid_count'),
      sql<number>`coalesce(sum(r.amount_due_minor) filter (where r.status = 'confirmed' and r.payment_status = 'unpaid'), 0)::int`.as('unpaid_minor'),
      sql<number>`count(*) filter (where r.status in ('cancelled', 'rejected') and r.payment_status = 'paid')::int`.as('refund_count'),
      sql<number>`coalesce(sum(r.amount_due_minor) filter (where r.status in ('cancelled', 'rejected') and r.payment_status = 'paid'), 0)::int`.as('refund_minor'),
    ])
    .groupBy(['w.id', 'w.title', 'r.currency', 'w.starts_at'])
    .having(sql<boolean>`count(*) filter (where (r.status = 'confirmed' and r.payment_status = 'unpaid') or (r.status in ('cancelled', 'rejected') and r.payment_status = 'paid')) > 0`)
    .orderBy('w.starts_at');
  if (workshopId) q = q.where('w.id', '=', workshopId);
  const rows = await q.execute();
  return rows.map((r) => ({
    workshopId: r.id,
    workshopTitle: r.title,
    currency: r.currency as OutstandingRow['currency'],
    unpaidCount: r.unpaid_count,
    unpaidMinor: r.unpaid_minor,
    refundDueCount: r.refund_count,
    refundDueMinor: r.refund_minor,
  }));
}
