import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CODE_FREE_FAILURES } from './failure-throttle';
import { category, publishedWorkshop, startingIn, workshopForm } from '../../test/catalogue';
import { setupAdmin, signedIn, STRONG_PASSWORD, testDatabaseKinds, useTestCore, type TestCore } from '../../test/test-core';
import { DEMO_ADMIN } from '../setup/demo-data';
import { loadDemoData } from '../setup/setup.service';
import { makeTicketCode } from '../../shared/tickets';

const KIOSK = 'kiosk-1';
const kiosk = <C extends Parameters<TestCore['call']>[1]>(t: TestCore, channel: C, input: Parameters<TestCore['call']>[2] & object, clientId = KIOSK) =>
  t.call(clientId, channel, input as never, 'kiosk');

/** A code with a valid check symbol that nobody holds (the deterministic first code of the alphabet). */
const nobodysCode = makeTicketCode(() => 0);
/** The same code with one symbol changed: the check symbol catches it. */
const typo = (code: string) => (code[0] === 'A' ? 'B' : 'A') + code.slice(1);

describe.each(testDatabaseKinds())('the self-service kiosk on %s', (kind) => {
  let cat: string;
  const t = useTestCore(kind, async (core) => {
    await setupAdmin(core);
    await signedIn(core, 'staff', 'desk');
    cat = await category(core, 'Baking');
  });

  const soon = (over: Parameters<typeof publishedWorkshop>[2] = {}) => publishedWorkshop(t, cat, { ...startingIn(t, 20), priceMinor: 0, title: 'Sourdough basics', venue: 'Room 2', ...over });
  const ticketFor = async (workshopId: string, name = 'Ada Lovelace', email = 'ada.lovelace@example.com') =>
    (await t.must('desk', 'registrations:registerPerson', { workshopId, name, email, phone: '+44 20 7946 0001' })).ticketCode!;

  describe('check-in by ticket code', () => {
    it('checks a paid-up ticket in and says only the first name, the workshop and where', async () => {
      const w = await soon();
      const code = await ticketFor(w.id);
      const r = await kiosk(t, 'kiosk:checkIn', { ticketCode: code.toLowerCase() });
      expect(r).toEqual({
        ok: true,
        data: { outcome: 'checked_in', firstName: 'Ada', workshop: { title: 'Sourdough basics', venue: 'Room 2', city: 'Berlin', startsAt: w.startsAt, timeZone: 'UTC' }, opensAt: null, amountDue: null },
      });
      // The desk sees the same check-in, made at the kiosk by nobody in particular.
      const desk = await t.must('desk', 'desk:checkIns', { workshopId: w.id });
      expect(desk.in.map((x) => [x.person.name, x.checkIn.surface, x.checkIn.byName])).toEqual([['Ada Lovelace', 'kiosk', null]]);
    });

    it('answers every other class as the desk would, without checking in', async () => {
      const cases: { outcome: string; code: () => Promise<string>; extra?: object }[] = [
        { outcome: 'already', code: async () => { const c = await ticketFor((await soon()).id); await kiosk(t, 'kiosk:checkIn', { ticketCode: c }); return c; } },
        { outcome: 'unpaid', code: async () => ticketFor((await soon({ priceMinor: 1500 })).id), extra: { amountDue: { minor: 1500, currency: 'EUR' } } },
        { outcome: 'not_open', code: async () => ticketFor((await publishedWorkshop(t, cat, { ...startingIn(t, 180), priceMinor: 0 })).id) },
        { outcome: 'cancelled', code: async () => { const w = await soon(); const reg = await t.must('desk', 'registrations:registerPerson', { workshopId: w.id, name: 'Ada Lovelace' }); await t.must('desk', 'registrations:cancel', { id: reg.id, reason: 'Ill' }); return reg.ticketCode!; } },
        { outcome: 'workshop_cancelled', code: async () => { const w = await soon(); const c = await ticketFor(w.id); await t.must('admin', 'workshops:cancel', { id: w.id, reason: 'Oven broke' }); return c; } },
      ];
      for (const c of cases) {
        const code = await c.code();
        const r = await t.must(KIOSK, 'kiosk:checkIn', { ticketCode: code }, 'kiosk');
        expect(r, c.outcome).toMatchObject({ outcome: c.outcome, firstName: 'Ada', ...c.extra });
        if (c.outcome === 'not_open') expect(r.opensAt).not.toBeNull();
        // The desk's own answer for the same ticket: the two never disagree.
        const desk = await t.must('desk', 'desk:checkIn', { ticketCode: code });
        expect(desk.outcome, c.outcome).toBe(c.outcome);
      }
      expect(await t.core.ctx.db.selectFrom('checkin_event').select('surface').execute()).toEqual([{ surface: 'kiosk' }]);
    });

    it('says when the workshop has ended', async () => {
      const code = await ticketFor((await soon()).id);
      t.clock.advance(3 * 3600_000);
      expect(await t.must(KIOSK, 'kiosk:checkIn', { ticketCode: code }, 'kiosk')).toMatchObject({ outcome: 'ended', firstName: 'Ada' });
    });

    it('tells a typo from an unknown code, and names nobody for either', async () => {
      const code = await ticketFor((await soon()).id);
      expect(await t.must(KIOSK, 'kiosk:checkIn', { ticketCode: typo(code) }, 'kiosk')).toEqual({ outcome: 'typo', firstName: null, workshop: null, opensAt: null, amountDue: null });
      expect(await t.must(KIOSK, 'kiosk:checkIn', { ticketCode: nobodysCode }, 'kiosk')).toEqual({ outcome: 'unknown', firstName: null, workshop: null, opensAt: null, amountDue: null });
    });

    it('makes guessing slow: after 10 failed codes a growing wait, per kiosk, while other kiosks go on', async () => {
      const code = await ticketFor((await soon()).id);
      for (let i = 0; i < CODE_FREE_FAILURES; i++) expect((await kiosk(t, 'kiosk:checkIn', { ticketCode: i % 2 ? nobodysCode : typo(code) })).ok).toBe(true);
      // Even the right code waits: a guesser cannot tell a hit from the wait.
      const refused = await kiosk(t, 'kiosk:checkIn', { ticketCode: code });
      expect(refused).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', message: expect.stringContaining('5 seconds') } });
      expect(await kiosk(t, 'kiosk:checkIn', { ticketCode: code }, 'kiosk-2')).toMatchObject({ ok: true, data: { outcome: 'checked_in' } });
      t.clock.advance(5_000);
      expect(await kiosk(t, 'kiosk:checkIn', { ticketCode: nobodysCode })).toMatchObject({ ok: true, data: { outcome: 'unknown' } });
      expect(await kiosk(t, 'kiosk:checkIn', { ticketCode: nobodysCode })).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', message: expect.stringContaining('10 seconds') } });
      // A quiet minute after the last wait: the streak is forgotten.
      t.clock.advance(71_000);
      for (let i = 0; i < CODE_FREE_FAILURES - 1; i++) expect((await kiosk(t, 'kiosk:checkIn', { ticketCode: nobodysCode })).ok).toBe(true);
    });

    it('counts codes sent all at once as a row of guesses: only the free ones are looked up', async () => {
      await ticketFor((await soon()).id);
      const answers = await Promise.all(Array.from({ length: 60 }, () => kiosk(t, 'kiosk:checkIn', { ticketCode: nobodysCode })));
      expect(answers.filter((a) => a.ok)).toHaveLength(CODE_FREE_FAILURES);
      expect(answers.filter((a) => !a.ok && a.error.code === 'RATE_LIMITED')).toHaveLength(60 - CODE_FREE_FAILURES);
    });
  });

  describe('registration', () => {
    it('a visitor\'s request id used again at another kiosk window gets nothing of theirs back', async () => {
      const w = await publishedWorkshop(t, cat, { priceMinor: 0, title: 'Bread', venue: 'Room 1' });
      const id = randomUUID();
      const mine = await t.must(KIOSK, 'kiosk:register', { workshopId: w.id, guest: { name: 'Grace Hopper', email: 'grace@example.com', phone: '' } }, 'kiosk', id);
      const other = await t.call('kiosk-2', 'kiosk:register', { workshopId: w.id, guest: { name: 'Eve Intruder', email: 'eve@example.com', phone: '' } }, 'kiosk', id);
      expect(other).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
      expect(JSON.stringify(other)).not.toMatch(new RegExp(`Grace|grace@|${mine.ticketCode}`));
      const sameDetailsElsewhere = await t.call('kiosk-2', 'kiosk:register', { workshopId: w.id, guest: { name: 'Grace Hopper', email: 'grace@example.com', phone: '' } }, 'kiosk', id);
      expect(sameDetailsElsewhere).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
      expect((await t.must('desk', 'registrations:forWorkshop', { workshopId: w.id })).map((r) => r.personName)).toEqual(['Grace Hopper']);
    });

    it('registers a guest to a confirmed ticket, and records it as the kiosk\'s', async () => {
      const w = await publishedWorkshop(t, cat, { priceMinor: 0, title: 'Bread', venue: 'Room 1' });
      const r = await t.must(KIOSK, 'kiosk:register', { workshopId: w.id, guest: { name: 'Grace Hopper', email: 'Grace@Example.com', phone: '' } }, 'kiosk');
      expect(r).toMatchObject({ outcome: 'confirmed', firstName: 'Grace', workshop: { title: 'Bread', venue: 'Room 1' }, waitlistPosition: null, amountDue: null });
      expect(r.ticketCode).toMatch(/^[2-9A-Z]{8}$/);
      const regs = await t.must('desk', 'registrations:forWorkshop', { workshopId: w.id });
      expect(regs.map((x) => [x.personName, x.personEmail, x.userId, x.ticketCode])).toEqual([['Grace Hopper', 'grace@example.com', null, r.ticketCode]]);
      const audit = await t.core.ctx.db.selectFrom('audit_log').select(['surface', 'actor_email']).where('action', '=', 'registration.confirm').execute();
      expect(audit).toEqual([{ surface: 'kiosk', actor_email: null }]);
    });

    it('says what happens next: the amount due at the desk, a request, a waiting-list place, full', async () => {
      const paid = await publishedWorkshop(t, cat, { priceMinor: 1500, title: 'Paid' });
      const manual = await publishedWorkshop(t, cat, { registrationMode: 'manual', title: 'By request' });
      const waitlist = await publishedWorkshop(t, cat, { capacity: 1, waitlistEnabled: true, title: 'Waitlist', priceMinor: 0 });
      const full = await publishedWorkshop(t, cat, { capacity: 1, waitlistEnabled: false, title: 'Full', priceMinor: 0 });
      for (const w of [waitlist, full]) await ticketFor(w.id, 'First In', 'first@example.com');
      const guest = { name: 'Grace Hopper', email: 'grace@example.com' };
      expect(await t.must(KIOSK, 'kiosk:register', { workshopId: paid.id, guest }, 'kiosk')).toMatchObject({ outcome: 'confirmed', amountDue: { minor: 1500, currency: 'EUR' } });
      expect(await t.must(KIOSK, 'kiosk:register', { workshopId: manual.id, guest }, 'kiosk')).toMatchObject({ outcome: 'requested', ticketCode: null });
      expect(await t.must(KIOSK, 'kiosk:register', { workshopId: waitlist.id, guest }, 'kiosk')).toMatchObject({ outcome: 'waitlisted', waitlistPosition: 1, ticketCode: null });
      expect(await t.must(KIOSK, 'kiosk:register', { workshopId: full.id, guest }, 'kiosk')).toMatchObject({ outcome: 'full', ticketCode: null });
    });

    it('never shows the registration an email already has', async () => {
      const w = await publishedWorkshop(t, cat, { priceMinor: 0 });
      await ticketFor(w.id, 'Ada Lovelace', 'ada.lovelace@example.com');
      const r = await kiosk(t, 'kiosk:register', { workshopId: w.id, guest: { name: 'Someone Else', email: 'ada.lovelace@example.com' } });
      expect(r).toEqual({ ok: false, error: { code: 'CONFLICT', message: 'You are already registered for this workshop. If you need your ticket, ask at the front desk.' } });
    });

    it('registers the account signed in at the kiosk, and asks a guest for name and email otherwise', async () => {
      const w = await publishedWorkshop(t, cat, { priceMinor: 0 });
      expect(await kiosk(t, 'kiosk:register', { workshopId: w.id })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      await signedIn(t, 'attendee', 'kioskvisitor', 'kiosk');
      expect(await t.must('kioskvisitor', 'kiosk:register', { workshopId: w.id }, 'kiosk')).toMatchObject({ outcome: 'confirmed', firstName: 'attendee' });
      expect((await t.must('kioskvisitor', 'registrations:mine', {}, 'kiosk')).map((r) => r.workshopId)).toEqual([w.id]);
    });
  });

  describe('accounts at the kiosk', () => {
    it('refuses the demo admin (a password still to be changed) with "Sign in at a staff workstation first"', async () => {
      await loadDemoData(t.core.ctx, { actorId: null, actorEmail: 'test', station: 'Test station', surface: 'workstation' }, { onlyWhenEmpty: false });
      const r = await t.call(KIOSK, 'auth:signIn', { email: DEMO_ADMIN.email, password: DEMO_ADMIN.password }, 'kiosk');
      expect(r).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: 'Sign in at a staff workstation first.' } });
      expect(await t.must(KIOSK, 'auth:session', {}, 'kiosk')).toBeNull();
      expect(await kiosk(t, 'auth:changePassword', { currentPassword: DEMO_ADMIN.password, newPassword: 'taken over at the kiosk' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
      // At a workstation the same account signs in (and must choose a new password there).
      expect(await t.must('ws', 'auth:signIn', { email: DEMO_ADMIN.email, password: DEMO_ADMIN.password })).toMatchObject({ user: { mustChangePassword: true } });
    });

    it('gives an organiser signed in at the kiosk an attendee\'s powers only: no drafts, nobody else\'s registrations', async () => {
      const draft = await t.must('admin', 'workshops:create', { ...workshopForm(t, cat), title: 'Secret draft' });
      await signedIn(t, 'admin', 'kioskadmin', 'kiosk');
      expect(await t.must('kioskadmin', 'auth:session', {}, 'kiosk')).toMatchObject({ user: { role: 'attendee' } });
      expect(await t.call('kioskadmin', 'workshops:get', { id: draft.id }, 'kiosk')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(await t.call('admin', 'workshops:get', { id: draft.id })).toMatchObject({ ok: true });
      expect(await t.call('kioskadmin', 'desk:search', { q: 'ada' }, 'kiosk')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await t.call('kioskadmin', 'kiosk:register', { workshopId: draft.id }, 'kiosk')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    });
  });

  describe('leaving kiosk mode', () => {
    const exits: string[] = [];
    const setPin = async (pin: string | null) => t.must('admin', 'kiosk:updateSettings', { pin, resultResetSeconds: 5, idleResetSeconds: 60 });

    it('takes the PIN an admin set (stored hashed, never sent back), and throttles wrong ones', async () => {
      t.core.ctx.kiosk.exit = (id) => exits.push(id);
      expect(await kiosk(t, 'kiosk:exit', { pin: '2468' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await setPin('2468')).toEqual({ pinSet: true, resultResetSeconds: 5, idleResetSeconds: 60 });
      const stored = t.core.ctx.settings.read().kiosk!.pinHash!;
      expect(stored).not.toContain('2468');
      expect(JSON.stringify(await t.must('admin', 'kiosk:getSettings', {}))).not.toContain(stored.slice(10));
      for (let i = 0; i < 5; i++) expect(await kiosk(t, 'kiosk:exit', { pin: '1111' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: 'That PIN is not right.' } });
      expect(await kiosk(t, 'kiosk:exit', { pin: '2468' })).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', message: expect.stringContaining('30 seconds') } });
      expect(exits).toEqual([]);
      t.clock.advance(30_000);
      expect(await kiosk(t, 'kiosk:exit', { pin: '2468' })).toEqual({ ok: true, data: { exited: true } });
      expect(exits).toEqual([KIOSK]);
      const audit = await t.core.ctx.db.selectFrom('audit_log').select(['action', 'surface']).where('action', 'like', 'kiosk.%').orderBy('id').execute();
      expect(audit.map((a) => `${a.action}@${a.surface}`)).toEqual(['kiosk.settings@workstation', ...Array(5).fill('kiosk.exit_refused@kiosk'), 'kiosk.exit@kiosk']);
    });

    it('counts PINs sent all at once as a row of wrong ones: the sixth and later wait, unchecked', async () => {
      await setPin('2468');
      const answers = await Promise.all(Array.from({ length: 40 }, () => kiosk(t, 'kiosk:exit', { pin: '1111' })));
      expect(answers.filter((a) => !a.ok && a.error.code === 'VALIDATION')).toHaveLength(5);
      expect(answers.filter((a) => !a.ok && a.error.code === 'RATE_LIMITED')).toHaveLength(35);
    });

    it('takes an administrator\'s sign-in, not staff\'s, and leaves nobody signed in', async () => {
      exits.length = 0;
      t.core.ctx.kiosk.exit = (id) => exits.push(id);
      expect(await kiosk(t, 'kiosk:exit', { email: 'desk@example.com', password: STRONG_PASSWORD })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await kiosk(t, 'kiosk:exit', { email: 'ada@example.com', password: 'wrong password here' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
      expect(await kiosk(t, 'kiosk:exit', { email: 'ada@example.com', password: STRONG_PASSWORD })).toEqual({ ok: true, data: { exited: true } });
      expect(exits).toEqual([KIOSK]);
      expect(await t.must(KIOSK, 'auth:session', {}, 'kiosk')).toBeNull();
    });
  });

  it('says the kiosk is not ready on a station nobody has set up, and shows nothing of where the data is', async () => {
    expect(await t.must(KIOSK, 'kiosk:status', {}, 'kiosk')).toEqual({ ready: true, stationName: 'Test station', locale: null, resultResetSeconds: 5, idleResetSeconds: 60, pinSet: false });
    await t.reset();
    expect(await t.must(KIOSK, 'kiosk:status', {}, 'kiosk')).toMatchObject({ ready: false });
    expect(await t.call(KIOSK, 'setup:loadDemoData', {}, 'kiosk')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
