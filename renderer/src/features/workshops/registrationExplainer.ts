import type { Format } from '../../app/format';
import type { WorkshopCard } from '../../../../shared/workshops';

/** What registering will mean, in plain words, before anyone presses a button. */
export function whatRegisteringMeans(w: WorkshopCard, format: Format): string[] {
  const lines: string[] = [];
  if (w.registrationMode === 'automatic') {
    lines.push(w.seatsLeft > 0 ? 'Instant confirmation: your seat is confirmed as soon as you register.' : w.waitlistEnabled ? 'It is full: registering puts you on the waiting list, and you move up automatically when a seat frees.' : 'It is full, and this workshop has no waiting list.');
  } else {
    lines.push('Needs approval: you send a request and an organiser confirms it. A request does not hold a seat until it is approved.');
    if (w.seatsLeft === 0) lines.push(w.waitlistEnabled ? 'It is full at the moment: approved requests go to the waiting list.' : 'It is full at the moment, and it has no waiting list.');
  }
  lines.push(w.priceMinor === 0 ? 'It is free.' : `Price: ${format.price(w.priceMinor, w.currency)}, fixed when you register, paid to the organiser (at the desk or as they tell you).`);
  return lines;
}
