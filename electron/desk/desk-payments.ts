import { sql, type Transaction } from 'kysely';
import { AppError, fieldError } from '../../shared/errors';
import { UNDO_WINDOW_SECONDS, type DeskPayment } from '../../shared/desk';
import { formatPrice } from '../../shared/money';
import type { PaymentMethod } from '../../shared/registrations';
import { writeAudit } from '../audit/audit.service';
import { actorOf, type Caller } from '../core/caller';
import type { Database } from '../db/schema';
import { announceAfterCommit } from '../core/requests';
import { UNDO_REFUSED } from '../checkin/reversal';
import { holdRegistration } from '../registrations/row-locks';

export interface DeskPaymentInput {
  method: PaymentMethod;
  tenderedMinor?: number;
  note: string;
}

/**
 * Takes the amount fixed at registration, at the desk, in the caller's transaction (which holds the
 * registration row). Cash handed over is recorded with the payment, so the receipt shows the change.
 */
export async function takeDeskPayment(trx: Transaction<Database>, caller: Caller, registrationId: string, p: DeskPaymentInput, now: Date): Promise<DeskPayment> {
  await holdRegistration(trx, registrationId);
  const r = await sql<{ payment_status: string; amount_due_minor: number; currency: string; workshop_id: string; status: string }>`
    select payment_status, amount_due_minor, currency, workshop_id, status from registration where id = ${registrationId}`.execute(trx);
  const reg = r.rows[0];
  if (!reg) throw new AppError('NOT_FOUND', 'This registration no longer exists.');
  if (reg.status !== 'confirmed') throw new AppError('CONFLICT', 'Only a confirmed registration is paid for at the desk.');
  if (reg.payment_status !== 'unpaid') throw new AppError('CONFLICT', reg.payment_status === 'paid' ? 'Already paid.' : 'Nothing is owed for this registration.');
  if (p.tenderedMinor !== undefined && p.tenderedMinor < reg.amount_due_minor) {
    throw fieldError('tenderedMinor', `That is less than the ${formatPrice(reg.amount_due_minor, reg.currency)} due.`);
  }
  const tendered = p.method === 'cash' ? (p.tenderedMinor ?? null) : null;
  const ins = await trx
    .insertInto('payment')
    .values({ registration_id: registrationId, kind: 'payment', amount_minor: reg.amount_due_minor, currency: reg.currency, method: p.method, note: p.note, actor_id: caller.user?.id ?? null, station: caller.station, tendered_minor: tendered, voids_id: null, surface: caller.surface, at: now })
    .returning(['id', 'at'])
    .executeTakeFirstOrThrow();
  await trx.updateTable('registration').set({ payment_status: 'paid', version: sql`version + 1`, updated_at: now }).where('id', '=', registrationId).execute();
  await writeAudit(trx, actorOf(caller), {
    action: 'payment.payment',
    entityType: 'registration',
    entityId: registrationId,
    before: { paymentStatus: 'unpaid' },
    after: { paymentStatus: 'paid', amount: formatPrice(reg.amount_due_minor, reg.currency), method: p.method, tendered: tendered === null ? null : formatPrice(tendered, reg.currency), note: p.note, at: 'desk' },
  });
  announceAfterCommit(trx, 'registrations:changed', { workshopId: reg.workshop_id });
  const at = new Date(ins.at);
  return {
    id: String(ins.id),
    amountMinor: reg.amount_due_minor,
    currency: reg.currency as DeskPayment['currency'],
    method: p.method,
    tenderedMinor: tendered,
    changeMinor: tendered === null ? null : tendered - reg.amount_due_minor,
    at: at.toISOString(),
    station: caller.station,
    byName: caller.user?.name ?? null,
    undoUntil: new Date(at.getTime() + UNDO_WINDOW_SECONDS * 1000).toISOString(),
  };
}

/**
 * The one-key undo of a desk payment: a void record beside it (nothing deleted), the amount owed
 * again — only while the payment is still the last word on what this registration paid. After a
 * refund, a waiver or a cancellation, undoing it would say a cancelled seat is owed, or that money
 * given back is owed twice; those are settled on the registration's page instead.
 */
export async function voidDeskPayment(trx: Transaction<Database>, caller: Caller, paymentId: string, now: Date): Promise<void> {
  const found = await trx.selectFrom('payment').select('registration_id').where('id', '=', paymentId).executeTakeFirst();
  if (!found) throw new AppError('NOT_FOUND', 'This payment does not exist.');
  const workshopId = await holdRegistration(trx, found.registration_id);
  const p = await trx.selectFrom('payment').select(['id', 'registration_id', 'kind', 'amount_minor', 'currency', 'station', 'at']).where('id', '=', paymentId).forUpdate().executeTakeFirstOrThrow();
  if (p.kind !== 'payment') throw new AppError('NOT_FOUND', 'This payment does not exist.');
  if (p.station !== caller.station || now.getTime() - new Date(p.at).getTime() > UNDO_WINDOW_SECONDS * 1000) throw new AppError('CONFLICT', UNDO_REFUSED);
  const voided = await trx.selectFrom('payment').select('id').where('voids_id', '=', p.id).executeTakeFirst();
  if (voided) throw new AppError('CONFLICT', 'This payment has already been undone.');
  const reg = await trx.selectFrom('registration').select(['status', 'payment_status']).where('id', '=', p.registration_id).executeTakeFirstOrThrow();
  const later = await trx.selectFrom('payment').select('kind').where('registration_id', '=', p.registration_id).where('id', '>', p.id).orderBy('id', 'desc').executeTakeFirst();
  if (later || reg.payment_status !== 'paid') {
    throw new AppError('CONFLICT', `This payment can no longer be undone here: ${later?.kind === 'refund' || reg.payment_status === 'refunded' ? 'it has been refunded since' : 'the registration\'s payment has changed since'}. See the registration's payments.`);
  }
  if (reg.status !== 'confirmed') throw new AppError('CONFLICT', 'This payment can no longer be undone here: the registration has been cancelled since. Record a refund on the registration\'s page.');
  await trx
    .insertInto('payment')
    .values({ registration_id: p.registration_id, kind: 'void', amount_minor: p.amount_minor, currency: p.currency, method: 'none', note: 'Undone at the desk', actor_id: caller.user?.id ?? null, station: caller.station, tendered_minor: null, voids_id: p.id, surface: caller.surface, at: now })
    .execute();
  await trx.updateTable('registration').set({ payment_status: 'unpaid', version: sql`version + 1`, updated_at: now }).where('id', '=', p.registration_id).execute();
  await writeAudit(trx, actorOf(caller), { action: 'payment.void', entityType: 'registration', entityId: p.registration_id, before: { paymentStatus: 'paid', paymentId: String(p.id) }, after: { paymentStatus: 'unpaid', amount: formatPrice(p.amount_minor, p.currency) } });
  announceAfterCommit(trx, 'registrations:changed', { workshopId });
}
