import type { KioskCheckInAnswer, KioskRegistration } from '../../../../shared/kiosk';
import { formatPrice } from '../../../../shared/money';
import { formatDateTime } from '../../../../shared/time';

export interface Said {
  tone: 'ok' | 'info' | 'stop';
  title: string;
  body: string;
  /** The next step is at the desk. */
  askDesk: boolean;
}

const where = (w: { venue: string } | null) => (w?.venue ? `, ${w.venue}` : '');

/** A check-in answer in words for the person in front of the kiosk (the desk words the same outcome for staff). */
export function checkInInWords(a: KioskCheckInAnswer, locale: string): Said {
  const name = a.firstName ? `, ${a.firstName}` : '';
  const title = a.workshop?.title ?? 'this workshop';
  switch (a.outcome) {
    case 'checked_in':
      return { tone: 'ok', title: `Welcome${name}`, body: `You're checked in to ${title}${where(a.workshop)}.`, askDesk: false };
    case 'already':
      return { tone: 'info', title: "You're already checked in", body: `${title}${where(a.workshop)}. Enjoy the workshop!`, askDesk: false };
    case 'unpaid':
      return { tone: 'stop', title: `Please see the front desk to pay ${a.amountDue ? formatPrice(a.amountDue.minor, a.amountDue.currency, locale) : ''}`.trim(), body: `Once you have paid, you're checked in to ${title}.`, askDesk: true };
    case 'not_open':
      return {
        tone: 'info',
        title: 'Check-in is not open yet',
        body: `Check-in for ${title} opens ${a.opensAt && a.workshop ? formatDateTime(a.opensAt, locale, a.workshop.timeZone) : 'an hour before it starts'}. Please come back then.`,
        askDesk: false,
      };
    case 'ended':
      return { tone: 'stop', title: 'This workshop has ended', body: `${title} is over, so it can no longer be checked in to.`, askDesk: true };
    case 'pending':
      return { tone: 'stop', title: 'Not approved yet', body: `Your request for ${title} is still waiting for approval.`, askDesk: true };
    case 'waitlisted':
      return { tone: 'stop', title: "You're on the waiting list", body: `You don't have a seat in ${title} yet.`, askDesk: true };
    case 'cancelled':
      return { tone: 'stop', title: 'This registration was cancelled', body: `The ticket for ${title} is no longer valid.`, askDesk: true };
    case 'rejected':
      return { tone: 'stop', title: 'This registration was not approved', body: `The request for ${title} was declined.`, askDesk: true };
    case 'workshop_cancelled':
      return { tone: 'stop', title: 'This workshop was cancelled', body: `${title} is not taking place.`, askDesk: true };
    case 'typo':
      return { tone: 'stop', title: 'That code has a typo', body: 'One of its characters is not right. Check the code on your ticket and try again.', askDesk: false };
    case 'unknown':
      return { tone: 'stop', title: 'We could not find this ticket', body: 'Check the code and try again.', askDesk: true };
  }
}

/** What happens next after registering, in words. */
export function registrationInWords(r: KioskRegistration, locale: string): Said {
  const due = r.amountDue && r.amountDue.minor > 0 ? ` Please pay ${formatPrice(r.amountDue.minor, r.amountDue.currency, locale)} at the front desk.` : '';
  switch (r.outcome) {
    case 'confirmed':
      return { tone: 'ok', title: `You're booked, ${r.firstName}`, body: `Your seat in ${r.workshop.title} is confirmed.${due} Keep your ticket code: scan it here when you arrive.`, askDesk: false };
    case 'requested':
      return { tone: 'info', title: 'Request sent', body: `${r.workshop.title} needs approval. Your request is waiting; you'll get a ticket once it is approved.${due && ' Payment is due at the front desk once you have a seat.'}`, askDesk: false };
    case 'waitlisted':
      return { tone: 'info', title: `You're on the waiting list${r.waitlistPosition ? `, position ${r.waitlistPosition}` : ''}`, body: `${r.workshop.title} is full. If a seat frees up, it goes to the next person on the list.`, askDesk: false };
    case 'full':
      return { tone: 'stop', title: 'Sorry, this workshop is full', body: `${r.workshop.title} has no seats left and no waiting list.`, askDesk: true };
  }
}
