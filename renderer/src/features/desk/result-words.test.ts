import { describe, expect, it } from 'vitest';
import { CHECKIN_OUTCOMES, RESULT_CLASS, type CheckInOutcome, type CheckInResult, type DeskWorkshop } from '../../../../shared/desk';
import { formatDateTime, formatTime, formatWorkshopTime } from '../../../../shared/time';
import { formatPrice } from '../../../../shared/money';
import type { Format } from '../../app/format';
import { describeResult } from './result-words';

const locale = 'en-GB';
const fmt = {
  locale,
  time: (iso: string, tz?: string) => formatTime(iso, locale, tz),
  dateTime: (iso: string, tz?: string) => formatDateTime(iso, locale, tz),
  workshopTime: (s: string, e: string | null, tz: string) => formatWorkshopTime(s, e, tz, locale),
  price: (m: number, c: string) => formatPrice(m, c, locale),
} as unknown as Format;

const workshop: DeskWorkshop = {
  id: 'w1', title: 'Pottery', startsAt: '2026-12-01T10:00:00.000Z', endsAt: '2026-12-01T12:00:00.000Z', timeZone: 'Europe/London', venue: 'Studio', city: 'London',
  status: 'published', capacity: 30, registrationMode: 'automatic', waitlistEnabled: true, priceMinor: 2500, currency: 'EUR',
};

function result(outcome: CheckInOutcome, over: Partial<CheckInResult> = {}): CheckInResult {
  return {
    outcome, resultClass: RESULT_CLASS[outcome], workshop: outcome === 'unknown' ? null : workshop, opensAt: null, counts: null, undoUntil: null, payment: null, checkIn: null,
    person: outcome === 'unknown' ? null : { registrationId: 'r1', name: 'Ann Lee', email: null, phone: null, ticketCode: null, status: 'confirmed', waitlistPosition: 4, paymentStatus: 'unpaid', amountDueMinor: 2500, paidMinor: 0, currency: 'EUR', cancelReason: 'Ill', rejectReason: 'Too young' },
    ...over,
  };
}

describe('describeResult', () => {
  it('words every outcome under the heading of its colour', () => {
    const heading = { ok: 'Checked in', attention: 'Attention', already: 'Already checked in', refused: 'Refused' };
    for (const o of CHECKIN_OUTCOMES) expect(describeResult(result(o), fmt).heading).toBe(heading[RESULT_CLASS[o]]);
  });

  it('green: who, and how many are in', () => {
    const v = describeResult(result('checked_in', { counts: { checkedIn: 23, confirmed: 30 }, payment: { id: '1', amountMinor: 2500, currency: 'EUR', method: 'cash', tenderedMinor: 3000, changeMinor: 500, at: '', station: 'Front desk 1', byName: null, undoUntil: null } }), fmt);
    expect(v.name).toBe('Ann Lee');
    expect(v.lines).toContain('23 of 30 in');
    expect(v.lines).toContain('Paid €25.00 by cash, change €5.00');
  });

  it('orange: when, at which station, by whom — in the workshop’s own time', () => {
    const v = describeResult(result('already', { checkIn: { id: '9', at: '2026-12-01T10:02:00.000Z', station: 'Front desk 2', byName: 'Sam Staff', surface: 'workstation' } }), fmt);
    expect(v.reason).toBe('At 10:02, Front desk 2, by Sam Staff');
  });

  it('amber: the amount to pay with the pay key, the opening time with the override', () => {
    const unpaid = describeResult(result('unpaid'), fmt);
    expect(unpaid).toMatchObject({ reason: 'Not paid yet', canPay: true, override: null });
    expect(unpaid.lines[0]).toBe('€25.00 to pay');
    const early = describeResult(result('not_open', { opensAt: '2026-12-01T09:00:00.000Z' }), fmt);
    expect(early.lines[0]).toBe('Opens at 09:00');
    expect(early.override).toEqual({ kind: 'not_open', label: 'Check in anyway' });
    expect(describeResult(result('waitlisted'), fmt).reason).toBe('On the waiting list (position 4)');
  });

  it('red: why, and for another workshop which one it is, with the key to check in there', () => {
    expect(describeResult(result('cancelled'), fmt).lines[0]).toBe('Why: Ill');
    expect(describeResult(result('rejected'), fmt).lines[0]).toBe('Why: Too young');
    const other = describeResult(result('other_workshop'), fmt);
    expect(other.lines[0]).toMatch(/^This ticket is for Pottery \(/);
    expect(other.override).toEqual({ kind: 'other_workshop', label: 'Check in to Pottery' });
    expect(describeResult(result('unknown'), fmt)).toMatchObject({ reason: 'Unknown code', name: null, canPay: false });
  });
});
