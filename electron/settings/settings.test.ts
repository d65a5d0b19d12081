import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeSecretBox } from '../../test/fake-secret-box';
import { setupAdmin, signedIn, testDatabaseKinds, useTestCore, type TestCore, itOnPostgres } from '../../test/test-core';
import { testPostgresConnection } from './connection-test';
import { assertDriverAccepts } from './driver-url';
import { StationSettingsStore } from './station-settings';

// The test core's settings file (the store keeps its path private; the file on disk is what a restart reads).
const settingsFileOf = (t: TestCore): string => (t.core.ctx.settings as unknown as { file: string }).file;

const scratch = mkdtempSync(join(tmpdir(), 'wb-settings-files-'));
const localFile = join(scratch, 'client.pem');
writeFileSync(localFile, '-----BEGIN PRIVATE KEY-----');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** URLs the pg driver would choke on or would make it read a file on this computer. */
const REFUSED_URLS: Array<[string, RegExp]> = [
  ['postgres://u:p@127.0.0.1:70000/db', /port must be a number from 1 to 65535/],
  ['postgres://u:p@127.0.0.1:0/db', /port must be a number from 1 to 65535/],
  ['postgres://u:p@127.0.0.1:54x/db', /port must be a number from 1 to 65535/],
  ['postgres://u:p@127.0.0.1:5432/db?port=99999', /port must be a number from 1 to 65535/],
  [`postgres://u:p@127.0.0.1:5432/db?sslcert=${localFile}`, /"sslcert" names a file on this computer/],
  [`postgres://u:p@127.0.0.1:5432/db?sslmode=require&sslkey=${localFile}`, /"sslkey" names a file/],
  [`postgres://u:p@127.0.0.1:5432/db?sslrootcert=${localFile}`, /"sslrootcert" names a file/],
  [`postgres://u:p@127.0.0.1:5432/db?sslcrl=${localFile}`, /"sslcrl" names a file/],
  [`postgres://u:p@127.0.0.1:5432/db?passfile=${localFile}`, /"passfile" names a file/],
  ['postgres://u:p@127.0.0.1:5432/db?service=prod', /"service" names a file/],
  [`postgres://u:p@127.0.0.1:5432/db?ssl%63ert=${localFile}`, /"sslcert" names a file/],
  [`postgres://u:p@127.0.0.1:5432/db?SSLROOTCERT=${localFile}`, /"SSLROOTCERT" names a file/],
  ['postgres://u:p@127.0.0.1:5432/db?uselibpqcompat=true&sslmode=verify-ca', /verify-ca needs a CA certificate file/],
  ['postgres://u:%E0%A4@127.0.0.1:5432/db', /invalid percent-encoding/],
  ['postgres://u:p@[::1/db', /not a valid URL/],
  ['postgres://u:p@127.0.0.1:5432/d\u0000b', /control characters|cannot be saved/],
];

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

  it('refuses a station name that is not plain text before anything is written, and the station keeps working', async () => {
    const file = settingsFileOf(t);
    const before = readFileSync(file, 'utf8');
    for (const stationName of ['Desk\u0000 1', 'Desk\n1', 'Desk\u0007', 'Desk \uD800', 'Desk \uDC00 x', 'Desk \u202Eevil']) {
      const r = await t.call('first', 'settings:update', { stationName, databaseUrl: null });
      expect({ stationName, r }).toMatchObject({ stationName, r: { ok: false, error: { code: 'VALIDATION', fieldErrors: { stationName: [expect.stringMatching(/no control or invisible characters|cannot be saved/)] } } } });
      expect(readFileSync(file, 'utf8')).toBe(before);
    }
    // Emoji and accents are plain text (surrogate pairs, not lone ones).
    await t.must('first', 'settings:update', { stationName: 'Café desk 🎟️', databaseUrl: null });
    await setupAdmin(t);
    await t.must('admin', 'users:create', { name: 'After Desk', email: 'after@example.com', role: 'staff', password: 'correct horse battery staple' });
    expect((await t.must('admin', 'audit:list', { entityType: 'user' }))[0]).toMatchObject({ action: 'user.create', station: 'Café desk 🎟️' });
  });

  it('leaves the settings file as it was when the audit row cannot be written, or its transaction cannot commit', async () => {
    const file = settingsFileOf(t);
    const before = readFileSync(file, 'utf8');
    await sql`create or replace function wb_test_refuse_settings_audit() returns trigger language plpgsql as $$ begin if new.action = 'settings.update' then raise exception 'audit store failing'; end if; return new; end $$`.execute(t.core.ctx.db);
    const failures = {
      'on insert': sql`create trigger wb_test_refuse before insert on audit_log for each row execute function wb_test_refuse_settings_audit()`,
      'at commit': sql`create constraint trigger wb_test_refuse after insert on audit_log deferrable initially deferred for each row execute function wb_test_refuse_settings_audit()`,
    };
    for (const [when, trigger] of Object.entries(failures)) {
      await trigger.execute(t.core.ctx.db);
      try {
        const r = await t.call('first', 'settings:update', { stationName: 'Front desk 9', databaseUrl: 'postgres://wb:pw@db.example:5432/workshops' });
        expect({ when, ok: r.ok }).toEqual({ when, ok: false });
      } finally {
        await sql`drop trigger wb_test_refuse on audit_log`.execute(t.core.ctx.db);
      }
      expect({ when, file: readFileSync(file, 'utf8') }).toEqual({ when, file: before });
      expect(await t.must('first', 'settings:get', {})).toMatchObject({ stationName: 'Test station', database: { kind: 'embedded' } });
      expect(new StationSettingsStore(file).read()).toEqual({ stationName: 'Test station', databaseUrl: null });
    }
    await sql`drop function wb_test_refuse_settings_audit()`.execute(t.core.ctx.db);
    // Nothing is poisoned: the next change is saved and audited.
    await t.must('first', 'settings:update', { stationName: 'Front desk 9', databaseUrl: null });
    await setupAdmin(t);
    expect((await t.must('admin', 'audit:list', { entityType: 'station' })).map((a) => a.after)).toEqual([{ stationName: 'Front desk 9', database: 'embedded' }]);
  });

  it('refuses URLs the driver cannot use or that name local files, as a field message, in the connection test and when saving', async () => {
    const file = settingsFileOf(t);
    const before = readFileSync(file, 'utf8');
    for (const [databaseUrl, message] of REFUSED_URLS) {
      const tested = await t.call('first', 'settings:testConnection', { databaseUrl });
      expect({ databaseUrl, tested }).toMatchObject({ databaseUrl, tested: { ok: false, error: { code: 'VALIDATION', fieldErrors: { databaseUrl: [expect.stringMatching(message)] } } } });
      const saved = await t.call('first', 'settings:update', { stationName: 'Desk', databaseUrl });
      expect({ databaseUrl, saved }).toMatchObject({ databaseUrl, saved: { ok: false, error: { code: 'VALIDATION', fieldErrors: { databaseUrl: [expect.stringMatching(message)] } } } });
    }
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('masks every credential in the URL, wherever it is written, in settings and in the audit log', async () => {
    await setupAdmin(t);
    const secrets = ['hunter2', 'opensesame', 'keyphrase'];
    for (const databaseUrl of [
      'postgres://wb:hunter2@db.example:5432/workshops',
      'postgres://wb@db.example:5432/workshops?password=opensesame&application_name=desk',
      'postgresql://db.example/workshops?user=wb&PASSWORD=opensesame&sslmode=verify-full&sslpassword=keyphrase',
      'postgres://wb:hunter2@db.example/workshops?pass%77ord=opensesame',
    ]) {
      const s = await t.must('admin', 'settings:update', { stationName: 'Desk', databaseUrl });
      const shown = JSON.stringify([s, await t.must('admin', 'settings:get', {})]);
      for (const secret of secrets) expect({ databaseUrl, leaks: shown.includes(secret) }).toEqual({ databaseUrl, leaks: false });
      expect(shown).toContain('db.example');
    }
    const audit = JSON.stringify(await t.must('admin', 'audit:list', { entityType: 'station' }));
    for (const secret of secrets) expect(audit).not.toContain(secret);
    expect(audit).toContain('application_name=desk');
    await t.must('admin', 'settings:update', { stationName: 'Test station', databaseUrl: null });
  });

  it('encrypts the server address in the settings file where the computer can, and says when it cannot', async () => {
    const file = settingsFileOf(t);
    const plain = t.core.ctx.settings;
    expect(await t.must('first', 'settings:get', {})).toMatchObject({ encryptionAvailable: false, savedUrlUnreadable: false });
    await t.must('first', 'settings:update', { stationName: 'Desk', databaseUrl: 'postgres://wb:hunter2@db.example/workshops' });
    expect(readFileSync(file, 'utf8')).toContain('hunter2');
    try {
      // As the shell does: the same file, read through safeStorage.
      t.core.ctx.settings = new StationSettingsStore(file, fakeSecretBox());
      expect(await t.must('first', 'settings:get', {})).toMatchObject({ encryptionAvailable: true, database: { kind: 'postgres', url: 'postgres://wb:****@db.example/workshops' } });
      await t.must('first', 'settings:update', { stationName: 'Desk', databaseUrl: 'postgres://wb:hunter3@db.example/workshops' });
      expect(readFileSync(file, 'utf8')).not.toMatch(/hunter|db\.example/);
      // Another computer cannot read it: the form asks for the address again.
      t.core.ctx.settings = new StationSettingsStore(file, fakeSecretBox('another-computer'));
      expect(await t.must('first', 'settings:get', {})).toMatchObject({ savedUrlUnreadable: true, database: { kind: 'embedded' } });
    } finally {
      t.core.ctx.settings = plain;
    }
  });

  it('rejects a station name that is empty and a URL that is not PostgreSQL', async () => {
    const r = await t.call('first', 'settings:update', { stationName: '  ', databaseUrl: 'mysql://x' });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { stationName: [expect.any(String)], databaseUrl: [expect.stringMatching(/PostgreSQL URL/)] } } });
  });
});

describe('database URL, as the driver reads it', () => {
  it('is refused as input, never thrown as an internal error', () => {
    expect(() => assertDriverAccepts('postgres://u:p@127.0.0.1:99999/db')).toThrow(expect.objectContaining({ code: 'VALIDATION', fieldErrors: { databaseUrl: [expect.any(String)] } }));
    expect(() => assertDriverAccepts('postgres://u:p@127.0.0.1:5432/db')).not.toThrow();
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

  itOnPostgres('connects to a real server and names a missing database', async () => {
    const ok = await testPostgresConnection(process.env.TEST_DATABASE_URL!);
    expect(ok).toMatchObject({ ok: true, serverVersion: expect.stringMatching(/^\d+/) });
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = '/no_such_database_here';
    expect(await testPostgresConnection(url.toString())).toMatchObject({ ok: false, reason: 'no_database' });
  });
});
