import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { formatTicketCode } from '../../shared/tickets';
import { category, publishedWorkshop, startingIn } from '../../test/catalogue';
import { setupAdmin, signedIn, STRONG_PASSWORD, testDatabaseKinds, useTestCore, type TestCore } from '../../test/test-core';

/** A workshop starting in `minutes` (negative: already running), and people registered for it. */
async function session(t: TestCore, cat: string, opts: { minutes?: number; priceMinor?: number; capacity?: number; mode?: 'automatic' | 'manual'; waitlist?: boolean; title?: string } = {}) {
  return publishedWorkshop(t, cat, { ...startingIn(t, opts.minutes ?? 15), priceMinor: opts.priceMinor ?? 0, capacity: opts.capacity ?? 30, registrationMode: opts.mode ?? 'automatic', waitlistEnabled: opts.waitlist ?? true, title: opts.title ?? 'Sourdough basics' });
}

describe.each(testDatabaseKinds())('the front desk on %s', (kind) => {
  let cat: string;
  const t = useTestCore(kind, async (core) => {
    await setupAdmin(core);
    await signedIn(core, 'staff', 'desk');
    cat = await category(core, 'Baking');
  });
  /** Time passes; the desk signs in again (sessions end after 30 idle minutes). */
  const later = async (ms: number) => {
    t.clock.advance(ms);
    await t.must('desk', 'auth:signIn', { email: 'desk@example.com', password: STRONG_PASSWORD });
    await t.must('admin', 'auth:signIn', { email: 'ada@example.com', password: STRONG_PASSWORD });
  };
  const walkIn = async (workshopId: string, name: string, extra: Record<string, unknown> = {}) => t.must('desk', 'registrations:registerPerson', { workshopId, name, ...extra });
  const scan = (code: string, extra: Record<string, unknown> = {}) => t.call('desk', 'desk:checkIn', { ticketCode: code, ...extra });
  const mustScan = async (code: string, extra: Record<string, unknown> = {}) => {
    const r = await scan(code, extra);
    if (!r.ok) throw new Error(r.error.message);
    return r.data;
  };

  describe('a scan answers who, what and why', () => {
    it('green: checked in, with the seat count, and undoable for two minutes at this station', async () => {
      const w = await session(t, cat);
      const ada = await walkIn(w.id, 'Ada Lovelace');
      await walkIn(w.id, 'Ben Ng');
      const r = await mustScan(formatTicketCode(ada.ticketCode!).toLowerCase());
      expect(r).toMatchObject({ outcome: 'checked_in', resultClass: 'ok', person: { name: 'Ada Lovelace' }, workshop: { title: 'Sourdough basics' }, counts: { checkedIn: 1, confirmed: 2 }, checkIn: { station: 'Test station', byName: 'staff desk' } });
      expect(new Date(r.undoUntil!).getTime() - new Date(r.checkIn!.at).getTime()).toBe(120_000);
      const events = await sql<{ kind: string; station: string; surface: string; actor_name: string }>`select kind, station, surface, actor_name from checkin_event`.execute(t.core.ctx.db);
      expect(events.rows).toEqual([{ kind: 'check_in', station: 'Test station', surface: 'workstation', actor_name: 'staff desk' }]);
    });

    it('orange: already checked in says when, where and by whom', async () => {
      const w = await session(t, cat);
      const ada = await walkIn(w.id, 'Ada Lovelace');
      const first = await mustScan(ada.ticketCode!);
      t.clock.advance(60_000);
      const again = await mustScan(ada.ticketCode!);
      expect(again).toMatchObject({ outcome: 'already', resultClass: 'already', checkIn: { id: first.checkIn!.id, at: first.checkIn!.at, station: 'Test station', byName: 'staff desk' } });
      expect((await sql<{ n: number }>`select count(*)::int as n from checkin_event`.execute(t.core.ctx.db)).rows[0]!.n).toBe(1);
    });

    it('amber: unpaid (with the amount), requested, on the waiting list, not open yet (and when), ended', async () => {
      const paid = await session(t, cat, { priceMinor: 1500, capacity: 1, title: 'Paid' });
      const owes = await walkIn(paid.id, 'Owes Money');
      expect(await mustScan(owes.ticketCode!)).toMatchObject({ outcome: 'unpaid', resultClass: 'attention', person: { amountDueMinor: 1500, currency: 'EUR' } });
      const waiting = await walkIn(paid.id, 'On The List', { email: 'list@example.com' });
      expect(waiting.status).toBe('waitlisted');
      const req = await walkIn((await session(t, cat, { mode: 'manual', title: 'Asks' })).id, 'Asks First');
      // Neither has a ticket: staff find them by name and press Enter.
      expect((await t.must('desk', 'desk:checkIn', { registrationId: waiting.id })).outcome).toBe('waitlisted');
      expect((await t.must('desk', 'desk:checkIn', { registrationId: req.id })).outcome).toBe('pending');
      const afternoon = await session(t, cat, { minutes: 180, title: 'Later' });
      const early = await mustScan((await walkIn(afternoon.id, 'Too Early')).ticketCode!);
      expect(early).toMatchObject({ outcome: 'not_open', resultClass: 'attention' });
      expect(new Date(early.opensAt!).getTime()).toBe(new Date(afternoon.startsAt).getTime() - 3600_000);
      const done = await session(t, cat, { minutes: -30, title: 'Running' });
      const late = (await t.must('desk', 'desk:walkIn', { workshopId: done.id, name: 'Late Comer', checkIn: false })).person;
      await later(3 * 3600_000);
      expect(await mustScan(late.ticketCode!)).toMatchObject({ outcome: 'ended', resultClass: 'attention' });
      expect(await mustScan(late.ticketCode!, { override: 'ended' })).toMatchObject({ outcome: 'checked_in' });
    });

    it('red: cancelled (and why), rejected, unknown code; a typo is not a code at all', async () => {
      const w = await session(t, cat);
      const gone = await walkIn(w.id, 'Changed Mind');
      await t.must('desk', 'registrations:cancel', { id: gone.id, reason: 'Train strike' });
      expect(await mustScan(gone.ticketCode!)).toMatchObject({ outcome: 'cancelled', resultClass: 'refused', person: { cancelReason: 'Train strike' } });
      const m = await session(t, cat, { mode: 'manual', title: 'Asks' });
      const no = await walkIn(m.id, 'Not This Time');
      await t.must('admin', 'registrations:reject', { id: no.id, reason: 'Fully booked' });
      expect((await t.must('desk', 'desk:checkIn', { registrationId: no.id })).outcome).toBe('rejected');
      expect(await mustScan('ABCD-EFGH')).toMatchObject({ outcome: 'unknown', resultClass: 'refused', person: null });
      const code = (await walkIn(w.id, 'Typo')).ticketCode!;
      const typo = code.slice(0, 7) + (code[7] === '2' ? '3' : '2');
      expect((await mustScan(typo)).outcome).toBe('unknown');
    });

    it('a ticket of another workshop is never checked in silently: it says which, and staff can check it in there', async () => {
      const here = await session(t, cat, { title: 'Here' });
      const there = await session(t, cat, { title: 'There' });
      const guest = await walkIn(there.id, 'Wrong Room');
      const r = await mustScan(guest.ticketCode!, { deskWorkshopId: here.id });
      expect(r).toMatchObject({ outcome: 'other_workshop', resultClass: 'refused', workshop: { id: there.id, title: 'There' } });
      expect(await sql`select 1 from checkin_event`.execute(t.core.ctx.db).then((x) => x.rows)).toEqual([]);
      expect(await mustScan(guest.ticketCode!, { deskWorkshopId: here.id, override: 'other_workshop' })).toMatchObject({ outcome: 'checked_in', workshop: { id: there.id } });
    });
  });

  describe('undo and reversal', () => {
    it('undoes the last check-in with one key for two minutes, at the station that made it; later only an admin reverses, with a reason', async () => {
      const w = await session(t, cat);
      const ada = await walkIn(w.id, 'Ada');
      const r = await mustScan(ada.ticketCode!);
      expect(await t.must('desk', 'desk:undo', { checkInId: r.checkIn!.id })).toEqual({ undone: ['checkIn'] });
      expect((await mustScan(ada.ticketCode!)).outcome).toBe('checked_in');
      const again = (await mustScan(ada.ticketCode!)).checkIn!;
      t.clock.advance(121_000);
      expect(await t.call('desk', 'desk:undo', { checkInId: again.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/2 minutes.*administrator/) } });
      expect(await t.call('desk', 'desk:reverse', { checkInId: again.id, reason: 'Wrong person' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      await t.must('admin', 'desk:reverse', { checkInId: again.id, reason: 'Wrong person' });
      expect(await t.call('admin', 'desk:reverse', { checkInId: again.id, reason: 'Twice' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/already been reversed/) } });
      // Nothing was deleted: two check-ins and two reversals, in order; the person is not checked in.
      const events = await sql<{ kind: string; reason: string | null }>`select kind, reason from checkin_event order by id`.execute(t.core.ctx.db);
      expect(events.rows).toEqual([
        { kind: 'check_in', reason: null },
        { kind: 'reversal', reason: 'Undone at the desk' },
        { kind: 'check_in', reason: null },
        { kind: 'reversal', reason: 'Wrong person' },
      ]);
      expect(await mustScan(ada.ticketCode!)).toMatchObject({ outcome: 'checked_in' });
      const audit = await sql<{ action: string }>`select action from audit_log where action like 'checkin.%' order by id`.execute(t.core.ctx.db);
      expect(audit.rows.map((a) => a.action)).toEqual(['checkin.check_in', 'checkin.undo', 'checkin.check_in', 'checkin.reverse', 'checkin.check_in']);
    });

    it('another station cannot undo this station\'s check-in', async () => {
      const w = await session(t, cat);
      const r = await mustScan((await walkIn(w.id, 'Ada')).ticketCode!);
      t.core.ctx.settings.write({ stationName: 'Front desk 2', databaseUrl: null });
      expect(await t.call('desk', 'desk:undo', { checkInId: r.checkIn!.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    });
  });

  describe('payment at the desk', () => {
    it('"Mark paid and check in": the amount fixed at registration, the change for cash, one transaction', async () => {
      const w = await session(t, cat, { priceMinor: 1500 });
      const owes = await walkIn(w.id, 'Pays Cash');
      const r = await t.must('desk', 'desk:payAndCheckIn', { registrationId: owes.id, method: 'cash', tenderedMinor: 2000 });
      expect(r).toMatchObject({ outcome: 'checked_in', person: { paymentStatus: 'paid', paidMinor: 1500 }, payment: { amountMinor: 1500, tenderedMinor: 2000, changeMinor: 500, method: 'cash', station: 'Test station' } });
      const reg = await t.must('desk', 'desk:checkIn', { registrationId: owes.id });
      expect(reg).toMatchObject({ outcome: 'already', person: { paymentStatus: 'paid', paidMinor: 1500 } });
      expect(await t.call('desk', 'desk:payAndCheckIn', { registrationId: owes.id, method: 'cash' })).toMatchObject({ ok: true, data: { outcome: 'already' } });
      expect((await sql<{ n: number }>`select count(*)::int as n from payment`.execute(t.core.ctx.db)).rows[0]!.n).toBe(1);
    });

    it('refuses too little cash before anything is written', async () => {
      const w = await session(t, cat, { priceMinor: 1500 });
      const owes = await walkIn(w.id, 'Short');
      expect(await t.call('desk', 'desk:payAndCheckIn', { registrationId: owes.id, method: 'cash', tenderedMinor: 1000 })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { tenderedMinor: [expect.stringMatching(/less than the €15\.00 due/)] } } });
      expect((await sql<{ n: number }>`select count(*)::int as n from payment`.execute(t.core.ctx.db)).rows[0]!.n).toBe(0);
    });

    it('a failure in the check-in leaves no payment either', async () => {
      const w = await session(t, cat, { priceMinor: 1500 });
      const owes = await walkIn(w.id, 'Unlucky');
      await sql`create function wb_test_refuse_checkin() returns trigger language plpgsql as $$ begin raise exception 'scanner on fire'; end $$`.execute(t.core.ctx.db);
      await sql`create trigger wb_test_refuse_checkin before insert on checkin_event for each row execute function wb_test_refuse_checkin()`.execute(t.core.ctx.db);
      try {
        const r = await t.call('desk', 'desk:payAndCheckIn', { registrationId: owes.id, method: 'card' });
        expect(r.ok).toBe(false);
      } finally {
        await sql`drop trigger wb_test_refuse_checkin on checkin_event`.execute(t.core.ctx.db);
        await sql`drop function wb_test_refuse_checkin()`.execute(t.core.ctx.db);
      }
      expect((await sql<{ n: number }>`select count(*)::int as n from payment`.execute(t.core.ctx.db)).rows[0]!.n).toBe(0);
      expect((await t.must('desk', 'desk:checkIn', { registrationId: owes.id })).outcome).toBe('unpaid');
    });

    it('undoes a desk payment with its check-in within two minutes; later a refund is the way', async () => {
      const w = await session(t, cat, { priceMinor: 1500 });
      const owes = await walkIn(w.id, 'Changes Mind');
      const r = await t.must('desk', 'desk:payAndCheckIn', { registrationId: owes.id, method: 'cash', tenderedMinor: 1500 });
      expect(await t.must('desk', 'desk:undo', { checkInId: r.checkIn!.id, paymentId: r.payment!.id })).toEqual({ undone: ['checkIn', 'payment'] });
      const after = await t.must('desk', 'desk:checkIn', { registrationId: owes.id });
      expect(after).toMatchObject({ outcome: 'unpaid', person: { paymentStatus: 'unpaid', paidMinor: 0 } });
      const again = await t.must('desk', 'desk:payAndCheckIn', { registrationId: owes.id, method: 'card' });
      t.clock.advance(180_000);
      expect(await t.call('desk', 'desk:undo', { paymentId: again.payment!.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/refund/) } });
      const kinds = await sql<{ kind: string }>`select kind from payment order by id`.execute(t.core.ctx.db);
      expect(kinds.rows.map((k) => k.kind)).toEqual(['payment', 'void', 'payment']);
    });

    it('a desk payment refunded since (or its registration cancelled) is no longer undone at the desk: nothing changes', async () => {
      const w = await session(t, cat, { priceMinor: 1500 });
      // Paid at the desk without checking in (a walk-in who comes back later), then refunded.
      const paid = await t.must('desk', 'desk:walkIn', { workshopId: w.id, name: 'Refunded Already', payment: { method: 'cash', note: '' }, checkIn: false });
      const paymentId = paid.payment!.id;
      await t.must('admin', 'payments:record', { id: paid.person.registrationId, kind: 'refund', method: 'cash', note: 'Could not stay' });
      expect(await t.call('desk', 'desk:undo', { paymentId })).toEqual({ ok: false, error: { code: 'CONFLICT', message: "This payment can no longer be undone here: it has been refunded since. See the registration's payments." } });
      const still = await t.must('desk', 'desk:checkIn', { registrationId: paid.person.registrationId });
      expect(still.person).toMatchObject({ paymentStatus: 'refunded', paidMinor: 0 });

      const other = await t.must('desk', 'desk:walkIn', { workshopId: w.id, name: 'Cancelled Since', payment: { method: 'card', note: '' }, checkIn: false });
      await t.must('admin', 'registrations:cancel', { id: other.person.registrationId, reason: 'Double booking' });
      expect(await t.call('desk', 'desk:undo', { paymentId: other.payment!.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/cancelled since\. Record a refund/) } });
      const rows = await sql<{ kind: string }>`select kind from payment order by id`.execute(t.core.ctx.db);
      expect(rows.rows.map((k) => k.kind)).toEqual(['payment', 'refund', 'payment']);
      const regs = await sql<{ payment_status: string }>`select payment_status from registration where id in (${paid.person.registrationId}, ${other.person.registrationId}) order by person_name`.execute(t.core.ctx.db);
      expect(regs.rows.map((r) => r.payment_status)).toEqual(['paid', 'refunded']);
    });
  });

  describe('a checked-in registration', () => {
    it('is not cancelled (by staff or by the attendee) until its check-in is reversed: the counts stay true', async () => {
      const w = await session(t, cat, { priceMinor: 0 });
      const reg = await walkIn(w.id, 'Came In', { email: 'came.in@example.com' });
      const done = await mustScan(reg.ticketCode!);
      expect(await t.call('desk', 'registrations:cancel', { id: reg.id, reason: 'Mistake' })).toEqual({
        ok: false,
        error: { code: 'CONFLICT', message: 'Came In has checked in already, so this registration cannot be cancelled. If they did not attend, an administrator reverses the check-in first (Desk, check-in list, Reverse…).' },
      });
      expect((await t.must('desk', 'desk:today', {})).find((s) => s.workshop.id === w.id)).toMatchObject({ checkedIn: 1, confirmed: 1 });
      await t.must('admin', 'desk:reverse', { checkInId: done.checkIn!.id, reason: 'Scanned the wrong ticket' });
      expect(await t.call('desk', 'registrations:cancel', { id: reg.id, reason: 'Did not come' })).toMatchObject({ ok: true, data: { status: 'cancelled' } });
      expect((await t.must('desk', 'desk:today', {})).find((s) => s.workshop.id === w.id)).toMatchObject({ checkedIn: 0, confirmed: 0 });
    });
  });

  describe('walk-ins', () => {
    it('registers, takes the money and checks in as one action — in an approval workshop too, and after the start', async () => {
      const w = await session(t, cat, { priceMinor: 2000, mode: 'manual', minutes: -30 });
      const r = await t.must('desk', 'desk:walkIn', { workshopId: w.id, name: 'Walks In', phone: '+49 30 1234', payment: { method: 'cash', tenderedMinor: 5000 }, checkIn: true });
      expect(r).toMatchObject({ person: { name: 'Walks In', status: 'confirmed', paymentStatus: 'paid' }, payment: { changeMinor: 3000 }, checkIn: { station: 'Test station' }, counts: { checkedIn: 1, confirmed: 1 } });
      expect(r.person.ticketCode).toMatch(/^[A-Z0-9]{8}$/);
    });

    it('warns before registering someone who looks already registered, and shows them', async () => {
      const w = await session(t, cat);
      await walkIn(w.id, 'Ann Lee', { phone: '030 1234 5678' });
      const same = await t.must('desk', 'desk:similar', { workshopId: w.id, name: 'ann  lee', phone: '' });
      expect(same.map((m) => [m.person.name, m.matchedBy])).toEqual([['Ann Lee', 'name']]);
      expect((await t.must('desk', 'desk:similar', { workshopId: w.id, name: 'Someone Else', phone: '+0301234 5678' })).map((m) => m.matchedBy)).toEqual(['phone']);
      const refused = await t.call('desk', 'desk:walkIn', { workshopId: w.id, name: 'Ann Lee', checkIn: false });
      expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/Ann Lee.*Confirmed.*register anyway/) } });
      expect(await t.call('desk', 'desk:walkIn', { workshopId: w.id, name: 'Ann Lee', checkIn: false, confirmDuplicate: true })).toMatchObject({ ok: true });
    });

    it('full: says so, offers the waiting list, and puts them on it when asked', async () => {
      const w = await session(t, cat, { capacity: 1 });
      await walkIn(w.id, 'Has The Seat');
      expect(await t.call('desk', 'desk:walkIn', { workshopId: w.id, name: 'Next One', checkIn: true })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/full.*waiting list/) } });
      expect(await t.must('desk', 'desk:walkIn', { workshopId: w.id, name: 'Next One', checkIn: true, waitlistIfFull: true })).toMatchObject({ person: { status: 'waitlisted', waitlistPosition: 1 }, checkIn: null });
    });

    it('a paid walk-in without payment is registered, not checked in', async () => {
      const w = await session(t, cat, { priceMinor: 900 });
      expect(await t.must('desk', 'desk:walkIn', { workshopId: w.id, name: 'Pays Later', checkIn: true })).toMatchObject({ person: { paymentStatus: 'unpaid' }, checkIn: null });
    });
  });

  describe('finding people', () => {
    it('by code, name prefix in any word, a misspelt name, email and phone — today first', async () => {
      const today = await session(t, cat, { title: 'Today' });
      const nextWeek = await publishedWorkshop(t, cat, { title: 'Next week', inDays: 7 });
      const ada = await walkIn(today.id, 'Ada Lovelace', { email: 'ada@analytical.org', phone: '+44 20 7946 0018' });
      await walkIn(nextWeek.id, 'Ada Lovelace', { email: 'ada@analytical.org' });
      await walkIn(today.id, 'Grace Hopper', { email: 'grace@navy.mil' });
      const names = async (q: string, scope: 'today' | 'all' = 'today') => (await t.must('desk', 'desk:search', { q, scope })).items.map((m) => `${m.person.name} @ ${m.workshop.title} (${m.matchedBy})`);
      expect(await names(formatTicketCode(ada.ticketCode!))).toEqual(['Ada Lovelace @ Today (code)']);
      expect(await names('love')).toEqual(['Ada Lovelace @ Today (name)']);
      expect(await names('hop gra')).toEqual(['Grace Hopper @ Today (name)']);
      expect(await names('ada', 'all')).toEqual(['Ada Lovelace @ Today (name)', 'Ada Lovelace @ Next week (name)']);
      expect(await names('grace@')).toEqual(['Grace Hopper @ Today (email)']);
      expect(await names('7946 0018')).toEqual(['Ada Lovelace @ Today (phone)']);
      const near = await t.must('desk', 'desk:search', { q: 'lovelce' });
      expect(near).toMatchObject({ nearOnly: true, items: [{ person: { name: 'Ada Lovelace' }, matchedBy: 'near' }] });
      expect(await names('zz')).toEqual([]);
    });

    it('across every workshop, a name thousands share still lists today\'s person and the exact name first', async () => {
      const today = await session(t, cat, { title: 'Today' });
      const later = await publishedWorkshop(t, cat, { title: 'Later', inDays: 20, capacity: 1000 });
      // More people than the search ranks per kind of match, all with the searched word in their name.
      await sql`insert into registration (id, workshop_id, person_name, status, requested_at, confirmed_at, amount_due_minor, currency, payment_status, station)
        select 'many-' || i, ${later.id}, 'Ann Schmidt-' || i, 'confirmed', now(), now(), 0, 'EUR', 'not_required', 'test'
        from generate_series(1, 600) i`.execute(t.core.ctx.db);
      await walkIn(today.id, 'Zora Schmidt');
      await walkIn(later.id, 'Schmidt');
      const found = (await t.must('desk', 'desk:search', { q: 'schmidt', scope: 'all', limit: 5 })).items.map((m) => `${m.person.name} @ ${m.workshop.title}`);
      expect(found[0]).toBe('Schmidt @ Later');
      expect(found[1]).toBe('Zora Schmidt @ Today');
      expect(found).toHaveLength(5);
    });
  });

  it("today's sessions with their counts, and the check-in list with who is in and the no-shows", async () => {
    const w = await session(t, cat, { priceMinor: 1000, minutes: -10 });
    const a = (await t.must('desk', 'desk:walkIn', { workshopId: w.id, name: 'Ann', checkIn: false })).person;
    await t.must('desk', 'desk:walkIn', { workshopId: w.id, name: 'Ben', checkIn: false });
    await t.must('desk', 'desk:payAndCheckIn', { registrationId: a.registrationId, method: 'card' });
    await publishedWorkshop(t, cat, { inDays: 3, title: 'Not today' });
    const sessions = await t.must('desk', 'desk:today', {});
    expect(sessions.map((s) => [s.workshop.title, s.checkedIn, s.confirmed, s.unpaid])).toEqual([['Sourdough basics', 1, 2, 1]]);
    const list = await t.must('desk', 'desk:checkIns', { workshopId: w.id });
    expect({ in: list.in.map((x) => x.person.name), notYet: list.notYet.map((p) => p.name), ended: list.ended }).toEqual({ in: ['Ann'], notYet: ['Ben'], ended: false });
    await later(3 * 3600_000);
    expect((await t.must('desk', 'desk:checkIns', { workshopId: w.id })).ended).toBe(true);
  });

  it('a repeated check-in request is the same check-in, not "already checked in"', async () => {
    const w = await session(t, cat);
    const ada = await walkIn(w.id, 'Ada');
    const id = randomUUID();
    const first = await t.must('desk', 'desk:checkIn', { ticketCode: ada.ticketCode! }, 'workstation', id);
    const again = await t.must('desk', 'desk:checkIn', { ticketCode: ada.ticketCode! }, 'workstation', id);
    expect(again).toMatchObject({ outcome: 'checked_in', checkIn: { id: first.checkIn!.id } });
  });
});
