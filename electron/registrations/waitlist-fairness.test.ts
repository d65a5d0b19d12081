import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../core/caller';
import { createCore, type Core } from '../core/create-core';
import { category, publishedWorkshop, workshopForm } from '../../test/catalogue';
import { expectSeatsConsistent } from '../../test/seat-invariants';
import { createTestCore, setupAdmin, testDatabaseKinds, type TestCore } from '../../test/test-core';
import { cancelRegistration, register, type Person } from './registrations.service';

/**
 * A cancellation racing new bookings for a full instant-confirmation workshop with a waiting list.
 * Whatever the interleaving, the freed seat goes to the first person waiting — never to a newcomer —
 * and the seat counter, the confirmed registrations and the waiting list agree after every trial.
 * On PostgreSQL every call comes from its own station (core and pool), so they truly interleave.
 */
describe.each(testDatabaseKinds())('waiting list fairness under races on %s', (kind) => {
  const STATIONS = 6;
  const TRIALS = kind === 'postgres' ? 80 : 10;
  let t: TestCore;
  let stations: Core[];
  let cat: string;

  beforeAll(async () => {
    t = await createTestCore(kind);
    const extra =
      kind === 'postgres'
        ? await Promise.all(
            Array.from({ length: STATIONS - 1 }, () =>
              createCore({ database: t.databaseConfig, settingsFile: join(mkdtempSync(join(tmpdir(), 'wb-fair-')), 's.json'), clock: t.clock.now, bcryptCost: 4, logError: () => undefined }),
            ),
          )
        : [];
    stations = [t.core, ...extra];
    await setupAdmin(t);
    cat = await category(t, 'Baking');
  }, 120_000);
  afterAll(async () => {
    for (const s of stations.slice(1)) await s.close();
    await t.close();
  });

  const caller = (i: number): Caller => ({ clientId: `st${i}`, surface: 'workstation', station: `Station ${i}`, user: { id: 'desk', name: 'Desk', email: 'desk@example.com', role: 'staff', mustChangePassword: false }, role: 'staff', sessionToken: null });
  const at = (i: number) => stations[i % stations.length]!.ctx;
  const person = (tag: string): Person => ({ userId: null, name: tag, email: `${tag}@example.com`, phone: null });

  /** A full workshop with `waiting` people on its list. */
  async function fullWorkshop(trial: number, capacity: number, waiting: number) {
    const w = await publishedWorkshop(t, cat, { capacity, waitlistEnabled: true, title: `Bread ${trial}` });
    const seated = [];
    for (let i = 0; i < capacity; i++) seated.push(await register(at(0), caller(0), w.id, person(`t${trial}-seat${i}`)));
    const queue = [];
    for (let i = 0; i < waiting; i++) queue.push(await register(at(0), caller(0), w.id, person(`t${trial}-wait${i}`)));
    expect(queue.every((r) => r.status === 'waitlisted')).toBe(true);
    return { w, seated, queue };
  }

  async function race(trial: number, cancellations: number, bookings: number, waiting: number) {
    const { w, seated, queue } = await fullWorkshop(trial, 5, waiting);
    const calls = [
      ...seated.slice(0, cancellations).map((r, i) => cancelRegistration(at(i), caller(i), r.id, 'race')),
      ...Array.from({ length: bookings }, (_, i) => register(at(cancellations + i), caller(cancellations + i), w.id, person(`t${trial}-new${i}`))),
    ];
    await Promise.all(calls);
    const after = await expectSeatsConsistent(t.core.ctx.db, w.id, `trial ${trial}`);
    // Those who were waiting before the race are served first, in their order.
    const promoted = await sql<{ person_name: string }>`select person_name from registration where workshop_id = ${w.id} and status = 'confirmed' and person_name like ${`t${trial}-wait%`} order by person_name`.execute(t.core.ctx.db);
    expect(promoted.rows.map((r) => r.person_name)).toEqual(queue.slice(0, Math.min(cancellations, waiting)).map((r) => r.personName));
    // And the next booking after the race does not take a seat while anyone waits.
    const next = await register(at(0), caller(0), w.id, person(`t${trial}-late`));
    expect(next.status, `trial ${trial}`).toBe(after.waiting > 0 ? 'waitlisted' : after.seatsTaken < after.capacity ? 'confirmed' : 'waitlisted');
  }

  it('one cancellation, three bookings, nobody waiting before', async () => {
    for (let trial = 0; trial < TRIALS; trial++) await race(trial, 1, 3, 0);
  });

  it('two cancellations, five bookings, one person waiting before', async () => {
    for (let trial = 0; trial < TRIALS; trial++) await race(1000 + trial, 2, 5, 1);
  });

  it('a person booking again while their own cancellation commits is never told "Already registered: Cancelled"', async () => {
    for (let trial = 0; trial < TRIALS; trial++) {
      // Full, so the new booking has to look at the workshop and at what this person holds.
      const w = await publishedWorkshop(t, cat, { capacity: 1, waitlistEnabled: true, title: `Rye ${trial}` });
      const me = person(`again${trial}`);
      const first = await register(at(0), caller(0), w.id, me);
      const [, again] = await Promise.allSettled([cancelRegistration(at(1), caller(1), first.id, 'changed my mind'), register(at(2), caller(2), w.id, me)]);
      if (again.status === 'rejected') expect((again.reason as Error).message).toBe('Already registered for this workshop: Confirmed.');
      else expect(['confirmed', 'waitlisted']).toContain(again.value.status);
      await expectSeatsConsistent(t.core.ctx.db, w.id, `trial ${trial}`);
    }
  });

  it('raising the capacity or switching to instant confirmation gives the new seats to those waiting, in order', async () => {
    const { w, queue } = await fullWorkshop(9000, 5, 3);
    const bigger = await t.must('admin', 'workshops:update', { ...workshopForm(t, cat, { capacity: 7, waitlistEnabled: true, title: w.title }), id: w.id, expectedVersion: w.version });
    expect(bigger.seatsTaken).toBe(7);
    const states = await sql<{ person_name: string; status: string }>`select person_name, status from registration where id = any(${queue.map((q) => q.id)}::text[]) order by person_name`.execute(t.core.ctx.db);
    expect(states.rows.map((r) => r.status)).toEqual(['confirmed', 'confirmed', 'waitlisted']);
    await expectSeatsConsistent(t.core.ctx.db, w.id);
  });
});
