import { CHECKIN_OPENS_MINUTES_BEFORE, type CheckInOutcome, type DeskOverride } from '../../shared/desk';
import type { PaymentStatus, RegistrationStatus } from '../../shared/registrations';

export interface RuleInput {
  registration: { status: RegistrationStatus; paymentStatus: PaymentStatus; checkedIn: boolean; workshopId: string };
  workshop: { status: string; startsAt: Date; endsAt: Date };
  now: Date;
  /** The workshop the desk is set to, if any. */
  deskWorkshopId?: string | null;
  /** What staff chose to override for this attempt (never at the kiosk). */
  override?: DeskOverride | null;
}

export const opensAt = (startsAt: Date): Date => new Date(startsAt.getTime() - CHECKIN_OPENS_MINUTES_BEFORE * 60_000);

/**
 * Whether a registration may be checked in now, or the reason it may not: the one place these rules
 * live. The desk and the kiosk both ask it, so they can never disagree. Order matters: what would
 * stop the person at any desk (a cancelled workshop, no seat) is said before what a desk can fix.
 */
export function checkInVerdict({ registration: r, workshop: w, now, deskWorkshopId, override }: RuleInput): Exclude<CheckInOutcome, 'unknown'> {
  if (w.status === 'cancelled') return 'workshop_cancelled';
  if (r.status === 'cancelled') return 'cancelled';
  if (r.status === 'rejected') return 'rejected';
  if (r.status === 'pending') return 'pending';
  if (r.status === 'waitlisted') return 'waitlisted';
  if (deskWorkshopId && deskWorkshopId !== r.workshopId && override !== 'other_workshop') return 'other_workshop';
  if (r.checkedIn) return 'already';
  if (now < opensAt(w.startsAt) && override !== 'not_open') return 'not_open';
  if (now >= w.endsAt && override !== 'ended') return 'ended';
  if (r.paymentStatus === 'unpaid') return 'unpaid';
  return 'checked_in';
}
