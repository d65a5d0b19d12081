import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../core/create-core';
import { createPostgresDatabase, describeOnPostgres, setupAdmin, STRONG_PASSWORD, testDatabaseKinds, TestClock, useTestCore } from '../../test/test-core';
import { TcpProxy } from '../../test/tcp-proxy';

/** Counts the statements a core sends, to tell a remembered session from a database read. */
function countQueries(core: Core): { n: number } {
  const counter = { n: 0 };
  const db = core.ctx.db as unknown as { getExecutor(): { executeQuery: (...a: unknown[]) => unknown } };
  const executor = db.getExecutor();
  const original = executor.executeQuery.bind(executor);
  executor.executeQuery = (...a: unknown[]) => {
    counter.n++;
    return original(...a);
  };
  return counter;
}

describe.each(testDatabaseKinds())('remembered sessions on %s', (kind) => {
  const t = useTestCore(kind, setupAdmin);

  it('a call of a signed-in window needs no database round trip to know who is calling', async () => {
    const counter = countQueries(t.core);
    await t.must('admin', 'auth:session', {});
    const before = counter.n;
    for (let i = 0; i < 5; i++) await t.must('admin', 'auth:session', {});
    expect(counter.n - before).toBe(0);
  });

  it('a change on this station ends the remembered session at once: disabled, demoted, signed out elsewhere', async () => {
    await t.must('admin', 'users:create', { name: 'Desk', email: 'desk@example.com', role: 'staff', password: STRONG_PASSWORD, mustChangePassword: false });
    await t.must('desk', 'auth:signIn', { email: 'desk@example.com', password: STRONG_PASSWORD });
    await t.must('desk', 'desk:today', {});
    const id = (await t.must('admin', 'users:list', { search: 'desk@' })).items[0]!.id;
    // A role change by an admin signs the account out everywhere.
    await t.must('admin', 'users:setRole', { userId: id, role: 'attendee' });
    expect(await t.call('desk', 'desk:today', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', message: expect.stringMatching(/changed by an administrator/) } });
    await t.must('desk', 'auth:signIn', { email: 'desk@example.com', password: STRONG_PASSWORD });
    expect(await t.call('desk', 'desk:today', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await t.must('admin', 'users:setDisabled', { userId: id, disabled: true });
    expect(await t.call('desk', 'auth:session', {})).toMatchObject({ ok: true, data: null });
  });
});

describeOnPostgres('revocation across stations', () => {
  let pgDb: Awaited<ReturnType<typeof createPostgresDatabase>>;
  let proxy: TcpProxy;
  let a: Core;
  let b: Core;
  const clock = new TestClock();
  const call = (core: Core, client: string, channel: string, input: unknown) => core.dispatch({ clientId: client, surface: 'workstation' }, channel, input, { requestId: randomUUID() });
  let userId = '';

  beforeAll(async () => {
    pgDb = await createPostgresDatabase();
    proxy = await TcpProxy.start(pgDb.url);
    const config = (url: string) => ({ database: { kind: 'postgres' as const, url, timeouts: { connectMs: 1000, keepAliveMs: 500 } }, settingsFile: join(mkdtempSync(join(tmpdir(), 'wb-rev-')), 's.json'), clock: clock.now, bcryptCost: 4, logError: () => undefined });
    a = await createCore(config(pgDb.url));
    // Station B, whose live-update line the test can cut.
    b = await createCore(config(proxy.via(pgDb.url)));
    await call(a, 'admin', 'setup:createFirstAdmin', { name: 'Ada Admin', email: 'ada@example.com', password: STRONG_PASSWORD });
  }, 60_000);
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await proxy?.close();
    await pgDb?.drop();
  });
  beforeEach(async () => {
    await sql`delete from "user" where email = 'desk@example.com'`.execute(a.ctx.db);
    await call(a, 'admin', 'users:create', { name: 'Desk', email: 'desk@example.com', role: 'staff', password: STRONG_PASSWORD, mustChangePassword: false });
    userId = (await sql<{ id: string }>`select id from "user" where email = 'desk@example.com'`.execute(a.ctx.db)).rows[0]!.id;
    expect(await call(b, 'desk', 'auth:signIn', { email: 'desk@example.com', password: STRONG_PASSWORD })).toMatchObject({ ok: true });
    expect(await call(b, 'desk', 'desk:today', {})).toMatchObject({ ok: true });
  });

  const refusedWithin = async (ms: number) => {
    const started = Date.now();
    for (;;) {
      const r = await call(b, 'desk', 'desk:today', {});
      if (!r.ok) return { r, after: Date.now() - started };
      if (Date.now() - started > ms) return { r, after: Date.now() - started };
      await new Promise((res) => setTimeout(res, 25));
    }
  };

  it('a disabled account is refused at the other station within a second', async () => {
    await call(a, 'admin', 'users:setDisabled', { userId, disabled: true });
    const { r, after } = await refusedWithin(1000);
    expect(r).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', message: expect.stringMatching(/disabled/) } });
    expect(after).toBeLessThan(1000);
  });

  it('a sign-out everywhere (sessions deleted) and a demotion reach the other station within a second', async () => {
    await sql`delete from "session" where "userId" = ${userId}`.execute(a.ctx.db);
    expect((await refusedWithin(1000)).r).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    await call(b, 'desk', 'auth:signIn', { email: 'desk@example.com', password: STRONG_PASSWORD });
    await call(b, 'desk', 'desk:today', {});
    await sql`update "user" set role = 'attendee' where id = ${userId}`.execute(a.ctx.db);
    expect((await refusedWithin(1000)).r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('while its line is down a station trusts no remembered session: a revocation then is seen at the next call', async () => {
    proxy.stall();
    // The station notices the line is gone only by keepalive: force it, as a dead line would.
    proxy.restore();
    proxy.cut();
    await new Promise((r) => setTimeout(r, 100));
    await sql`update "user" set disabled = true where id = ${userId}`.execute(a.ctx.db);
    const r = await call(b, 'desk', 'desk:today', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});
