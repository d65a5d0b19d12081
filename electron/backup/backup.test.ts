import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SHARED_SERVER_BACKUP_MESSAGE } from '../../shared/backup';
import { category } from '../../test/catalogue';
import { createTestCore, setupAdmin, testDatabaseKinds, type TestCore } from '../../test/test-core';
import { MAGIC, readBackupHeader } from './container';
import { ScriptedFileDialogs } from './test-kit';

/** Every table's rows, hashed: "nothing changed" means this is the same before and after. */
async function fingerprint(t: TestCore): Promise<string> {
  const tables = await sql<{ tablename: string }>`select tablename from pg_tables where schemaname = 'public' order by tablename`.execute(t.core.ctx.db);
  const parts = await Promise.all(tables.rows.map(async ({ tablename }) => (await sql.raw<{ f: string }>(`select count(*) || ':' || coalesce(sum(hashtext(x::text)), 0) as f from "${tablename}" x`).execute(t.core.ctx.db)).rows[0]!.f));
  return parts.join('|');
}

const categoryNames = async (t: TestCore) => (await t.must('admin', 'categories:list', {})).map((c) => c.name).sort();

describe('backups of the embedded database', () => {
  let t: TestCore;
  let work: string;
  let folder: string;
  const dialogs = new ScriptedFileDialogs();

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'wb-backup-'));
    folder = join(work, 'backups');
    t = await createTestCore('embedded', { backupDir: folder, fileDialogs: dialogs, appVersion: '1.2.3' });
  });
  afterAll(async () => {
    await t.close();
    rmSync(work, { recursive: true, force: true });
  });
  beforeEach(async () => {
    await t.reset();
    await setupAdmin(t);
    dialogs.saveTo = null;
    dialogs.openFrom = null;
  });

  /** Restore as an admin does it: the open dialog, then the confirmation. */
  async function restore(path: string) {
    dialogs.openFrom = path;
    const choice = await t.must('admin', 'backup:chooseRestoreFile', {});
    if (choice.outcome !== 'chosen') throw new Error('the dialog was cancelled');
    return t.call('admin', 'backup:restore', { selection: choice.selection });
  }

  it('backs up, and a restore brings back exactly the data of that moment', async () => {
    await category(t, 'Pottery');
    dialogs.saveTo = join(work, 'before-change.wbbackup');
    const made = await t.must('admin', 'backup:create', {});
    expect(made).toMatchObject({ outcome: 'saved', path: dialogs.saveTo, backup: { trigger: 'manual', station: 'Test station', appVersion: '1.2.3' } });
    expect(dialogs.suggested.at(-1)).toMatch(/^workshop-booking-test-station-\d{4}-\d{2}-\d{2}-\d{4}\.wbbackup$/);

    await category(t, 'Weaving');
    await t.must('admin', 'categories:rename', { id: (await t.must('admin', 'categories:list', {})).find((c) => c.name === 'Pottery')!.id, name: 'Ceramics' });
    expect(await categoryNames(t)).toEqual(['Ceramics', 'Weaving']);

    const restored = await restore(dialogs.saveTo);
    expect(restored).toMatchObject({ ok: true, data: { restored: { fileName: 'before-change.wbbackup' } } });
    // Everyone signs in again: the restored data holds no session, and the old ones are forgotten.
    expect(await t.call('admin', 'categories:list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    await t.must('admin', 'auth:signIn', { email: 'ada@example.com', password: 'correct horse battery staple' });
    expect(await categoryNames(t)).toEqual(['Pottery']);

    // The restored data's log says who restored what, and where the replaced data went.
    const [entry] = await t.must('admin', 'audit:list', { entityType: 'backup', limit: 1 });
    expect(entry).toMatchObject({ action: 'backup.restore', actorEmail: 'ada@example.com', after: { file: dialogs.saveTo } });
    const safety = restored.ok ? restored.data.safetyCopy : '';
    expect((entry!.before as { safetyCopy: string }).safetyCopy).toBe(safety);

    // The replaced data is a backup like any other: restoring it undoes the restore.
    expect((await readBackupHeader(safety)).manifest.trigger).toBe('before-restore');
    expect(await restore(safety)).toMatchObject({ ok: true });
    await t.must('admin', 'auth:signIn', { email: 'ada@example.com', password: 'correct horse battery staple' });
    expect(await categoryNames(t)).toEqual(['Ceramics', 'Weaving']);
  });

  it('records a manual backup in the audit log; a closed dialog is no backup and no error', async () => {
    dialogs.saveTo = null;
    const filesBefore = readdirSync(work);
    expect(await t.call('admin', 'backup:create', {})).toEqual({ ok: true, data: { outcome: 'cancelled' } });
    expect(await t.call('admin', 'audit:list', { entityType: 'backup' })).toEqual({ ok: true, data: [] });
    expect(readdirSync(work)).toEqual(filesBefore);
    expect(await t.call('admin', 'backup:chooseRestoreFile', {})).toEqual({ ok: true, data: { outcome: 'cancelled' } });

    dialogs.saveTo = join(work, 'audited.wbbackup');
    await t.must('admin', 'backup:create', {});
    const [entry] = await t.must('admin', 'audit:list', { entityType: 'backup' });
    expect(entry).toMatchObject({ action: 'backup.create', station: 'Test station', after: { file: dialogs.saveTo } });
    expect(readFileSync(dialogs.saveTo).subarray(0, MAGIC.length).equals(MAGIC)).toBe(true);
  });

  it('says plainly when the chosen place cannot be written, and changes nothing', async () => {
    dialogs.saveTo = join(work, 'no-such-folder', 'x.wbbackup');
    const before = await fingerprint(t);
    expect(await t.call('admin', 'backup:create', {})).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringMatching(/folder .*no-such-folder does not exist/) } });
    dialogs.saveTo = work;
    expect(await t.call('admin', 'backup:create', {})).toMatchObject({ ok: false, error: { message: expect.stringMatching(/is a folder/) } });
    expect(await fingerprint(t)).toBe(before);
    expect(readdirSync(work).filter((n) => n.endsWith('.partial'))).toEqual([]);
  });

  it('refuses a file that is not a backup, or a damaged one, before anything changes', async () => {
    await category(t, 'Pottery');
    dialogs.saveTo = join(work, 'good.wbbackup');
    await t.must('admin', 'backup:create', {});
    const good = readFileSync(dialogs.saveTo);
    const cases: [string, Buffer | null, RegExp][] = [
      ['notes.txt', Buffer.from('Shopping list: milk, eggs\n'), /not a Workshop Booking backup/],
      ['empty.wbbackup', Buffer.alloc(0), /not a Workshop Booking backup/],
      ['truncated.wbbackup', good.subarray(0, good.length - 1000), /damaged or incomplete/],
      ['flipped.wbbackup', Buffer.from(good.map((b, i) => (i === good.length - 5000 ? b ^ 0xff : b))), /damaged or incomplete/],
      ['missing.wbbackup', null, /is not there any more/],
    ];
    await category(t, 'After the backup');
    const before = await fingerprint(t);
    const folderBefore = readdirSync(folder, { withFileTypes: true }).length;
    for (const [name, content, message] of cases) {
      const path = join(work, name);
      if (content) writeFileSync(path, content);
      dialogs.openFrom = path;
      const r = await t.call('admin', 'backup:chooseRestoreFile', {});
      expect(r, name).toMatchObject({ ok: false, error: { message: expect.stringMatching(message) } });
      if (!r.ok) expect(['VALIDATION', 'NOT_FOUND'], name).toContain(r.error.code);
    }
    expect(await fingerprint(t)).toBe(before);
    expect(readdirSync(folder, { withFileTypes: true }).length).toBe(folderBefore);
    expect(await categoryNames(t)).toEqual(['After the backup', 'Pottery']);
  });

  it('refuses a backup whose schema is newer than this app, also when its manifest hides it', async () => {
    await sql`insert into kysely_migration (name, timestamp) values ('29991231_0001_from_the_future', now())`.execute(t.core.ctx.db);
    dialogs.saveTo = join(work, 'future.wbbackup');
    await t.must('admin', 'backup:create', {});
    await sql`delete from kysely_migration where name = '29991231_0001_from_the_future'`.execute(t.core.ctx.db);
    await category(t, 'Present');
    const before = await fingerprint(t);
    const folderBefore = readdirSync(folder);

    dialogs.openFrom = dialogs.saveTo;
    expect(await t.call('admin', 'backup:chooseRestoreFile', {})).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/newer version of Workshop Booking \(1\.2\.3\).*29991231_0001_from_the_future/) },
    });

    // The same file with the migration struck from its manifest: the data itself is checked too.
    const file = readFileSync(dialogs.saveTo);
    const end = file.indexOf(0x0a, MAGIC.length);
    const manifest = JSON.parse(file.subarray(MAGIC.length, end).toString('utf8'));
    manifest.migrations = manifest.migrations.filter((n: string) => !n.startsWith('2999'));
    const lying = join(work, 'lying.wbbackup');
    writeFileSync(lying, Buffer.concat([MAGIC, Buffer.from(`${JSON.stringify(manifest)}\n`), file.subarray(end + 1)]));
    expect(await restore(lying)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/newer version/) } });

    expect(await fingerprint(t)).toBe(before);
    expect(await categoryNames(t)).toEqual(['Present']);
    expect(readdirSync(folder)).toEqual(folderBefore);
  });

  it('restores only the file chosen in the same window, once', async () => {
    dialogs.saveTo = join(work, 'mine.wbbackup');
    await t.must('admin', 'backup:create', {});
    dialogs.openFrom = dialogs.saveTo;
    const choice = await t.must('admin', 'backup:chooseRestoreFile', {});
    if (choice.outcome !== 'chosen') throw new Error('expected a choice');
    expect(choice).toMatchObject({ path: dialogs.saveTo, olderSchema: false, backup: { fileName: 'mine.wbbackup' } });
    await t.must('admin', 'users:create', { name: 'Second Admin', email: 'second@example.com', role: 'admin', password: 'correct horse battery staple', mustChangePassword: false });
    await t.must('other', 'auth:signIn', { email: 'second@example.com', password: 'correct horse battery staple' });
    expect(await t.call('other', 'backup:restore', { selection: choice.selection })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringMatching(/Choose the backup file again/) } });
    expect(await t.call('admin', 'backup:restore', { selection: choice.selection })).toMatchObject({ ok: true });
    await t.must('admin', 'auth:signIn', { email: 'ada@example.com', password: 'correct horse battery staple' });
    expect(await t.call('admin', 'backup:restore', { selection: choice.selection })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('keeps the retention the admin sets in the station settings, with an audit row', async () => {
    expect(await t.must('admin', 'backup:status', {})).toMatchObject({ available: true, folder, retention: 7 });
    expect(await t.must('admin', 'backup:setRetention', { keep: 3 })).toMatchObject({ retention: 3 });
    expect(await t.call('admin', 'backup:setRetention', { keep: 0 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    // Saving the other station settings keeps it.
    await t.must('admin', 'settings:update', { stationName: 'Front desk 2', databaseUrl: null });
    expect(await t.must('admin', 'backup:status', {})).toMatchObject({ retention: 3 });
    const [entry] = await t.must('admin', 'audit:list', { entityType: 'station' }).then((rows) => rows.filter((r) => r.action === 'backup.retention'));
    expect(entry).toMatchObject({ before: { keep: 7 }, after: { keep: 3 } });
    await t.must('admin', 'backup:setRetention', { keep: 7 });
  });
});

describe.each(testDatabaseKinds().filter((k) => k === 'postgres'))('backups on a shared server (%s)', (kind) => {
  let t: TestCore;
  const dialogs = new ScriptedFileDialogs();
  beforeAll(async () => {
    t = await createTestCore(kind, { backupDir: join(tmpdir(), 'wb-never-used'), fileDialogs: dialogs });
    await setupAdmin(t);
  });
  afterAll(() => t.close());

  it('says backups belong to the server (pg_dump) and refuses every backup action with CONFLICT', async () => {
    dialogs.saveTo = join(tmpdir(), 'wb-should-not-exist.wbbackup');
    expect(await t.must('admin', 'backup:status', {})).toEqual({ available: false, reason: 'shared-server', message: SHARED_SERVER_BACKUP_MESSAGE });
    expect(SHARED_SERVER_BACKUP_MESSAGE).toMatch(/pg_dump/);
    for (const r of [
      await t.call('admin', 'backup:create', {}),
      await t.call('admin', 'backup:chooseRestoreFile', {}),
      await t.call('admin', 'backup:restore', { selection: 'x' }),
      await t.call('admin', 'backup:setRetention', { keep: 3 }),
    ]) {
      expect(r).toEqual({ ok: false, error: { code: 'CONFLICT', message: SHARED_SERVER_BACKUP_MESSAGE } });
    }
    expect(existsSync(dialogs.saveTo)).toBe(false);
    expect(dialogs.opened).toBe(0);
  });
});
