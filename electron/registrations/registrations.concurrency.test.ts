import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Caller } from '../core/caller';
import { createCore, type Core } from '../core/create-core';
import { category, publishedWorkshop } from '../../test/catalogue';
import { createTestCore, setupAdmin, testDatabaseKinds, type TestCore } from '../../test/test-core';
import { bulkApprove } from './approval-queue';
import { cancelWorkshop } from '../workshops/workshops.service';
import { cancelRegistration, register } from './registrations.service';
import { cancelActiveRegistrations } from './workshop-cancellation';

const STATIONS = 4;

/**
 * Several stations on one database, each its own core and connection pool, racing for the same
 * seats. On PostgreSQL the calls truly interleave; PGlite has one connection, so there the same
 * calls run one after another and must reach the same end state.
 */
describe.each(testDatabaseKinds())('capacity under concurrency on %s', (kind) => {
  let t: TestCore;
  let stations: Core[];
  let cat: string;

  beforeAll(async () => {
    t = await createTestCore(kind);
    const extra =
      kind === 'postgres'
        ? await Promise.all(
            Array.from({ length: STATIONS - 1 }, () =>
              createCore({ database: t.databaseConfig, settingsFile: join(mkdtempSync(join(tmpdir(), 'wb-st-')), 's.json'), clock: t.clock.now, bcryptCost: 4, logError: () => undefined }),
            ),
          )
        : [];
    stations = [t.core, ...extra];
  });
  afterAll(async () => {
    for (const s of stations.slice(1)) await s.close();
    await t.close();
  });
  beforeEach(async () => {
    await t.reset();
    await setupAdmin(t);
    cat = await category(t, 'Arts');
  });

  const callerAt = (i: number): Caller => ({ clientId: `st${i}`, surface: 'workstation', station: `Station ${i}`, user: { id: 'staff', name: 'Desk', email: 'desk@example.com', role: 'staff', mustChangePassword: false }, role: 'staff', sessionToken: null });
  const station = (i: number) => stations[i % stations.length]!.ctx;
  const counts = async (workshopId: string) => {
    const rows = await sql<{ status: string; n: number }>`select status, count(*)::int as n from registration where workshop_id = ${workshopId} group by status`.execute(t.core.ctx.db);
    const seats = await sql<{ seats_taken: number }>`select seats_taken from workshop where id = ${workshopId}`.execute(t.core.ctx.db);
    return { ...Object.fromEntries(rows.rows.map((r) => [r.status, r.n])), seatsTaken: seats.rows[0]!.seats_taken };
  };

  it('200 simultaneous bookings for 10 seats: exactly 10 confirmed, the rest waitlisted in one order', async () => {
    const w = await publishedWorkshop(t, cat, { capacity: 10, waitlistEnabled: true });
    const results = await Promise.allSettled(
      Array.from({ length: 200 }, (_, i) => register(station(i), callerAt(i % STATIONS), w.id, { userId: null, name: `Person ${i}`, email: `p${i}@example.com`, phone: null })),
    );
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    expect(await counts(w.id)).toEqual({ confirmed: 10, waitlisted: 190, seatsTaken: 10 });
    const positions = await sql<{ pos: number }>`select row_number() over (order by waitlist_seq)::int as pos, count(*) over (partition by waitlist_seq)::int as dup from registration where workshop_id = ${w.id} and status = 'waitlisted'`.execute(t.core.ctx.db);
    expect(positions.rows).toHaveLength(190);
    expect(positions.rows.every((r) => (r as unknown as { dup: number }).dup === 1)).toBe(true);
  });

  it('without a waiting list the other 190 are told it is full', async () => {
    const w = await publishedWorkshop(t, cat, { capacity: 10, waitlistEnabled: false });
    const results = await Promise.allSettled(
      Array.from({ length: 200 }, (_, i) => register(station(i), callerAt(i % STATIONS), w.id, { userId: null, name: `Person ${i}`, email: `p${i}@example.com`, phone: null })),
    );
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused).toHaveLength(190);
    expect(new Set(refused.map((r) => (r.reason as Error).message))).toEqual(new Set(['This workshop is full, and it has no waiting list.']));
    expect(await counts(w.id)).toEqual({ confirmed: 10, seatsTaken: 10 });
  });

  it('two admins bulk-approving overlapping selections never approve past the seats or twice', async () => {
    const w = await publishedWorkshop(t, cat, { capacity: 10, registrationMode: 'manual', waitlistEnabled: true });
    const ids: string[] = [];
    for (let i = 0; i < 100; i++) ids.push((await register(station(0), callerAt(0), w.id, { userId: null, name: `P${i}`, email: `q${i}@example.com`, phone: null })).id);
    const [a, b] = await Promise.all([bulkApprove(station(0), callerAt(0), { ids: ids.slice(0, 70) }), bulkApprove(station(1), callerAt(1), { ids: ids.slice(30) })]);
    expect(await counts(w.id)).toEqual({ confirmed: 10, waitlisted: 90, seatsTaken: 10 });
    // Every request was decided exactly once; the overlap was "no longer pending" for whoever came second.
    const decided = [...a.items, ...b.items].filter((i) => i.outcome === 'approved' || i.outcome === 'waitlisted');
    expect(decided).toHaveLength(100);
    expect(new Set(decided.map((i) => i.id)).size).toBe(100);
    expect(a.counts.not_pending + b.counts.not_pending).toBe(40);
    const audits = await sql<{ n: number }>`select count(*)::int as n from audit_log where action = 'registration.bulk_approve'`.execute(t.core.ctx.db);
    expect(audits.rows[0]!.n).toBe(100);
  });

  it('a bulk approval racing people who withdraw their requests: seats match the tickets, the report matches the database', async () => {
    const w = await publishedWorkshop(t, cat, { capacity: 20, registrationMode: 'manual', waitlistEnabled: true });
    const ids: string[] = [];
    for (let i = 0; i < 60; i++) ids.push((await register(station(0), callerAt(0), w.id, { userId: null, name: `P${i}`, email: `r${i}@example.com`, phone: null })).id);
    const withdrawn = ids.filter((_, i) => i % 3 === 0);
    const [approval, ...withdrawals] = await Promise.allSettled([
      bulkApprove(station(1), callerAt(1), { ids }),
      ...withdrawn.map((id, i) => cancelRegistration(station(2 + (i % 2)), callerAt(2 + (i % 2)), id, 'Cannot come')),
    ]);
    expect(withdrawals.filter((r) => r.status === 'rejected')).toEqual([]);
    expect(approval.status).toBe('fulfilled');
    const report = (approval as PromiseFulfilledResult<Awaited<ReturnType<typeof bulkApprove>>>).value;
    const c = (await counts(w.id)) as Record<string, number>;
    expect(c.cancelled).toBe(20);
    expect(c.seatsTaken).toBe(c.confirmed ?? 0);
    expect((c.confirmed ?? 0) + (c.waitlisted ?? 0) + (c.pending ?? 0)).toBe(40);
    // A request withdrawn before the approval reached it is reported as no longer pending, never as approved.
    const status = new Map((await sql<{ id: string; status: string }>`select id, status from registration where workshop_id = ${w.id}`.execute(t.core.ctx.db)).rows.map((r) => [r.id, r.status]));
    for (const item of report.items) {
      if (item.outcome === 'not_pending') expect(status.get(item.id)).toBe('cancelled');
      if (!withdrawn.includes(item.id)) expect(status.get(item.id), item.personName).toBe(item.outcome === 'approved' ? 'confirmed' : item.outcome === 'waitlisted' ? 'waitlisted' : 'pending');
    }
    expect(report.items).toHaveLength(60);
  });

  it('a workshop cancelled while bookings pour in leaves no registration behind it', async () => {
    for (const mode of ['automatic', 'manual'] as const) {
      const w = await publishedWorkshop(t, cat, { capacity: 40, waitlistEnabled: true, registrationMode: mode });
      const book = (i: number) => register(station(i), callerAt(i % STATIONS), w.id, { userId: null, name: `P${i}`, email: `${mode}${i}@example.com`, phone: null });
      const before = Array.from({ length: 30 }, (_, i) => book(i));
      const cancelled = cancelWorkshop(station(1), callerAt(1), { id: w.id, reason: 'Venue flooded' }, cancelActiveRegistrations);
      const after = Array.from({ length: 30 }, (_, i) => book(30 + i));
      const results = await Promise.allSettled([...before, ...after]);
      await cancelled;
      // Whichever side of the cancellation each booking fell on: cancelled with the workshop, or refused.
      const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => (r.reason as Error).message);
      expect(new Set(refused), mode).toEqual(refused.length ? new Set(['This workshop is cancelled: registration is closed.']) : new Set());
      const made = results.length - refused.length;
      expect(await counts(w.id), mode).toEqual({ ...(made ? { cancelled: made } : {}), seatsTaken: 0 });
    }
  });

  it('simultaneous cancellations promote each waiting person once and lose no seat', async () => {
    const w = await publishedWorkshop(t, cat, { capacity: 10, waitlistEnabled: true });
    const regs = [];
    for (let i = 0; i < 30; i++) regs.push(await register(station(0), callerAt(0), w.id, { userId: null, name: `P${i}`, email: `c${i}@example.com`, phone: null }));
    const confirmed = regs.filter((r) => r.status === 'confirmed');
    expect(confirmed).toHaveLength(10);
    await Promise.all(confirmed.slice(0, 8).map((r, i) => cancelRegistration(station(i), callerAt(i % STATIONS), r.id, 'race')));
    expect(await counts(w.id)).toEqual({ cancelled: 8, confirmed: 10, waitlisted: 12, seatsTaken: 10 });
    // The first eight on the waiting list, and only they, were promoted — each once.
    const promoted = await sql<{ entity_id: string }>`select entity_id from audit_log where action = 'registration.promote'`.execute(t.core.ctx.db);
    expect(promoted.rows.map((r) => r.entity_id).sort()).toEqual(regs.slice(10, 18).map((r) => r.id).sort());
  });
});
