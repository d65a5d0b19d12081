import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { createCore, type Core } from '../core/create-core';
import type { Result } from '../../shared/errors';
import { isWriteChannel, type Channel, type InputOf } from '../../shared/ipc/contract';
import { category, workshopForm } from '../../test/catalogue';
import { createPostgresDatabase, describeOnPostgres, STRONG_PASSWORD, TestClock, type TestCore } from '../../test/test-core';
import { TcpProxy } from '../../test/tcp-proxy';
import { outageKind } from './outage';

/**
 * The network between a station and its shared server breaking in the ways it does in a venue:
 * through a proxy the test can cut, stall, refuse and make lose one answer. The process must never
 * die, every call must answer within seconds with a plain UNAVAILABLE, a write whose answer was lost
 * must say it may have been saved and be safe to retry, and the station must recover by itself.
 */
describeOnPostgres('a station whose database connection breaks', () => {
  let pgDb: Awaited<ReturnType<typeof createPostgresDatabase>>;
  let proxy: TcpProxy;
  let core: Core;
  const clock = new TestClock();
  const faults: unknown[] = [];
  const call = <C extends Channel>(channel: C, input: InputOf<C>, requestId?: string): Promise<Result<unknown>> =>
    core.dispatch({ clientId: 'desk', surface: 'workstation' }, channel, input, { requestId: requestId ?? (isWriteChannel(channel) ? randomUUID() : undefined) });
  const must = async <C extends Channel>(channel: C, input: InputOf<C>) => {
    const r = await call(channel, input);
    if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
    return r.data as never;
  };
  // The catalogue helpers take a TestCore; this one calls through the proxied station.
  const asTestCore = () => ({ clock, must: (_client: string, channel: Channel, input: never) => must(channel, input) }) as unknown as TestCore;
  let workshopId = '';

  beforeAll(async () => {
    pgDb = await createPostgresDatabase();
    proxy = await TcpProxy.start(pgDb.url);
    core = await createCore({
      database: { kind: 'postgres', url: proxy.via(pgDb.url), poolSize: 3, timeouts: { connectMs: 1000, readMs: 2000, statementMs: 1500, keepAliveMs: 500 } },
      settingsFile: join(mkdtempSync(join(tmpdir(), 'wb-fault-')), 's.json'),
      clock: clock.now,
      bcryptCost: 4,
      logError: (err) => faults.push(err),
    });
    await must('setup:createFirstAdmin', { name: 'Ada Admin', email: 'ada@example.com', password: STRONG_PASSWORD });
    const cat = await category(asTestCore(), 'Crafts');
    const w = (await must('workshops:create', workshopForm(asTestCore(), cat, { capacity: 50 }))) as { id: string };
    await must('workshops:publish', { id: w.id });
    workshopId = w.id;
  }, 60_000);
  afterEach(async () => {
    proxy.restore();
    if (!proxy['server'].listening) await proxy.reopen();
  });
  afterAll(async () => {
    await core?.close();
    await proxy?.close();
    await pgDb?.drop();
  });

  const answersAgain = async () => {
    // The pool replaces the broken connections by itself: no restart, no manual reconnect.
    const r = await call('registrations:forWorkshop', { workshopId });
    expect(r).toMatchObject({ ok: true });
  };

  it('survives the server ending connections in use and idle, and carries on', async () => {
    const busy = sql`select pg_sleep(1)`.execute(core.ctx.db).then(
      () => 'finished',
      (e) => e,
    );
    await new Promise((r) => setTimeout(r, 150));
    proxy.cut();
    expect(String(await busy)).toMatch(/Connection terminated|connection/i);
    // Idle connections die too (nobody is using them when it happens).
    await answersAgain();
    proxy.cut();
    await new Promise((r) => setTimeout(r, 50));
    await answersAgain();
  });

  it('answers a signed-in caller UNAVAILABLE, in plain words, while the server is unreachable — then recovers', async () => {
    await proxy.refuse();
    // The pool drops its idle connections as their sockets close.
    await new Promise((r) => setTimeout(r, 100));
    const r = await call('registrations:forWorkshop', { workshopId });
    expect(r).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', message: expect.stringMatching(/cannot be reached.*keeps trying/) } });
    const write = await call('registrations:registerPerson', { workshopId, name: 'Walk In' });
    expect(write).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', message: expect.stringMatching(/Nothing was saved/) } });
    await proxy.reopen();
    await answersAgain();
  });

  it('answers within seconds during a silent partition, however long it lasts', async () => {
    const started = Date.now();
    proxy.stall();
    const r = await call('registrations:forWorkshop', { workshopId });
    const waited = Date.now() - started;
    expect(r).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    // The test's bounds: 2 s to read an answer, 1 s to connect, 2 s for the dispatcher's probe.
    expect(waited).toBeLessThan(8000);
    proxy.restore();
    await answersAgain();
  });

  it('never claims "not saved" when the answer to a commit is lost, and the retry neither fails nor books twice', async () => {
    const requestId = randomUUID();
    const full = (await must('workshops:create', workshopForm(asTestCore(), (await must('categories:list', {}) as { id: string }[])[0]!.id, { capacity: 1, waitlistEnabled: true, title: 'Tiny' }))) as { id: string };
    await must('workshops:publish', { id: full.id });
    await must('registrations:registerPerson', { workshopId: full.id, name: 'First' });
    // A booking that has to wait on the list goes through an explicit transaction: lose COMMIT's answer.
    const lost = proxy.loseAnswerTo((m) => /\bcommit\b/i.test(m));
    const first = await call('registrations:registerPerson', { workshopId: full.id, name: 'Second', email: 'second@example.com' }, requestId);
    await lost;
    expect(first).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', message: expect.stringMatching(/not known whether this was saved.*will not be done twice/) } });
    const again = await call('registrations:registerPerson', { workshopId: full.id, name: 'Second', email: 'second@example.com' }, requestId);
    expect(again).toMatchObject({ ok: true, data: { personName: 'Second', status: 'waitlisted', waitlistPosition: 1 } });
    const rows = await sql<{ n: number }>`select count(*)::int as n from registration where workshop_id = ${full.id} and person_name = 'Second'`.execute(core.ctx.db);
    expect(rows.rows[0]!.n).toBe(1);
  });

  it('a lost answer to a one-statement booking: the retry returns the same registration', async () => {
    const requestId = randomUUID();
    const lost = proxy.loseAnswerTo((m) => m.includes('insert into registration'));
    const first = await call('registrations:registerPerson', { workshopId, name: 'No Email' }, requestId);
    await lost;
    expect(first).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    const again = await call('registrations:registerPerson', { workshopId, name: 'No Email' }, requestId);
    expect(again).toMatchObject({ ok: true, data: { personName: 'No Email', status: 'confirmed' } });
    const rows = await sql<{ n: number }>`select count(*)::int as n from registration where person_name = 'No Email'`.execute(core.ctx.db);
    expect(rows.rows[0]!.n).toBe(1);
  });

  it('a database that does not accept connections for a moment (an administrator closing it) is an outage, not a bug — also once it is back', async () => {
    const dbName = new URL(pgDb.url).pathname.slice(1);
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    try {
      await admin.query(`alter database "${dbName}" allow_connections false`);
      await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [dbName]);
      // The pool drops its idle connections as the server ends them.
      await new Promise((r) => setTimeout(r, 200));
      const refused = await call('registrations:registerPerson', { workshopId, name: 'Walk In' });
      expect(refused).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', message: expect.stringMatching(/cannot be reached.*Nothing was saved/) } });
      // Told apart by the server's own words, not by asking again: by the time a station would ask,
      // the database may be open again, and the call must still not read as a bug.
      const direct = new pg.Client({ connectionString: pgDb.url });
      const err = await direct.connect().then(() => null, (e: unknown) => e);
      await direct.end().catch(() => undefined);
      expect(outageKind(err)).toBe('unreachable');
    } finally {
      await admin.query(`alter database "${dbName}" allow_connections true`);
      await admin.end();
    }
    await answersAgain();
  });

  it('logs the faults it survived instead of throwing them', () => {
    expect(faults.length).toBeGreaterThan(0);
  });
});
