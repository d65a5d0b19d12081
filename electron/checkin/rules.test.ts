import { describe, expect, it } from 'vitest';
import { checkInVerdict, type RuleInput } from './rules';

const now = new Date('2026-12-05T09:30:00Z');
const base: RuleInput = {
  registration: { status: 'confirmed', paymentStatus: 'paid', checkedIn: false, workshopId: 'w1' },
  workshop: { status: 'published', startsAt: new Date('2026-12-05T10:00:00Z'), endsAt: new Date('2026-12-05T12:00:00Z') },
  now,
};
const v = (over: { registration?: Partial<RuleInput['registration']>; workshop?: Partial<RuleInput['workshop']> } & Partial<Omit<RuleInput, 'registration' | 'workshop'>>) =>
  checkInVerdict({ ...base, ...over, registration: { ...base.registration, ...over.registration }, workshop: { ...base.workshop, ...over.workshop } });

describe('check-in rules', () => {
  it('checks in a confirmed, paid (or free) registration from an hour before the start until the end', () => {
    expect(v({})).toBe('checked_in');
    expect(v({ registration: { paymentStatus: 'not_required' } })).toBe('checked_in');
    expect(v({ registration: { paymentStatus: 'waived' } })).toBe('checked_in');
    expect(v({ now: new Date('2026-12-05T09:00:00Z') })).toBe('checked_in');
    expect(v({ now: new Date('2026-12-05T11:59:59Z') })).toBe('checked_in');
  });

  it('says what stands in the way, in order of what no desk can fix first', () => {
    expect(v({ workshop: { status: 'cancelled' }, registration: { status: 'cancelled' } })).toBe('workshop_cancelled');
    expect(v({ registration: { status: 'cancelled' } })).toBe('cancelled');
    expect(v({ registration: { status: 'rejected' } })).toBe('rejected');
    expect(v({ registration: { status: 'pending' } })).toBe('pending');
    expect(v({ registration: { status: 'waitlisted' } })).toBe('waitlisted');
    expect(v({ registration: { checkedIn: true } })).toBe('already');
    expect(v({ now: new Date('2026-12-05T08:59:59Z') })).toBe('not_open');
    expect(v({ now: new Date('2026-12-05T12:00:00Z') })).toBe('ended');
    expect(v({ registration: { paymentStatus: 'unpaid' } })).toBe('unpaid');
  });

  it('never checks in a ticket of another workshop silently; staff may choose to', () => {
    expect(v({ deskWorkshopId: 'w2' })).toBe('other_workshop');
    expect(v({ deskWorkshopId: 'w2', override: 'other_workshop' })).toBe('checked_in');
    expect(v({ deskWorkshopId: 'w1' })).toBe('checked_in');
  });

  it('lets staff check in early or late on purpose, but never past an unpaid amount or a second time', () => {
    expect(v({ now: new Date('2026-12-05T07:00:00Z'), override: 'not_open' })).toBe('checked_in');
    expect(v({ now: new Date('2026-12-05T13:00:00Z'), override: 'ended' })).toBe('checked_in');
    expect(v({ now: new Date('2026-12-05T13:00:00Z'), override: 'ended', registration: { paymentStatus: 'unpaid' } })).toBe('unpaid');
    expect(v({ override: 'not_open', registration: { checkedIn: true } })).toBe('already');
  });
});
