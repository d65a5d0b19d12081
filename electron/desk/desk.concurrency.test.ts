import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CheckInResult } from '../../shared/desk';
import type { Core } from '../core/create-core';
import { category, publishedWorkshop, startingIn } from '../../test/catalogue';
import { anotherStation, createTestCore, describeOnPostgres, setupAdmin, STRONG_PASSWORD, type TestCore } from '../../test/test-core';

/**
 * Eight desks (each its own core and connection pool, as eight computers would be) scanning the same
 * 200 tickets in random order at once: exactly 200 check-ins, every other scan told "already checked
 * in" by the station that won, and a retried request never counting twice.
 */
describeOnPostgres('eight desks scanning the same tickets at once', () => {
  const STATIONS = 8;
  const TICKETS = 200;
  let t: TestCore;
  const desks: Core[] = [];
  const codes: string[] = [];
  let workshopId = '';

  beforeAll(async () => {
    t = await createTestCore('postgres');
    await setupAdmin(t);
    await t.must('admin', 'users:create', { name: 'Desk Staff', email: 'desk@example.com', role: 'staff', password: STRONG_PASSWORD, mustChangePassword: false });
    const cat = await category(t, 'Baking');
    const w = await publishedWorkshop(t, cat, { ...startingIn(t, 10), capacity: TICKETS, priceMinor: 0 });
    workshopId = w.id;
    for (let i = 0; i < TICKETS; i++) codes.push((await t.must('admin', 'registrations:registerPerson', { workshopId, name: `Guest ${i}` })).ticketCode!);
    for (let i = 0; i < STATIONS; i++) desks.push(await anotherStation(t, `Front desk ${i + 1}`, { clientId: 'desk', email: 'desk@example.com' }));
  }, 180_000);
  afterAll(async () => {
    for (const d of desks) await d.close();
    await t.close();
  });

  it('gives exactly one check-in per ticket, names the winner to the others, and counts no retry twice', async () => {
    const shuffled = () => [...codes].sort(() => Math.random() - 0.5);
    const results = await Promise.all(
      desks.map(async (desk, i) => {
        const mine: { code: string; requestId: string; r: CheckInResult }[] = [];
        for (const code of shuffled()) {
          const requestId = randomUUID();
          const r = await desk.dispatch({ clientId: 'desk', surface: 'workstation' }, 'desk:checkIn', { ticketCode: code }, { requestId });
          if (!r.ok) throw new Error(`station ${i + 1}: ${r.error.code} ${r.error.message}`);
          mine.push({ code, requestId, r: r.data as CheckInResult });
        }
        return mine;
      }),
    );
    const all = results.flat();
    const won = all.filter((x) => x.r.outcome === 'checked_in');
    expect(won).toHaveLength(TICKETS);
    expect(new Set(won.map((x) => x.code)).size).toBe(TICKETS);
    expect(all.filter((x) => x.r.outcome === 'already')).toHaveLength(TICKETS * (STATIONS - 1));
    // Every check-in told its station the count as it landed: 1, 2, … 200, none twice, none missing.
    expect(won.map((x) => x.r.counts!.checkedIn).sort((a, b) => a - b)).toEqual(Array.from({ length: TICKETS }, (_, i) => i + 1));
    const winner = new Map(won.map((x) => [x.code, x.r.checkIn!]));
    for (const x of all.filter((y) => y.r.outcome === 'already')) expect(x.r.checkIn).toEqual(winner.get(x.code));

    // Retries of won requests (answers lost on the way back) are the same check-in, not a second one.
    const retried = await Promise.all(won.slice(0, 40).map((x, i) => desks[i % STATIONS]!.dispatch({ clientId: 'desk', surface: 'workstation' }, 'desk:checkIn', { ticketCode: x.code }, { requestId: x.requestId })));
    expect(retried.every((r) => r.ok && (r.data as CheckInResult).outcome === 'checked_in')).toBe(true);
    const counts = await sql<{ events: number; checked_in: number }>`select (select count(*) from checkin_event)::int as events,
      (select count(*) from registration where workshop_id = ${workshopId} and checkin_id is not null)::int as checked_in`.execute(t.core.ctx.db);
    expect(counts.rows[0]).toEqual({ events: TICKETS, checked_in: TICKETS });

    // Each station undoes its own check-ins, all at once: the workshop's count follows exactly.
    const undone = await Promise.all(
      results.map((mine, i) =>
        Promise.all(mine.filter((x) => x.r.outcome === 'checked_in').map((x) => desks[i]!.dispatch({ clientId: 'desk', surface: 'workstation' }, 'desk:undo', { checkInId: x.r.checkIn!.id }, { requestId: randomUUID() }))),
      ),
    );
    expect(undone.flat().every((r) => r.ok)).toBe(true);
    const after = await sql<{ held: number; recount: number }>`select coalesce(c.checked_in, 0) as held,
      (select count(*) from registration r where r.workshop_id = w.id and r.checkin_id is not null)::int as recount
      from workshop w left join workshop_checked_in c on c.workshop_id = w.id where w.id = ${workshopId}`.execute(t.core.ctx.db);
    expect(after.rows[0]).toEqual({ held: 0, recount: 0 });
  });

  it('the same scan sent twice at once (a double press, a resend after a stalled line) gets the same answer twice: checked in, once', async () => {
    const cat = await category(t, 'Twice');
    const w = await publishedWorkshop(t, cat, { ...startingIn(t, 10), capacity: 20, priceMinor: 0, title: 'Sent twice' });
    const tickets: string[] = [];
    for (let i = 0; i < 20; i++) tickets.push((await t.must('admin', 'registrations:registerPerson', { workshopId: w.id, name: `Twice ${i}` })).ticketCode!);
    const pairs = await Promise.all(
      tickets.map(async (code, i) => {
        const requestId = randomUUID();
        // Both copies from one station (its request id), on two of its connections at once.
        const copy = () => desks[i % STATIONS]!.dispatch({ clientId: 'desk', surface: 'workstation' }, 'desk:checkIn', { ticketCode: code }, { requestId });
        return Promise.all([copy(), copy()]);
      }),
    );
    for (const [a, b] of pairs) {
      expect(a!.ok && b!.ok).toBe(true);
      const [ra, rb] = [a!.ok && (a!.data as CheckInResult), b!.ok && (b!.data as CheckInResult)];
      expect([ra && ra.outcome, rb && rb.outcome]).toEqual(['checked_in', 'checked_in']);
      expect(ra && ra.checkIn!.id).toBe(rb && rb.checkIn!.id);
    }
    const events = await sql<{ n: number }>`select count(*)::int as n from checkin_event where workshop_id = ${w.id}`.execute(t.core.ctx.db);
    expect(events.rows[0]!.n).toBe(20);
  });

  it('check-ins at the door go on while the office holds the workshop (a bulk approval, a cancellation under way)', async () => {
    const cat = await category(t, 'Held');
    const w = await publishedWorkshop(t, cat, { ...startingIn(t, 10), capacity: 10, priceMinor: 0, title: 'Held by the office' });
    const tickets: string[] = [];
    for (let i = 0; i < 3; i++) tickets.push((await t.must('admin', 'registrations:registerPerson', { workshopId: w.id, name: `Door ${i}` })).ticketCode!);
    const office = new pg.Client({ connectionString: (t.databaseConfig as { url: string }).url });
    await office.connect();
    try {
      // What every change of a workshop's registrations takes first, held as a long one would.
      await office.query('begin');
      await office.query('select id from workshop where id = $1 for no key update', [w.id]);
      const scans = Promise.all(tickets.map((code, i) => desks[i]!.dispatch({ clientId: 'desk', surface: 'workstation' }, 'desk:checkIn', { ticketCode: code }, { requestId: randomUUID() })));
      const within = await Promise.race([scans.then((r) => r), new Promise<null>((r) => setTimeout(() => r(null), 3000))]);
      expect(within, 'the check-ins waited for the office to let go of the workshop').not.toBeNull();
      expect(within!.map((r) => r.ok && (r.data as CheckInResult).outcome)).toEqual(['checked_in', 'checked_in', 'checked_in']);
      expect(within!.map((r) => r.ok && (r.data as CheckInResult).counts?.checkedIn).sort()).toEqual([1, 2, 3]);
    } finally {
      await office.query('rollback');
      await office.end();
    }
  });

  it('two desks registering a walk-in for the last seat: one gets it, the other is told it is full', async () => {
    const cat = await category(t, 'Last seat');
    const w = await publishedWorkshop(t, cat, { ...startingIn(t, 10), capacity: 1, waitlistEnabled: false, priceMinor: 0, title: 'One seat' });
    const [a, b] = await Promise.all(desks.slice(0, 2).map((d, i) => d.dispatch({ clientId: 'desk', surface: 'workstation' }, 'desk:walkIn', { workshopId: w.id, name: `Walker ${i}`, checkIn: true }, { requestId: randomUUID() })));
    const outcomes = [a, b].map((r) => (r!.ok ? 'seated' : r!.error.message));
    expect(outcomes.sort()).toEqual(['This workshop is full, and it has no waiting list.', 'seated']);
    const seats = await sql<{ seats_taken: number }>`select seats_taken from workshop where id = ${w.id}`.execute(t.core.ctx.db);
    expect(seats.rows[0]!.seats_taken).toBe(1);
  });
});
