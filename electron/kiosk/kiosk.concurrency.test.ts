import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Surface } from '../../shared/roles';
import { createCore, type Core } from '../core/create-core';
import { category, publishedWorkshop, startingIn } from '../../test/catalogue';
import { createTestCore, describeOnPostgres, setupAdmin, STRONG_PASSWORD, type TestCore } from '../../test/test-core';

/**
 * Two kiosks and two desks (each its own core and connection pool, as four computers would be)
 * scanning the same tickets at once: the kiosk and the desk share one check-in, so every ticket is
 * checked in exactly once, and exactly one of the four is told "checked in".
 */
describeOnPostgres('kiosks and desks scanning the same tickets at once', () => {
  const TICKETS = 60;
  let t: TestCore;
  const stations: { core: Core; surface: Surface }[] = [];
  const codes: string[] = [];

  beforeAll(async () => {
    t = await createTestCore('postgres');
    await setupAdmin(t);
    await t.must('admin', 'users:create', { name: 'Desk Staff', email: 'desk@example.com', role: 'staff', password: STRONG_PASSWORD, mustChangePassword: false });
    const cat = await category(t, 'Baking');
    const w = await publishedWorkshop(t, cat, { ...startingIn(t, 10), capacity: TICKETS, priceMinor: 0 });
    for (let i = 0; i < TICKETS; i++) codes.push((await t.must('admin', 'registrations:registerPerson', { workshopId: w.id, name: `Guest ${i}` })).ticketCode!);
    for (const surface of ['kiosk', 'workstation', 'kiosk', 'workstation'] as const) {
      const core = await createCore({ database: t.databaseConfig, settingsFile: join(mkdtempSync(join(tmpdir(), 'wb-kiosk-')), 's.json'), clock: t.clock.now, bcryptCost: 4, logError: (e) => console.error(e) });
      core.ctx.settings.write({ stationName: `${surface} ${stations.length + 1}`, databaseUrl: null });
      if (surface === 'workstation') expect((await core.dispatch({ clientId: 'c', surface }, 'auth:signIn', { email: 'desk@example.com', password: STRONG_PASSWORD })).ok).toBe(true);
      stations.push({ core, surface });
    }
  }, 180_000);
  afterAll(async () => {
    for (const s of stations) await s.core.close();
    await t.close();
  });

  it('checks every ticket in exactly once, whichever station wins', async () => {
    const answers = await Promise.all(
      stations.map(async ({ core, surface }) => {
        const mine: string[] = [];
        for (const code of [...codes].sort(() => Math.random() - 0.5)) {
          const channel = surface === 'kiosk' ? 'kiosk:checkIn' : 'desk:checkIn';
          const r = await core.dispatch({ clientId: 'c', surface }, channel, { ticketCode: code }, { requestId: randomUUID() });
          if (!r.ok) throw new Error(`${surface}: ${r.error.code} ${r.error.message}`);
          if ((r.data as { outcome: string }).outcome === 'checked_in') mine.push(code);
        }
        return mine;
      }),
    );
    expect(answers.flat().sort()).toEqual([...codes].sort());
    const events = await sql<{ n: string }>`select count(*)::text as n from checkin_event`.execute(t.core.ctx.db);
    expect(events.rows[0]!.n).toBe(String(TICKETS));
  });
});
