import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../../migrations';
import { createTestCore, setupAdmin, TestClock, type TestCore } from '../../test/test-core';
import { createCore } from '../core/create-core';
import { createDb } from '../db/create-db';
import { appliedMigrations, knownMigrationNames } from '../db/migrate';
import { BackupBeforeMigrationError } from './automatic';
import { listFolder } from './backup-folder';
import { readPayload, verifyBackupFile } from './container';
import { DAY_MS, DailyBackups, START_DELAY_MS } from './daily';
import { ManualScheduler, ScriptedFileDialogs } from './test-kit';

const HOUR = 3_600_000;
const names = (folder: string) => readdirSync(folder).filter((n) => !n.startsWith('.')).sort();

describe('daily backups while the app runs', () => {
  let t: TestCore;
  let work: string;
  let folder: string;
  const clock = new TestClock();
  const scheduler = new ManualScheduler(clock.now);
  const dialogs = new ScriptedFileDialogs();

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'wb-daily-'));
    folder = join(work, 'backups');
    t = await createTestCore('embedded', { backupDir: folder, fileDialogs: dialogs, scheduler, clock: clock.now });
    await setupAdmin(t);
  });
  afterAll(async () => {
    await t.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('backs up once a day, and the retention removes the oldest automatic backups only', async () => {
    // None yet: the first is due shortly after start, not during it.
    const start = clock.now().getTime();
    expect(scheduler.nextAt?.getTime()).toBe(start + START_DELAY_MS);
    expect((await t.must('admin', 'backup:status', {})).available && (await t.must('admin', 'backup:status', {}))).toMatchObject({ nextDailyAt: new Date(start + START_DELAY_MS).toISOString(), automatic: [] });
    expect(await scheduler.runDue()).toBe(0);
    clock.advance(START_DELAY_MS);
    expect(await scheduler.runDue()).toBe(1);
    expect(names(folder)).toEqual([expect.stringMatching(/^workshop-booking-daily-.*\.wbbackup$/)]);
    expect(scheduler.nextAt?.getTime()).toBe(clock.now().getTime() + DAY_MS);
    clock.advance(DAY_MS - HOUR);
    expect(await scheduler.runDue()).toBe(0);

    // A manual backup saved into the same folder, and a restore's safety copy: the admin's to delete.
    await t.must('admin', 'auth:signIn', { email: 'ada@example.com', password: 'correct horse battery staple' });
    dialogs.saveTo = join(folder, 'my-own-copy.wbbackup');
    await t.must('admin', 'backup:create', {});
    dialogs.openFrom = dialogs.saveTo;
    const choice = await t.must('admin', 'backup:chooseRestoreFile', {});
    if (choice.outcome !== 'chosen') throw new Error('expected a choice');
    await t.must('admin', 'backup:restore', { selection: choice.selection });
    await t.must('admin', 'auth:signIn', { email: 'ada@example.com', password: 'correct horse battery staple' });
    await t.must('admin', 'backup:setRetention', { keep: 2 });

    for (let day = 0; day < 3; day++) {
      clock.advance(DAY_MS);
      expect(await scheduler.runDue()).toBe(1);
    }
    const left = await listFolder(folder);
    expect(left.filter((b) => b.trigger === 'daily')).toHaveLength(2);
    // The two newest of the four daily ones.
    expect(left.filter((b) => b.trigger === 'daily').map((b) => b.createdAt)).toEqual([new Date(clock.now().getTime()).toISOString(), new Date(clock.now().getTime() - DAY_MS).toISOString()]);
    expect(left.map((b) => b.trigger).sort()).toEqual(['before-restore', 'daily', 'daily']);
    expect(names(folder)).toContain('my-own-copy.wbbackup');
  });
});

describe('the daily timer across restarts', () => {
  const plan = async (newestAgoMs: number | null) => {
    const clock = new TestClock();
    const scheduler = new ManualScheduler(clock.now);
    let runs = 0;
    const daily = new DailyBackups({
      scheduler,
      now: clock.now,
      newest: async () => (newestAgoMs === null ? null : new Date(clock.now().getTime() - newestAgoMs)),
      run: async () => {
        runs++;
        return runs > 1; // the first run could not happen (a restore was running)
      },
      logError: () => undefined,
    });
    await daily.start();
    return { clock, scheduler, daily, runs: () => runs };
  };

  it('counts the day from the newest automatic backup, not from each start', async () => {
    const { clock, daily } = await plan(10 * HOUR);
    expect(daily.nextAt?.getTime()).toBe(clock.now().getTime() + 14 * HOUR);
    const overdue = await plan(3 * DAY_MS);
    expect(overdue.daily.nextAt?.getTime()).toBe(overdue.clock.now().getTime() + START_DELAY_MS);
  });

  it('tries again within the hour when a run could not happen, then daily', async () => {
    const { clock, scheduler, daily, runs } = await plan(null);
    clock.advance(START_DELAY_MS);
    await scheduler.runDue();
    expect(runs()).toBe(1);
    expect(daily.nextAt?.getTime()).toBe(clock.now().getTime() + HOUR);
    clock.advance(HOUR);
    await scheduler.runDue();
    expect(daily.nextAt?.getTime()).toBe(clock.now().getTime() + DAY_MS);
    daily.stop();
    clock.advance(DAY_MS);
    expect(await scheduler.runDue()).toBe(0);
  });
});

describe('a backup before migrations change an existing database', () => {
  let work: string;
  let oldSchema: Blob;
  const older = '20261125_0006_discovery_speed';

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'wb-premigrate-'));
    // A database as an older version of the app left it: fewer migrations, some data.
    const h = await createDb({ kind: 'embedded' });
    const migrated = await new Migrator({ db: h.db, provider: { getMigrations: async () => migrations } }).migrateTo(older);
    expect(migrated.error).toBeUndefined();
    await sql`insert into category (id, name) values ('c1', 'Made by the old version')`.execute(h.db);
    oldSchema = await h.pglite!.dumpDataDir('gzip');
    await h.close();
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  const open = (name: string, loadDataDir?: Blob, backupDir = join(work, name, 'backups')) =>
    createCore({ database: { kind: 'embedded', loadDataDir }, settingsFile: join(work, name, 'settings.json'), backupDir, scheduler: new ManualScheduler(() => new Date()), bcryptCost: 4, logError: () => undefined });

  it('saves the database as it was, then migrates; not again once it is up to date', async () => {
    const core = await open('upgrade', oldSchema);
    const folder = join(work, 'upgrade', 'backups');
    try {
      expect(await appliedMigrations(core.ctx.db)).toEqual(knownMigrationNames());
      const [backup, ...more] = await listFolder(folder);
      expect(more).toEqual([]);
      expect(backup).toMatchObject({ trigger: 'before-migration', migrationCount: Object.keys(migrations).indexOf(older) + 1 });
      // It holds the old schema and its data, and is a backup Restore accepts.
      const header = await verifyBackupFile(backup!.path);
      const copy = await createDb({ kind: 'embedded', loadDataDir: await readPayload(backup!.path, header) });
      try {
        expect((await appliedMigrations(copy.db)).at(-1)).toBe(older);
        expect((await sql<{ name: string }>`select name from category`.execute(copy.db)).rows).toEqual([{ name: 'Made by the old version' }]);
      } finally {
        await copy.close();
      }

      // The same data, now up to date: opening it migrates nothing, so it takes no backup.
      const upToDate = await core.ctx.dbHandle.pglite!.dumpDataDir('gzip');
      const again = await open('up-to-date', upToDate);
      await again.close();
      expect(existsSync(join(work, 'up-to-date', 'backups')) ? names(join(work, 'up-to-date', 'backups')) : []).toEqual([]);
    } finally {
      await core.close();
    }
  });

  it('takes none of a new database, which has nothing to lose', async () => {
    const core = await open('fresh');
    await core.close();
    expect(existsSync(join(work, 'fresh', 'backups')) ? names(join(work, 'fresh', 'backups')) : []).toEqual([]);
  });

  it('does not migrate when that backup cannot be made, and says why', async () => {
    const blocked = join(work, 'blocked-by-a-file');
    writeFileSync(blocked, 'not a folder');
    const err = await open('blocked', oldSchema, blocked).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BackupBeforeMigrationError);
    expect((err as Error).message).toMatch(/first saves a backup of it in .*blocked-by-a-file.*nothing was changed/);
  });
});
