import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STRONG_PASSWORD } from '../../test/test-core';
import { createCore, type Core } from '../core/create-core';
import { createDb } from '../db/create-db';
import { migrateToLatest } from '../db/migrate';
import { readBackupHeader, verifyBackupFile } from './container';
import { replacedDirOf, stagingDirOf } from './restore';
import { ManualScheduler, ScriptedFileDialogs } from './test-kit';

/**
 * The embedded database in a folder, as the app keeps it: a kill in the middle of a backup, a
 * restore that swaps the folder, a restore interrupted by a crash. One migrated snapshot is loaded
 * into the folder (a fresh on-disk database costs several seconds and most of a gigabyte).
 */
describe('backups of the embedded database on disk', () => {
  let work: string;
  let dataDir: string;
  let folder: string;
  const dialogs = new ScriptedFileDialogs();
  const target = () => join(work, 'desk.wbbackup');
  let core: Core | null = null;

  const open = async () => {
    core = await createCore({
      database: { kind: 'embedded', dataDir },
      settingsFile: join(work, 'settings.json'),
      backupDir: folder,
      fileDialogs: dialogs,
      scheduler: new ManualScheduler(() => new Date()),
      bcryptCost: 4,
      logError: () => undefined,
    });
    return core;
  };
  const close = async () => {
    await core?.close();
    core = null;
  };
  const call = async (channel: string, input: unknown, clientId = 'admin') => core!.dispatch({ clientId, surface: 'workstation' }, channel, input, { requestId: crypto.randomUUID() });
  const must = async (channel: string, input: unknown) => {
    const r = await call(channel, input);
    if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
    return r.data as never;
  };
  const signIn = () => must('auth:signIn', { email: 'ada@example.com', password: STRONG_PASSWORD });
  const categories = async () => ((await must('categories:list', {})) as { name: string }[]).map((c) => c.name).sort();
  const restoreTarget = async () => {
    dialogs.openFrom = target();
    const choice = (await must('backup:chooseRestoreFile', {})) as { selection: string };
    return call('backup:restore', { selection: choice.selection });
  };

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'wb-disk-backup-'));
    dataDir = join(work, 'database');
    folder = join(work, 'backups');
    const seed = await createDb({ kind: 'embedded' });
    await migrateToLatest(seed.db);
    const snapshot = await seed.pglite!.dumpDataDir('gzip');
    await seed.close();
    await (await createDb({ kind: 'embedded', dataDir, loadDataDir: snapshot })).close();
    await open();
    await must('setup:createFirstAdmin', { name: 'Ada Admin', email: 'ada@example.com', password: STRONG_PASSWORD });
  });
  afterAll(async () => {
    await close();
    rmSync(work, { recursive: true, force: true });
  });

  it('a kill during a backup leaves the previous backup readable and the live data intact', async () => {
    await must('categories:create', { name: 'Kept' });
    dialogs.saveTo = target();
    await must('backup:create', {});
    const previous = (await readBackupHeader(target())).manifest.createdAt;
    await must('categories:create', { name: 'Added after the backup' });
    await close();

    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'backup-midway.child.ts')], {
      env: { ...process.env, DATA_DIR: dataDir, TARGET: target() },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    await new Promise<void>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('MIDWAY')) resolve();
      });
      child.on('exit', () => reject(new Error(`the child ended before writing half a backup: ${out}`)));
    });
    // Half a backup is on disk beside the target when the process dies.
    expect(readdirSync(work).filter((n) => n.startsWith('.desk.wbbackup.') && n.endsWith('.partial'))).toHaveLength(1);
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    // The previous backup is untouched and whole.
    expect((await verifyBackupFile(target())).manifest.createdAt).toBe(previous);
    // The live data opens with everything committed, the killed process's own write included.
    await open();
    await signIn();
    expect(await categories()).toEqual(['Added after the backup', 'Committed before the kill', 'Kept']);
    // The next backup to the same place clears the half-written leftover.
    await must('backup:create', {});
    expect(readdirSync(work).filter((n) => n.endsWith('.partial'))).toEqual([]);
  });

  it('restores on disk: the restored folder is the one the app opens from then on', async () => {
    await must('categories:create', { name: 'Only in the backup' });
    dialogs.saveTo = target();
    await must('backup:create', {});
    const before = await categories();
    await must('categories:create', { name: 'Made after it' });
    expect(await restoreTarget()).toMatchObject({ ok: true });
    await signIn();
    expect(await categories()).toEqual(before);
    // No staging or replaced folder is left beside the data folder.
    expect(existsSync(stagingDirOf(dataDir)) || existsSync(replacedDirOf(dataDir))).toBe(false);
    await close();
    await open();
    await signIn();
    expect(await categories()).toEqual(before);
  });

  it('a crash between the two renames of a restore gives the previous data back at the next start', async () => {
    const before = await categories();
    await close();
    // What the swap leaves when the app dies after moving the live folder aside.
    renameSync(dataDir, replacedDirOf(dataDir));
    mkdirSync(stagingDirOf(dataDir));
    writeFileSync(join(stagingDirOf(dataDir), 'half-loaded'), '');
    await open();
    await signIn();
    expect(await categories()).toEqual(before);
    expect(existsSync(stagingDirOf(dataDir)) || existsSync(replacedDirOf(dataDir))).toBe(false);
  });
});
