import type { CheckInResult, DeskOverride, ResultClass } from '../../../../shared/desk';
import type { Format } from '../../app/format';

/** The desk's answer to one scan or pick, in plain words, with what one more key can do about it. */
export interface ResultView {
  tone: ResultClass;
  /** Large: "Checked in", "Attention", "Already checked in", "Refused". */
  heading: string;
  /** Why, in a few words: "Not paid yet", "Ticket for another workshop". */
  reason: string | null;
  name: string | null;
  lines: string[];
  /** F4: take the payment and check in. */
  canPay: boolean;
  /** F7: the override staff may choose, with its button label. */
  override: { kind: DeskOverride; label: string } | null;
}

export const TONE_HEADING: Record<ResultClass, string> = { ok: 'Checked in', attention: 'Attention', already: 'Already checked in', refused: 'Refused' };

export function describeResult(r: CheckInResult, fmt: Format): ResultView {
  const p = r.person;
  const w = r.workshop;
  const tz = w?.timeZone;
  const workshopLine = w ? `${w.title} · ${fmt.workshopTime(w.startsAt, w.endsAt, w.timeZone)}` : null;
  const view: ResultView = { tone: r.resultClass, heading: TONE_HEADING[r.resultClass], reason: null, name: p?.name ?? null, lines: [], canPay: false, override: null };
  const add = (...l: (string | null | false | undefined)[]) => view.lines.push(...l.filter((x): x is string => Boolean(x)));
  const counts = r.counts ? `${r.counts.checkedIn} of ${r.counts.confirmed} in` : null;

  switch (r.outcome) {
    case 'checked_in':
      add(workshopLine, counts);
      if (r.payment) add(paymentLine(r.payment, fmt));
      break;
    case 'already': {
      const ci = r.checkIn;
      view.reason = ci ? `At ${fmt.time(ci.at, tz)}, ${ci.station}${ci.byName ? `, by ${ci.byName}` : ci.surface === 'kiosk' ? ', at the kiosk' : ''}` : null;
      add(workshopLine, counts);
      break;
    }
    case 'unpaid':
      view.reason = 'Not paid yet';
      view.canPay = true;
      add(p && `${fmt.price(p.amountDueMinor - p.paidMinor, p.currency)} to pay`, workshopLine);
      break;
    case 'pending':
      view.reason = 'Requested, not approved yet';
      add(workshopLine, 'Approve the request first (Approval queue), or register them as a walk-in if a seat is free.');
      break;
    case 'waitlisted':
      view.reason = p?.waitlistPosition ? `On the waiting list (position ${p.waitlistPosition})` : 'On the waiting list';
      add(workshopLine);
      break;
    case 'not_open':
      view.reason = 'Check-in is not open yet';
      add(r.opensAt && `Opens at ${fmt.time(r.opensAt, tz)}`, workshopLine);
      view.override = { kind: 'not_open', label: 'Check in anyway' };
      break;
    case 'ended':
      view.reason = 'This workshop has ended';
      add(w && `Ended at ${fmt.time(w.endsAt, tz)}`, workshopLine);
      view.override = { kind: 'ended', label: 'Check in anyway' };
      break;
    case 'other_workshop':
      view.reason = 'Ticket for another workshop';
      add(w && `This ticket is for ${w.title} (${fmt.workshopTime(w.startsAt, w.endsAt, w.timeZone)}), not the workshop this desk is set to.`);
      view.override = w ? { kind: 'other_workshop', label: `Check in to ${w.title}` } : null;
      break;
    case 'cancelled':
      view.reason = 'Registration cancelled';
      add(p?.cancelReason && `Why: ${p.cancelReason}`, workshopLine);
      break;
    case 'rejected':
      view.reason = 'Request was rejected';
      add(p?.rejectReason && `Why: ${p.rejectReason}`, workshopLine);
      break;
    case 'workshop_cancelled':
      view.reason = 'The workshop is cancelled';
      add(workshopLine);
      break;
    case 'unknown':
      view.reason = 'Unknown code';
      add('No registration has this ticket code. Try the name instead.');
      break;
  }
  return view;
}

/** "Paid €25.00 by cash, change €5.00". */
export function paymentLine(p: NonNullable<CheckInResult['payment']>, fmt: Format): string {
  const change = p.changeMinor === null ? '' : p.changeMinor === 0 ? ', no change' : `, change ${fmt.price(p.changeMinor, p.currency)}`;
  return `Paid ${fmt.price(p.amountMinor, p.currency)} by ${p.method}${change}`;
}
