import type { z } from 'zod';
import { AppError } from '../../shared/errors';
import type { CheckInResult, checkInInput, payAndCheckInInput, undoInput } from '../../shared/desk';
import type { Caller } from '../core/caller';
import type { CoreContext } from '../core/context';
import { transact } from '../core/requests';
import { checkIn, findForCheckIn, resultOf } from '../checkin/checkin.service';
import { reverseCheckIn } from '../checkin/reversal';
import { checkInVerdict } from '../checkin/rules';
import { seatCounts } from '../checkin/desk-rows';
import { takeDeskPayment, voidDeskPayment } from './desk-payments';

/** A scan or an Enter at the desk: one statement on the usual path (see checkIn). */
export function checkInAtDesk(ctx: CoreContext, caller: Caller, input: z.output<typeof checkInInput>): Promise<CheckInResult> {
  const target = input.ticketCode ? { ticketCode: input.ticketCode } : { registrationId: input.registrationId! };
  return checkIn(ctx, caller, ctx.db, target, { deskWorkshopId: input.deskWorkshopId, override: input.override });
}

/**
 * "Mark paid and check in": one transaction, so a failure in either leaves neither. The check-in's
 * own rules are asked first, as if paid: money is never taken for someone who then cannot come in.
 */
export async function payAndCheckIn(ctx: CoreContext, caller: Caller, input: z.output<typeof payAndCheckInInput>): Promise<CheckInResult> {
  const now = ctx.now();
  return transact(ctx, caller, async (trx) => {
    const row = await findForCheckIn(trx, { registrationId: input.registrationId });
    if (!row) throw new AppError('NOT_FOUND', 'This registration no longer exists.');
    const verdict = checkInVerdict({
      registration: { status: row.status, paymentStatus: 'paid', checkedIn: row.ci_id !== null, workshopId: row.workshop_id },
      workshop: { status: row.w_status, startsAt: new Date(row.w_starts_at), endsAt: new Date(row.w_ends_at) },
      now,
      deskWorkshopId: input.deskWorkshopId,
      override: input.override,
    });
    if (verdict !== 'checked_in') return resultOf(verdict, row, { counts: await seatCounts(trx, row.workshop_id) });
    // The request id is recorded once, with the whole outcome, by transact.
    const inner = { ...caller, request: null };
    const payment = await takeDeskPayment(trx, inner, row.id, { method: input.method, tenderedMinor: input.tenderedMinor, note: input.note }, now);
    const result = await checkIn(ctx, inner, trx, { registrationId: row.id }, { deskWorkshopId: input.deskWorkshopId, override: input.override, payment });
    if (result.outcome !== 'checked_in') throw new AppError('CONFLICT', 'The check-in could not be made, so no payment was taken. Try again.');
    return result;
  });
}

/** The station's one-key undo: the check-in, the desk payment, or both (pay and check in). */
export async function undo(ctx: CoreContext, caller: Caller, input: z.output<typeof undoInput>): Promise<{ undone: ('checkIn' | 'payment')[] }> {
  const now = ctx.now();
  return transact(ctx, caller, async (trx) => {
    const undone: ('checkIn' | 'payment')[] = [];
    if (input.checkInId) {
      await reverseCheckIn(trx, caller, input.checkInId, now, { undo: true });
      undone.push('checkIn');
    }
    if (input.paymentId) {
      await voidDeskPayment(trx, caller, input.paymentId, now);
      undone.push('payment');
    }
    return { undone };
  });
}

/** An administrator's reversal of any check-in, with a reason; recorded as its own event. */
export async function reverse(ctx: CoreContext, caller: Caller, input: { checkInId: string; reason: string }): Promise<{ reversalId: string }> {
  return transact(ctx, caller, async (trx) => ({ reversalId: await reverseCheckIn(trx, caller, input.checkInId, ctx.now(), { undo: false, reason: input.reason }) }));
}
