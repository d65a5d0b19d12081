import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { category, publishedWorkshop } from '../../test/catalogue';
import { setupAdmin, signedIn, testDatabaseKinds, useTestCore } from '../../test/test-core';

describe.each(testDatabaseKinds())('a workshop\'s registrations as CSV, on %s', (kind) => {
  let cat: string;
  // 13 July 2027, 09:41:27.5 UTC: 10:41 in London (summer time), with seconds and milliseconds to drop.
  const start = Date.UTC(2027, 6, 13, 9, 41, 27, 500);
  const t = useTestCore(kind, async (core) => {
    core.clock.advance(Math.max(0, start - core.clock.now().getTime()));
    await setupAdmin(core);
    await signedIn(core, 'staff', 'desk');
    cat = await category(core, 'Arts');
  });

  it('writes times in the workshop\'s zone to the minute, and shows no money owed by requests or the waiting list', async () => {
    const w = await publishedWorkshop(t, cat, { capacity: 1, priceMinor: 6500, currency: 'GBP', timeZone: 'Europe/London', registrationMode: 'manual', waitlistEnabled: true });
    const ann = await t.must('desk', 'registrations:registerPerson', { workshopId: w.id, name: 'Ann' });
    t.clock.advance(60_000);
    await t.must('desk', 'registrations:registerPerson', { workshopId: w.id, name: 'Ben' });
    t.clock.advance(60_000);
    await t.must('admin', 'registrations:confirm', { id: ann.id });
    const cy = await t.must('desk', 'registrations:registerPerson', { workshopId: w.id, name: 'Cy' });
    await t.must('admin', 'registrations:bulkWaitlist', { selection: { ids: [cy.id] } });

    const { content } = await t.must('desk', 'registrations:exportCsv', { workshopId: w.id });
    const [header, ...rows] = Papa.parse<string[]>(content.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    expect(header).toEqual(['Name', 'Email', 'Phone', 'Status', 'Requested at (Europe/London)', 'Confirmed at (Europe/London)', 'Ticket', 'Price', 'Payment']);
    const byName = Object.fromEntries(rows.map((r) => [r[0], r]));
    expect(byName.Ann!.slice(3, 6)).toEqual(['Confirmed', '2027-07-13 10:41', '2027-07-13 10:43']);
    expect(byName.Ann!.slice(7)).toEqual(['£65.00', 'Not paid yet']);
    expect(byName.Ben!.slice(3)).toEqual(['Requested — waiting for approval', '2027-07-13 10:42', '', '', '£65.00', 'Nothing to pay yet']);
    expect(byName.Cy![3]).toBe('On the waiting list, position 1');
    expect(byName.Cy![8]).toBe('Nothing to pay yet');
  });
});
