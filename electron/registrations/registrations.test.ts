import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { category, publishedWorkshop, workshopForm } from '../../test/catalogue';
import { createTestCore, setupAdmin, signedIn, testDatabaseKinds, type TestCore, useTestCore } from '../../test/test-core';
import { isValidTicketCode } from '../../shared/tickets';

describe.each(testDatabaseKinds())('registrations on %s', (kind) => {
  let cat: string;
  const t = useTestCore(kind, async (core) => {
    await setupAdmin(core);
    await signedIn(core, 'staff', 'desk');
    cat = await category(core, 'Arts');
  });

  const walkIn = (workshopId: string, name: string) => t.call('desk', 'registrations:registerPerson', { workshopId, name, email: `${name.toLowerCase().replace(/\W/g, '')}@example.com` });
  const mustWalkIn = async (workshopId: string, name: string) => {
    t.clock.advance(1000); // people arrive one after another
    const r = await walkIn(workshopId, name);
    if (!r.ok) throw new Error(r.error.message);
    return r.data;
  };
  const seats = async (id: string) => (await t.must('admin', 'workshops:get', { id })).seatsTaken;

  describe('automatic mode', () => {
    it('confirms instantly with a valid ticket and fixes the amount due at registration', async () => {
      const w = await publishedWorkshop(t, cat, { capacity: 2, priceMinor: 2500 });
      await signedIn(t, 'attendee', 'bea');
      const r = await t.must('bea', 'registrations:register', { workshopId: w.id });
      expect(r).toMatchObject({ status: 'confirmed', amountDueMinor: 2500, paymentStatus: 'unpaid', personName: 'attendee bea' });
      expect(isValidTicketCode(r.ticketCode!)).toBe(true);
      expect(await seats(w.id)).toBe(1);
      // A later price change does not alter what this person owes.
      await t.must('admin', 'workshops:update', { ...workshopForm(t, cat, { capacity: 2 }), priceMinor: 9900, id: w.id, expectedVersion: (await t.must('admin', 'workshops:get', { id: w.id })).version });
      expect((await t.must('bea', 'registrations:mine', {}))[0]).toMatchObject({ amountDueMinor: 2500, status: 'confirmed' });
    });

    it('puts people on the waiting list in order once full, or refuses without a list', async () => {
      const w = await publishedWorkshop(t, cat, { capacity: 1, waitlistEnabled: true });
      expect((await mustWalkIn(w.id, 'Ann')).status).toBe('confirmed');
      const b = await mustWalkIn(w.id, 'Ben');
      const c = await mustWalkIn(w.id, 'Cy');
      expect([b.status, b.waitlistPosition, c.waitlistPosition]).toEqual(['waitlisted', 1, 2]);
      expect(b.ticketCode).toBeNull();
      const closed = await publishedWorkshop(t, cat, { title: 'No list', capacity: 1, waitlistEnabled: false });
      await mustWalkIn(closed.id, 'Ann');
      expect(await walkIn(closed.id, 'Ben')).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'This workshop is full, and it has no waiting list.' } });
    });

    it('refuses a second active registration for the same person, naming the first', async () => {
      const w = await publishedWorkshop(t, cat);
      await mustWalkIn(w.id, 'Ann');
      expect(await t.call('desk', 'registrations:registerPerson', { workshopId: w.id, name: 'Ann again', email: 'ANN@example.com' })).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT', message: 'Already registered for this workshop: Confirmed.' },
      });
    });

    it('frees the seat on cancellation and promotes the first person waiting, in one step', async () => {
      const w = await publishedWorkshop(t, cat, { capacity: 1, waitlistEnabled: true });
      const a = await mustWalkIn(w.id, 'Ann');
      await mustWalkIn(w.id, 'Ben');
      await mustWalkIn(w.id, 'Cy');
      await t.must('desk', 'registrations:cancel', { id: a.id, reason: 'Changed plans' });
      const list = await t.must('desk', 'registrations:forWorkshop', { workshopId: w.id });
      const byName = Object.fromEntries(list.map((r) => [r.personName, r]));
      expect(byName.Ann).toMatchObject({ status: 'cancelled', cancelReason: 'Changed plans' });
      expect(byName.Ben).toMatchObject({ status: 'confirmed' });
      expect(isValidTicketCode(byName.Ben!.ticketCode!)).toBe(true);
      expect(byName.Cy).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
      expect(await seats(w.id)).toBe(1);
    });

    it('refuses registration for a workshop that is not published or has started', async () => {
      const draft = await t.must('admin', 'workshops:create', workshopForm(t, cat));
      expect(await walkIn(draft.id, 'Ann')).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/not published yet/) } });
      const w = await publishedWorkshop(t, cat, { inDays: 1 });
      t.clock.advance(3 * 86_400_000);
      await t.must('admin', 'auth:signIn', { email: 'ada@example.com', password: 'correct horse battery staple' });
      await t.must('desk', 'auth:signIn', { email: 'desk@example.com', password: 'correct horse battery staple' });
      expect(await walkIn(w.id, 'Ann')).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/already started/) } });
    });
  });

  describe('manual mode', () => {
    it('creates a request that holds no seat; approval confirms, then waitlists, then refuses', async () => {
      const w = await publishedWorkshop(t, cat, { capacity: 1, registrationMode: 'manual', waitlistEnabled: false });
      const a = await mustWalkIn(w.id, 'Ann');
      const b = await mustWalkIn(w.id, 'Ben');
      expect([a.status, b.status]).toEqual(['pending', 'pending']);
      expect(await seats(w.id)).toBe(0);
      expect((await t.must('admin', 'registrations:confirm', { id: a.id })).status).toBe('confirmed');
      expect(await t.call('admin', 'registrations:confirm', { id: b.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'The workshop is full and has no waiting list: not approved.' } });
      expect((await t.must('desk', 'registrations:forWorkshop', { workshopId: w.id, statuses: ['pending'] })).map((r) => r.personName)).toEqual(['Ben']);
    });

    it('does not promote automatically when a seat frees: the admin decides', async () => {
      const w = await publishedWorkshop(t, cat, { capacity: 1, registrationMode: 'manual', waitlistEnabled: true });
      const a = await mustWalkIn(w.id, 'Ann');
      const b = await mustWalkIn(w.id, 'Ben');
      await t.must('admin', 'registrations:confirm', { id: a.id });
      expect((await t.must('admin', 'registrations:confirm', { id: b.id })).status).toBe('waitlisted');
      await t.must('desk', 'registrations:cancel', { id: a.id, reason: '' });
      expect((await t.must('desk', 'registrations:forWorkshop', { workshopId: w.id, statuses: ['waitlisted'] })).map((r) => r.personName)).toEqual(['Ben']);
      expect(await seats(w.id)).toBe(0);
      expect((await t.must('admin', 'registrations:confirm', { id: b.id })).status).toBe('confirmed');
    });

    it('rejects with a reason and refuses transitions that make no sense', async () => {
      const w = await publishedWorkshop(t, cat, { registrationMode: 'manual' });
      const a = await mustWalkIn(w.id, 'Ann');
      expect(await t.call('admin', 'registrations:reject', { id: a.id, reason: '' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      expect(await t.must('admin', 'registrations:reject', { id: a.id, reason: 'Group is full of beginners' })).toMatchObject({ status: 'rejected', rejectReason: 'Group is full of beginners' });
      expect(await t.call('admin', 'registrations:confirm', { id: a.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'Not approved: this registration cannot be confirmed.' } });
      expect(await t.call('desk', 'registrations:cancel', { id: a.id, reason: '' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
      const b = await mustWalkIn(w.id, 'Ben');
      await t.must('desk', 'registrations:cancel', { id: b.id, reason: '' });
      expect(await t.call('admin', 'registrations:confirm', { id: b.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'Cancelled: this registration cannot be confirmed.' } });
      const audit = (await t.must('admin', 'audit:list', { entityType: 'registration', entityId: a.id })).map((e) => e.action);
      expect(audit).toEqual(['registration.reject', 'registration.request']);
    });
  });

  describe('who may do what', () => {
    it('attendees see and cancel only their own registrations', async () => {
      const w = await publishedWorkshop(t, cat);
      await signedIn(t, 'attendee', 'bea');
      await signedIn(t, 'attendee', 'cal');
      const mine = await t.must('bea', 'registrations:register', { workshopId: w.id });
      expect(await t.must('cal', 'registrations:mine', {})).toEqual([]);
      expect(await t.call('cal', 'registrations:cancel', { id: mine.id, reason: '' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect((await t.must('bea', 'registrations:cancel', { id: mine.id, reason: '' })).status).toBe('cancelled');
    });

    it('an admin at the kiosk has no organiser powers over other people\'s registrations', async () => {
      const w = await publishedWorkshop(t, cat);
      const ann = await mustWalkIn(w.id, 'Ann');
      await signedIn(t, 'admin', 'kioskadmin', 'kiosk');
      expect(await t.call('kioskadmin', 'registrations:cancel', { id: ann.id, reason: '' }, 'kiosk')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    });
  });

  describe('workshop cancellation', () => {
    it('cancels every active registration with the reason; paid ones show refund due', async () => {
      const w = await publishedWorkshop(t, cat, { capacity: 2, waitlistEnabled: true, priceMinor: 3000 });
      const a = await mustWalkIn(w.id, 'Ann');
      await mustWalkIn(w.id, 'Ben');
      await mustWalkIn(w.id, 'Cy');
      await t.must('desk', 'payments:record', { id: a.id, kind: 'payment', method: 'card' });
      await t.must('admin', 'workshops:cancel', { id: w.id, reason: 'Venue flooded' });
      const list = await t.must('desk', 'registrations:forWorkshop', { workshopId: w.id });
      expect(list.map((r) => [r.personName, r.status, r.paymentStatus, r.cancelReason])).toEqual([
        ['Ann', 'cancelled', 'paid', 'Workshop cancelled: Venue flooded'],
        ['Ben', 'cancelled', 'not_required', 'Workshop cancelled: Venue flooded'],
        ['Cy', 'cancelled', 'not_required', 'Workshop cancelled: Venue flooded'],
      ]);
      expect(await t.must('desk', 'payments:outstanding', { workshopId: w.id })).toEqual([
        { workshopId: w.id, workshopTitle: w.title, currency: 'EUR', unpaidCount: 0, unpaidMinor: 0, refundDueCount: 1, refundDueMinor: 3000 },
      ]);
      expect((await t.must('desk', 'registrations:forWorkshop', { workshopId: w.id, payment: 'refund_due' })).map((r) => r.personName)).toEqual(['Ann']);
      expect(await seats(w.id)).toBe(0);
    });
  });

  describe('payments', () => {
    it('records payment, refund and waiver, each once, with who and how', async () => {
      const w = await publishedWorkshop(t, cat, { priceMinor: 4500 });
      const a = await mustWalkIn(w.id, 'Ann');
      const b = await mustWalkIn(w.id, 'Ben');
      expect(await t.must('desk', 'payments:outstanding', {})).toMatchObject([{ unpaidCount: 2, unpaidMinor: 9000 }]);
      expect(await t.call('desk', 'payments:record', { id: a.id, kind: 'payment' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { method: [expect.any(String)] } } });
      expect(await t.must('desk', 'payments:record', { id: a.id, kind: 'payment', method: 'cash', note: 'at the desk' })).toMatchObject({ paymentStatus: 'paid', paidMinor: 4500 });
      expect(await t.call('desk', 'payments:record', { id: a.id, kind: 'payment', method: 'cash' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'Already paid.' } });
      expect(await t.must('desk', 'payments:record', { id: b.id, kind: 'waiver', note: 'volunteer' })).toMatchObject({ paymentStatus: 'waived' });
      expect(await t.must('desk', 'payments:outstanding', {})).toEqual([]);
      await t.must('desk', 'registrations:cancel', { id: a.id, reason: '' });
      expect(await t.must('desk', 'payments:record', { id: a.id, kind: 'refund', method: 'card' })).toMatchObject({ paymentStatus: 'refunded', paidMinor: 0 });
      const rows = await t.core.ctx.db.selectFrom('payment').select(['kind', 'amount_minor', 'method', 'station']).orderBy('id').execute();
      expect(rows).toEqual([
        { kind: 'payment', amount_minor: 4500, method: 'cash', station: 'Test station' },
        { kind: 'waiver', amount_minor: 4500, method: 'none', station: 'Test station' },
        { kind: 'refund', amount_minor: 4500, method: 'card', station: 'Test station' },
      ]);
    });

    it('marks free registrations as nothing to pay', async () => {
      const w = await publishedWorkshop(t, cat, { priceMinor: 0 });
      const a = await mustWalkIn(w.id, 'Ann');
      expect(a.paymentStatus).toBe('not_required');
      expect(await t.call('desk', 'payments:record', { id: a.id, kind: 'payment', method: 'cash' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    });
  });

  describe('approval queue', () => {
    it('bulk-approves oldest first within each workshop\'s seats and reports every item', async () => {
      const roomy = await publishedWorkshop(t, cat, { inDays: 5, title: 'Roomy', capacity: 2, registrationMode: 'manual', waitlistEnabled: true });
      const tight = await publishedWorkshop(t, cat, { title: 'Tight', capacity: 1, registrationMode: 'manual', waitlistEnabled: false });
      const people: Record<string, string> = {};
      for (const [w, name] of [[roomy, 'R1'], [tight, 'T1'], [roomy, 'R2'], [roomy, 'R3'], [tight, 'T2'], [roomy, 'R4']] as const) {
        people[name] = (await mustWalkIn(w.id, name)).id;
      }
      const done = await mustWalkIn(roomy.id, 'Done');
      await t.must('admin', 'registrations:reject', { id: done.id, reason: 'duplicate' });

      const queue = await t.must('admin', 'registrations:queue', {});
      expect(queue.items.map((i) => i.personName)).toEqual(['R1', 'T1', 'R2', 'R3', 'T2', 'R4']);
      expect(queue.workshops.map((w) => [w.title, w.pending, w.seatsLeft])).toEqual([['Roomy', 4, 2], ['Tight', 2, 1]]);

      const result = await t.must('admin', 'registrations:bulkApprove', { selection: { ids: [...Object.values(people), done.id] } });
      const outcome = Object.fromEntries(result.items.map((i) => [i.personName || i.id, i.outcome]));
      expect(outcome).toEqual({ R1: 'approved', R2: 'approved', R3: 'waitlisted', R4: 'waitlisted', T1: 'approved', T2: 'full', [done.id]: 'not_pending' });
      expect(result.items.map((i) => i.personName || 'done')).toEqual(['R1', 'T1', 'R2', 'R3', 'T2', 'R4', 'done']);
      expect(result.counts).toEqual({ approved: 3, waitlisted: 2, full: 1, rejected: 0, not_pending: 1 });
      expect(await seats(roomy.id)).toBe(2);
      expect(await seats(tight.id)).toBe(1);
      const after = await t.must('desk', 'registrations:forWorkshop', { workshopId: roomy.id });
      expect(after.filter((r) => r.status === 'confirmed').every((r) => isValidTicketCode(r.ticketCode!))).toBe(true);
      // The waiting list follows request order: R3 asked before R4.
      expect(after.filter((r) => r.status === 'waitlisted').map((r) => [r.personName, r.waitlistPosition])).toEqual([['R3', 1], ['R4', 2]]);
      expect((await t.must('desk', 'registrations:forWorkshop', { workshopId: tight.id })).find((r) => r.personName === 'T2')).toMatchObject({ status: 'pending', ticketCode: null });
      expect((await t.must('admin', 'audit:list', { entityId: people.R3 }))[0]).toMatchObject({ action: 'registration.bulk_approve', after: { status: 'waitlisted' } });
    });

    it('approves and rejects everything matching a filter', async () => {
      const a = await publishedWorkshop(t, cat, { title: 'Alpha', capacity: 5, registrationMode: 'manual' });
      const b = await publishedWorkshop(t, cat, { title: 'Beta', capacity: 5, registrationMode: 'manual' });
      for (const n of ['a1', 'a2']) await mustWalkIn(a.id, n);
      for (const n of ['b1', 'b2', 'b3']) await mustWalkIn(b.id, n);
      const approved = await t.must('admin', 'registrations:bulkApprove', { selection: { filter: { workshopId: a.id } } });
      expect(approved.counts.approved).toBe(2);
      const rejected = await t.must('admin', 'registrations:bulkReject', { selection: { filter: { workshopId: b.id } }, reason: 'Workshop moved online' });
      expect(rejected.counts).toMatchObject({ rejected: 3, not_pending: 0 });
      expect((await t.must('admin', 'registrations:queue', {})).total).toBe(0);
      expect((await t.must('desk', 'registrations:forWorkshop', { workshopId: b.id }))[0]).toMatchObject({ status: 'rejected', rejectReason: 'Workshop moved online' });
    });
  });

  it('exports a CSV that spreadsheet programs open cleanly', async () => {
    const w = await publishedWorkshop(t, cat, { priceMinor: 1250 });
    await t.must('desk', 'registrations:registerPerson', { workshopId: w.id, name: 'Zoë "Zed" Ørsted, Jr.', email: 'zoe@example.com' });
    await t.must('desk', 'registrations:registerPerson', { workshopId: w.id, name: '=HYPERLINK("http://evil")', phone: '+49 30 1234' });
    const { filename, content } = await t.must('desk', 'registrations:exportCsv', { workshopId: w.id });
    expect(filename).toMatch(/^intro-to-watercolour-\d{4}-\d{2}-\d{2}-registrations\.csv$/);
    expect(content.startsWith('\uFEFF"Name","Email","Phone","Status"')).toBe(true);
    expect(content).toContain('"Zoë ""Zed"" Ørsted, Jr.","zoe@example.com","","Confirmed"');
    expect(content).toContain(`"'=HYPERLINK(""http://evil"")","","'+49 30 1234"`);
    expect(content).toContain('"€12.50","Not paid yet"');
    expect(content.split('\r\n')).toHaveLength(3);
  });
});

describe.each(testDatabaseKinds())('approval queue side panel on %s', (kind) => {
  let t: TestCore;
  beforeAll(async () => {
    t = await createTestCore(kind);
    await setupAdmin(t);
    await signedIn(t, 'staff', 'desk');
  });
  afterAll(() => t.close());

  it('shows a freed seat in an approval workshop beside its waiting list, even with no request pending', async () => {
    const cat = await category(t, 'Arts');
    const w = await publishedWorkshop(t, cat, { title: 'Freed seat', capacity: 1, registrationMode: 'manual', waitlistEnabled: true });
    const ids = [];
    for (const name of ['Ann', 'Ben']) {
      t.clock.advance(1000); // Ann asks first, so she gets the seat
      ids.push((await t.must('desk', 'registrations:registerPerson', { workshopId: w.id, name, email: `${name}@example.com` })).id);
    }
    await t.must('admin', 'registrations:bulkApprove', { selection: { ids } });
    await t.must('desk', 'registrations:cancel', { id: ids[0]!, reason: '' });
    const q = await t.must('admin', 'registrations:queue', {});
    expect(q.total).toBe(0);
    expect(q.workshops.map((x) => [x.title, x.pending, x.waitlisted, x.seatsLeft])).toEqual([['Freed seat', 0, 1, 1]]);
  });
});
