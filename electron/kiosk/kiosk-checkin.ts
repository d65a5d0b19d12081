import type { z } from 'zod';
import type { CheckInResult } from '../../shared/desk';
import { firstNameOf, type kioskCheckInInput, type KioskCheckInAnswer, type KioskCheckInOutcome } from '../../shared/kiosk';
import { isValidTicketCode, normaliseTicketCode } from '../../shared/tickets';
import { checkIn, replayCheckIn } from '../checkin/checkin.service';
import type { Caller } from '../core/caller';
import type { CoreContext } from '../core/context';

/**
 * What the kiosk may say about a check-in: the ticket holder's first name, their workshop and where
 * it is, when check-in opens, what to pay at the desk. Nothing else of the desk's answer (email,
 * phone, full name, who checked them in and where) leaves the main process.
 */
export function kioskAnswerOf(r: CheckInResult): KioskCheckInAnswer {
  const p = r.person;
  return {
    outcome: r.outcome as KioskCheckInOutcome,
    firstName: p ? firstNameOf(p.name) : null,
    workshop: r.workshop ? { title: r.workshop.title, venue: r.workshop.venue, city: r.workshop.city, startsAt: r.workshop.startsAt, timeZone: r.workshop.timeZone } : null,
    opensAt: r.opensAt,
    amountDue: r.outcome === 'unpaid' && p ? { minor: Math.max(0, p.amountDueMinor - p.paidMinor), currency: p.currency } : null,
  };
}

const nobody = (outcome: 'typo' | 'unknown'): KioskCheckInAnswer => ({ outcome, firstName: null, workshop: null, opensAt: null, amountDue: null });

/**
 * Checks in by a complete ticket code with the desk's own rules and service (the two never
 * disagree), never with an override, and never an unpaid ticket. Codes that match nobody — a typo
 * the check symbol catches, or a well-formed code nobody holds — count against this kiosk's
 * throttle; each code counts before it is looked up, so codes sent all at once cannot outrun it.
 */
export async function kioskCheckIn(ctx: CoreContext, caller: Caller, input: z.output<typeof kioskCheckInInput>): Promise<KioskCheckInAnswer> {
  const attempt = ctx.kiosk.codes.begin(caller.clientId, ctx.now());
  const code = normaliseTicketCode(input.ticketCode);
  if (!isValidTicketCode(code)) return nobody('typo');
  const result = await checkIn(ctx, caller, ctx.db, { ticketCode: code });
  if (result.outcome === 'unknown') return nobody('unknown');
  attempt.wasRight();
  return kioskAnswerOf(result);
}

export const replayKioskCheckIn = async (ctx: CoreContext, checkInId: string): Promise<KioskCheckInAnswer> => kioskAnswerOf(await replayCheckIn(ctx, checkInId));
