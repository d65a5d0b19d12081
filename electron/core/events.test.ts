import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppEventName } from '../../shared/ipc/events';
import { category, publishedWorkshop, startingIn } from '../../test/catalogue';
import { createPostgresDatabase, createTestCore, describeOnPostgres, setupAdmin, signedIn, STRONG_PASSWORD, testDatabaseKinds, TestClock, type TestCore } from '../../test/test-core';
import { TcpProxy } from '../../test/tcp-proxy';
import { createCore, type Core } from './create-core';

type Heard = { name: AppEventName; payload: unknown };
const listen = (core: Core) => {
  const heard: Heard[] = [];
  core.events.subscribe((name, payload) => heard.push({ name, payload }));
  return heard;
};
const until = async (check: () => boolean, ms = 2000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('not heard in time');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe.each(testDatabaseKinds())('live updates on %s', (kind) => {
  let t: TestCore;
  beforeAll(async () => {
    t = await createTestCore(kind);
    await setupAdmin(t);
    await signedIn(t, 'staff', 'desk');
    await signedIn(t, 'attendee', 'visitor');
    await signedIn(t, 'staff', 'kioskstaff', 'kiosk');
  });
  afterAll(() => t.close());

  it('a check-in tells every window that may know which workshop changed — and only those', async () => {
    const heard = listen(t.core);
    const w = await publishedWorkshop(t, await category(t, 'Arts'), { ...startingIn(t, 10), priceMinor: 0 });
    const reg = await t.must('desk', 'registrations:registerPerson', { workshopId: w.id, name: 'Ada' });
    await t.must('desk', 'desk:checkIn', { ticketCode: reg.ticketCode! });
    await until(() => heard.some((h) => h.name === 'registrations:changed'));
    expect(heard.filter((h) => h.name === 'registrations:changed')).toEqual([{ name: 'registrations:changed', payload: { workshopId: w.id } }]);
    expect(t.core.mayReceive('desk', 'workstation', 'registrations:changed')).toBe(true);
    expect(t.core.mayReceive('visitor', 'workstation', 'registrations:changed')).toBe(false);
    expect(t.core.mayReceive('kioskstaff', 'kiosk', 'registrations:changed')).toBe(false);
    expect(t.core.mayReceive('nobody', 'workstation', 'registrations:changed')).toBe(false);
    expect(t.core.mayReceive('nobody', 'kiosk', 'app:resync')).toBe(true);
  });

  it('every change of registrations or payments tells the workshop that changed: bookings, decisions, cancellations, payments, bulk approvals', async () => {
    const w = await publishedWorkshop(t, await category(t, 'Pottery'), { ...startingIn(t, 10), priceMinor: 1500, registrationMode: 'manual' });
    const changes: [string, () => Promise<unknown>][] = [];
    let ids: string[] = [];
    changes.push(['a booking', async () => (ids = [(await t.must('desk', 'registrations:registerPerson', { workshopId: w.id, name: 'Grace', email: 'grace@example.com' })).id])]);
    changes.push(['another booking', async () => ids.push((await t.must('desk', 'registrations:registerPerson', { workshopId: w.id, name: 'Alan', email: 'alan@example.com' })).id)]);
    changes.push(['a bulk approval', () => t.must('admin', 'registrations:bulkApprove', { selection: { ids: [ids[0]!] } })]);
    changes.push(['a single approval', () => t.must('admin', 'registrations:confirm', { id: ids[1]! })]);
    changes.push(['a payment', () => t.must('desk', 'payments:record', { id: ids[0]!, kind: 'payment', method: 'cash', note: '' })]);
    changes.push(['a cancellation', () => t.must('desk', 'registrations:cancel', { id: ids[1]!, reason: 'Ill' })]);
    for (const [what, change] of changes) {
      const heard = listen(t.core);
      await change();
      await until(() => heard.some((h) => h.name === 'registrations:changed')).catch(() => {
        throw new Error(`${what}: no registrations:changed event`);
      });
      expect(heard.filter((h) => h.name === 'registrations:changed'), what).toEqual([{ name: 'registrations:changed', payload: { workshopId: w.id } }]);
    }
  });

  it('says nothing of a change that was refused', async () => {
    const heard = listen(t.core);
    await t.call('desk', 'desk:checkIn', { ticketCode: 'ABCD-EFGH' });
    await new Promise((r) => setTimeout(r, 200));
    expect(heard).toEqual([]);
  });
});

describeOnPostgres('live updates between stations', () => {
  let pgDb: Awaited<ReturnType<typeof createPostgresDatabase>>;
  let proxy: TcpProxy;
  let a: Core;
  let b: Core;
  const clock = new TestClock();

  beforeAll(async () => {
    pgDb = await createPostgresDatabase();
    proxy = await TcpProxy.start(pgDb.url);
    const config = (url: string) => ({ database: { kind: 'postgres' as const, url, timeouts: { connectMs: 1000, keepAliveMs: 500 } }, settingsFile: join(mkdtempSync(join(tmpdir(), 'wb-ev-')), 's.json'), clock: clock.now, bcryptCost: 4, logError: () => undefined });
    // Station A hears the server through the proxy, so the test can cut its line.
    a = await createCore(config(proxy.via(pgDb.url)));
    b = await createCore(config(pgDb.url));
    await b.dispatch({ clientId: 'admin', surface: 'workstation' }, 'setup:createFirstAdmin', { name: 'Ada Admin', email: 'ada@example.com', password: STRONG_PASSWORD });
  }, 60_000);
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await proxy?.close();
    await pgDb?.drop();
  });

  // What every desk write does once committed (a check-in is tested above on one station).
  const changeOnB = async () => b.ctx.announce('registrations:changed', { workshopId: 'w-1' });

  it("reaches the other station within a second, and after its line comes back it says to read everything again", async () => {
    const heard = listen(a);
    const started = Date.now();
    await changeOnB();
    await until(() => heard.some((h) => h.name === 'registrations:changed'), 1000);
    expect(Date.now() - started).toBeLessThan(1000);
    proxy.cut();
    await until(() => heard.some((h) => h.name === 'app:resync'), 10_000);
    heard.length = 0;
    await changeOnB();
    await until(() => heard.some((h) => h.name === 'registrations:changed'), 2000);
  });
});
