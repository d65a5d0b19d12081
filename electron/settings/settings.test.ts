import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupAdmin, signedIn, testDatabaseKinds, useTestCore } from '../../test/test-core';
import { testPostgresConnection } from './connection-test';

describe.each(testDatabaseKinds())('station settings on %s', (kind) => {
  const t = useTestCore(kind);

  it('are open before the first account exists, so a new station can join a shared server', async () => {
    const s = await t.must('first', 'settings:get', {});
    expect(s.stationName).toBe('Test station');
    const updated = await t.must('first', 'settings:update', { stationName: 'Front desk 1', databaseUrl: null });
    expect(updated.stationName).toBe('Front desk 1');
  });

  it('once accounts exist, admit only an admin', async () => {
    await setupAdmin(t);
    await signedIn(t, 'staff', 'desk');
    expect(await t.call('desk', 'settings:get', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call('anon', 'settings:update', { stationName: 'Hijack', databaseUrl: null })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const s = await t.must('admin', 'settings:update', { stationName: 'Front desk 2', databaseUrl: 'postgres://wb:secret@db.example:5432/workshops' });
    expect(s).toMatchObject({ stationName: 'Front desk 2', database: { kind: 'postgres' }, restartRequired: true });
    expect(JSON.stringify(s)).not.toContain('secret');
    const audit = await t.must('admin', 'audit:list', { entityType: 'station' });
    expect(audit[0]).toMatchObject({ action: 'settings.update', station: 'Test station', after: { stationName: 'Front desk 2' } });
    expect(JSON.stringify(audit)).not.toContain('secret');
    // Every later action is recorded under the new name.
    await t.must('admin', 'users:create', { name: 'New Person', email: 'new@example.com', role: 'staff', password: 'correct horse battery staple' });
    expect((await t.must('admin', 'audit:list', { entityType: 'user' }))[0]).toMatchObject({ action: 'user.create', station: 'Front desk 2' });
    await t.must('admin', 'settings:update', { stationName: 'Test station', databaseUrl: null });
  });

  it('rejects a station name that is empty and a URL that is not PostgreSQL', async () => {
    const r = await t.call('first', 'settings:update', { stationName: '  ', databaseUrl: 'mysql://x' });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { stationName: [expect.any(String)], databaseUrl: [expect.stringMatching(/PostgreSQL URL/)] } } });
  });
});

describe('connection test', () => {
  let fake: Server;
  let port = 0;
  beforeAll(async () => {
    // Something that answers, but not in PostgreSQL's protocol.
    fake = createServer((sock) => sock.end('HTTP/1.1 400 Bad Request\r\n\r\n', () => sock.destroy()));
    await new Promise<void>((r) => fake.listen(0, '127.0.0.1', r));
    port = (fake.address() as { port: number }).port;
  });
  afterAll(() => {
    fake.close();
  });

  it('says when nothing listens at the address', async () => {
    const r = await testPostgresConnection('postgres://u:p@127.0.0.1:1/db');
    expect(r).toMatchObject({ ok: false, reason: 'unreachable', message: expect.stringMatching(/Cannot reach the server/) });
  });

  it('says when the server is not PostgreSQL', async () => {
    const r = await testPostgresConnection(`postgres://u:p@127.0.0.1:${port}/db`);
    expect(r).toMatchObject({ ok: false, reason: 'not_postgres' });
  });

  it.runIf(process.env.TEST_DATABASE_URL)('connects to a real server and names a missing database', async () => {
    const ok = await testPostgresConnection(process.env.TEST_DATABASE_URL!);
    expect(ok).toMatchObject({ ok: true, serverVersion: expect.stringMatching(/^\d+/) });
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = '/no_such_database_here';
    expect(await testPostgresConnection(url.toString())).toMatchObject({ ok: false, reason: 'no_database' });
  });
});
