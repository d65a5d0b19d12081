import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Registration } from '../../shared/registrations';
import { registrationsCsv } from './workshop-registrations';

const base: Registration = {
  id: 'r1', workshopId: 'w1', workshopTitle: 'T', workshopStartsAt: '2026-12-05T09:00:00.000Z', workshopEndsAt: '2026-12-05T12:00:00.000Z', workshopTimeZone: 'Europe/Berlin',
  workshopCity: 'Berlin', workshopVenue: 'V', workshopStatus: 'published', registrationMode: 'automatic', userId: null, personName: 'A', personEmail: null, personPhone: null,
  status: 'confirmed', waitlistPosition: null, requestedAt: '2026-12-01T10:00:00.000Z', confirmedAt: '2026-12-01T10:00:00.000Z', rejectReason: null, cancelledAt: null, cancelReason: null,
  amountDueMinor: 0, paidMinor: 0, currency: 'EUR', paymentStatus: 'not_required', ticketCode: null,
};

describe('CSV export against formula injection', () => {
  // Everything a spreadsheet program reads as the start of a formula or a command.
  it.each(['=1+1', '+49 30 1234', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd'])('keeps %j as text', (value) => {
    const csv = registrationsCsv([{ ...base, personName: value, personPhone: value }], 'Europe/Berlin');
    const [, row] = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { newline: '\r\n' }).data;
    expect(row![0]).toBe(`'${value}`);
    expect(row![2]).toBe(`'${value}`);
  });

  it('leaves ordinary names alone', () => {
    const csv = registrationsCsv([{ ...base, personName: 'Anne-Marie O’Neil' }], 'Europe/Berlin');
    expect(Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { newline: '\r\n' }).data[1]![0]).toBe('Anne-Marie O’Neil');
  });
});
