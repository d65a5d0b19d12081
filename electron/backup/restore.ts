import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../shared/errors';
import type { CoreContext } from '../core/context';
import { createDb, type DbHandle } from '../db/create-db';
import { appliedMigrations, knownMigrationNames, migrateToLatest } from '../db/migrate';
import type { Manifest } from './container';

// Siblings of the data folder, so the swap is two renames on one file system.
export const stagingDirOf = (dataDir: string): string => `${dataDir}.restoring`;
export const replacedDirOf = (dataDir: string): string => `${dataDir}.replaced`;

const holdsDatabase = (dir: string) => existsSync(join(dir, 'PG_VERSION'));

/**
 * At start-up, before the database opens: a restore the app did not live to finish. Killed while
 * staging: the half-loaded copy goes. Killed between the two renames: the previous data comes
 * back, as if the restore had not been asked for. Killed after them: the restore is done, and the
 * data it replaced is already in its verified safety copy.
 */
export async function recoverInterruptedRestore(dataDir: string): Promise<void> {
  await rm(stagingDirOf(dataDir), { recursive: true, force: true });
  const replaced = replacedDirOf(dataDir);
  if (!holdsDatabase(replaced)) return;
  if (!holdsDatabase(dataDir)) {
    await rm(dataDir, { recursive: true, force: true });
    await rename(replaced, dataDir);
  } else {
    await rm(replaced, { recursive: true, force: true });
  }
}

const majorOf = (version: string): number => Number.parseInt(version, 10);

/** Refuses what this app cannot safely restore, from the manifest alone (before anything is loaded). */
export function assertRestorable(manifest: Manifest, engineVersion: string): void {
  const known = new Set(knownMigrationNames());
  const unknown = manifest.migrations.filter((n) => !known.has(n));
  if (unknown.length > 0) {
    const shown = unknown.slice(0, 3).join(', ') + (unknown.length > 3 ? ` and ${unknown.length - 3} more` : '');
    throw new AppError(
      'CONFLICT',
      `This backup was made by a newer version of Workshop Booking (${manifest.appVersion}): its data has changes this version does not know (${shown}). Install that version or a newer one to restore it. Nothing was changed.`,
    );
  }
  if (manifest.migrations.length === 0) throw new AppError('VALIDATION', 'This backup holds no Workshop Booking data (it was made before the database was set up). Nothing was changed.');
  const theirs = majorOf(manifest.engine.postgres);
  const ours = majorOf(engineVersion);
  if (theirs !== ours) {
    throw new AppError(
      'CONFLICT',
      `This backup was made with another major version of the embedded database engine (PostgreSQL ${manifest.engine.postgres}; this app runs ${engineVersion}), whose files this version cannot read. Open it with Workshop Booking ${manifest.appVersion}. Nothing was changed.`,
    );
  }
}

/**
 * Loads the backup beside the live data (a sibling folder, or memory), brings its schema up to date
 * and checks it for real: the manifest is only what the file claims.
 */
export async function openStaging(payload: Blob, dataDir: string | null): Promise<DbHandle> {
  const dir = dataDir ? stagingDirOf(dataDir) : undefined;
  if (dir) await rm(dir, { recursive: true, force: true });
  let staging: DbHandle;
  try {
    staging = await createDb({ kind: 'embedded', dataDir: dir, loadDataDir: payload });
  } catch {
    if (dir) await rm(dir, { recursive: true, force: true });
    throw new AppError('VALIDATION', 'This backup could not be opened: its database files are damaged or were not made by Workshop Booking. Nothing was changed.');
  }
  try {
    const known = new Set(knownMigrationNames());
    const applied = await appliedMigrations(staging.db);
    if (applied.length === 0) throw new AppError('VALIDATION', 'This backup holds no Workshop Booking data. Nothing was changed.');
    if (applied.some((n) => !known.has(n))) throw new AppError('CONFLICT', 'This backup was made by a newer version of Workshop Booking: its data has changes this version does not know. Nothing was changed.');
    await migrateToLatest(staging.db);
    return staging;
  } catch (err) {
    await discardStaging(staging, dataDir);
    throw err;
  }
}

export async function discardStaging(staging: DbHandle, dataDir: string | null): Promise<void> {
  await staging.close().catch(() => undefined);
  if (dataDir) await rm(stagingDirOf(dataDir), { recursive: true, force: true });
}

/**
 * Closes the live database and puts the staged one in its place (on disk: two renames, then open
 * it where the app expects it). If the restored folder will not open, the previous data goes back
 * and the restore is refused.
 */
export async function swapIn(ctx: CoreContext, staging: DbHandle): Promise<void> {
  const rt = ctx.backups;
  const dataDir = rt.dataDir;
  await ctx.dbHandle.close();
  if (!dataDir) {
    rt.install(staging);
    return;
  }
  await staging.close();
  const replaced = replacedDirOf(dataDir);
  await rm(replaced, { recursive: true, force: true });
  await rename(dataDir, replaced);
  await rename(stagingDirOf(dataDir), dataDir);
  let next: DbHandle | null = null;
  try {
    next = await createDb({ kind: 'embedded', dataDir });
    await migrateToLatest(next.db);
  } catch {
    await next?.close().catch(() => undefined);
    await rm(dataDir, { recursive: true, force: true });
    await rename(replaced, dataDir);
    rt.install(await createDb({ kind: 'embedded', dataDir }));
    throw new AppError('CONFLICT', 'The restored data could not be opened here, so the previous data was put back as it was (everyone has to sign in again).');
  }
  rt.install(next);
  await rm(replaced, { recursive: true, force: true });
}
