import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CheckInResult } from '../../shared/desk';
import type { Result } from '../../shared/errors';
import type { Core } from '../core/create-core';
import { category, publishedWorkshop, startingIn } from '../../test/catalogue';
import { anotherStation, createTestCore, describeOnPostgres, setupAdmin, STRONG_PASSWORD, type TestCore } from '../../test/test-core';

/**
 * Event day on three computers (each its own core and pool): two desks check people in — some paying
 * at the desk — while an organiser's station cancels the same registrations, and then the whole
 * workshop. Every answer is a plain outcome or a refusal that says why; PostgreSQL never has to break
 * a deadlock (check-ins, payments and undos take the workshop's row before the registration's, as
 * cancellations do); and the counts shown at the desk agree with the registrations.
 */
describeOnPostgres('check-ins and desk payments racing cancellations at other stations', () => {
  let t: TestCore;
  const stations: Core[] = [];
  const desk = (i: number) => ({ clientId: 'desk', surface: 'workstation' as const, core: stations[i]! });
  const organiser = () => ({ clientId: 'admin', surface: 'workstation' as const, core: stations[2]! });
  const send = (s: { clientId: string; surface: 'workstation'; core: Core }, channel: string, input: unknown, requestId: string | null = randomUUID()) =>
    s.core.dispatch({ clientId: s.clientId, surface: s.surface }, channel, input, requestId ? { requestId } : undefined) as Promise<Result<unknown>>;

  const deadlocks = async () => {
    await sql`select pg_stat_clear_snapshot()`.execute(t.core.ctx.db);
    return (await sql<{ n: number }>`select deadlocks::int as n from pg_stat_database where datname = current_database()`.execute(t.core.ctx.db)).rows[0]!.n;
  };

  beforeAll(async () => {
    t = await createTestCore('postgres');
    await setupAdmin(t);
    await t.must('admin', 'users:create', { name: 'Desk Staff', email: 'desk@example.com', role: 'staff', password: STRONG_PASSWORD, mustChangePassword: false });
    const staff = { clientId: 'desk', email: 'desk@example.com' };
    stations.push(await anotherStation(t, 'Front desk 1', staff), await anotherStation(t, 'Front desk 2', staff), await anotherStation(t, 'Office', { clientId: 'admin', email: 'ada@example.com' }));
  }, 120_000);
  afterAll(async () => {
    for (const s of stations) await s.close();
    await t.close();
  });

  it('gives every scan, payment and cancellation a real answer, never a deadlock, and counts that add up', async () => {
    const cat = await category(t, 'Ceramics');
    const free = await publishedWorkshop(t, cat, { ...startingIn(t, 10), capacity: 60, priceMinor: 0 });
    const paid = await publishedWorkshop(t, cat, { ...startingIn(t, 10), capacity: 60, priceMinor: 1500 });
    const people = async (workshopId: string, n: number) => {
      const out: { id: string; ticketCode: string }[] = [];
      for (let i = 0; i < n; i++) {
        const r = await t.must('admin', 'registrations:registerPerson', { workshopId, name: `Guest ${i}`, email: `guest${i}.${workshopId.slice(0, 6)}@example.com` });
        out.push({ id: r.id, ticketCode: r.ticketCode! });
      }
      return out;
    };
    const atFree = await people(free.id, 40);
    const atPaid = await people(paid.id, 40);
    const before = await deadlocks();

    const shuffled = <T,>(xs: T[]) => [...xs].sort(() => Math.random() - 0.5);
    const answers: { what: string; r: Result<unknown> }[] = [];
    const run = async (what: string, calls: (() => Promise<Result<unknown>>)[]) => {
      for (const c of calls) answers.push({ what, r: await c() });
    };
    await Promise.all([
      run('desk 1 checks in', shuffled(atFree).map((p) => () => send(desk(0), 'desk:checkIn', { ticketCode: p.ticketCode }))),
      run('desk 2 takes payment and checks in', shuffled(atPaid).map((p) => () => send(desk(1), 'desk:payAndCheckIn', { registrationId: p.id, method: 'cash', note: '' }))),
      run('office cancels', shuffled([...atFree, ...atPaid]).map((p) => () => send(organiser(), 'registrations:cancel', { id: p.id, reason: 'Changed plans' }))),
    ]);
    // Then each desk undoes what it did while the office cancels what is left of the paid workshop.
    const undoable = answers.filter((a) => a.r.ok && (a.r.data as CheckInResult).outcome === 'checked_in').map((a) => a.r.ok && (a.r.data as CheckInResult));
    await Promise.all([
      run('desks undo', undoable.map((c) => () => send(c && c.payment ? desk(1) : desk(0), 'desk:undo', { checkInId: c && c.checkIn!.id, paymentId: c && c.payment ? c.payment.id : undefined }))),
      run('office cancels the paid workshop', [() => send(organiser(), 'workshops:cancel', { id: paid.id, reason: 'Kiln broken' })]),
    ]);

    const refusals = answers.filter((a) => !a.r.ok).map((a) => `${a.what}: ${!a.r.ok && a.r.error.code} ${!a.r.ok && a.r.error.message}`);
    // Refusals say what happened ("has checked in already", "already reversed"), nothing else.
    expect(refusals.filter((x) => !/: CONFLICT /.test(x))).toEqual([]);
    expect(answers.length).toBe(80 + 80 + undoable.length + 1);
    expect(answers.find((a) => a.what === 'office cancels the paid workshop')!.r.ok).toBe(true);

    const regs = await sql<{ status: string; checked_in: boolean; payment_status: string; workshop_id: string }>`
      select status, checkin_id is not null as checked_in, payment_status, workshop_id from registration where workshop_id in (${free.id}, ${paid.id})`.execute(t.core.ctx.db);
    // Nobody whose own registration was cancelled is counted in (a cancelled workshop keeps who came).
    for (const r of regs.rows.filter((x) => x.workshop_id === free.id)) expect(r.status === 'cancelled' && r.checked_in, JSON.stringify(r)).toBe(false);
    const counts = await sql<{ id: string; seats_taken: number; checked_in: number; confirmed: number; in: number }>`
      select w.id, w.seats_taken, coalesce((select c.checked_in from workshop_checked_in c where c.workshop_id = w.id), 0) as checked_in,
        (select count(*)::int from registration r where r.workshop_id = w.id and r.status = 'confirmed') as confirmed,
        (select count(*)::int from registration r where r.workshop_id = w.id and r.checkin_id is not null) as in
      from workshop w where w.id in (${free.id}, ${paid.id})`.execute(t.core.ctx.db);
    for (const w of counts.rows) {
      expect(w.checked_in).toBe(w.in);
      if (w.id === free.id) expect(w.seats_taken).toBe(w.confirmed);
    }

    // The backends' statistics reach the server when their connections end.
    for (const s of stations.splice(0)) await s.close();
    await new Promise((r) => setTimeout(r, 1500));
    expect(await deadlocks()).toBe(before);
  }, 120_000);
});
