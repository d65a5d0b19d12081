import type { BackupTrigger } from '../../shared/backup';
import { DEFAULT_BACKUP_RETENTION } from '../../shared/backup';
import { AppError } from '../../shared/errors';
import type { CoreContext } from '../core/context';
import type { DbHandle } from '../db/create-db';
import { appliedMigrations, knownMigrationNames } from '../db/migrate';
import { prepareBackupFile } from './backup-file';
import { applyRetention, automaticBackups, folderFileName } from './backup-folder';
import { DailyBackups } from './daily';
import { takeSnapshot } from './snapshot';

export interface FolderBackupInfo {
  folder: string;
  appVersion: string;
  station: string;
  now: Date;
}

/** A backup into the app's own folder, put in place once it has been read back. */
export async function backupIntoFolder(handle: DbHandle, trigger: Exclude<BackupTrigger, 'manual'>, info: FolderBackupInfo): Promise<string> {
  const snap = await takeSnapshot(handle.pglite, handle.db, { appVersion: info.appVersion, station: info.station, trigger, createdAt: info.now });
  const path = await folderFileName(info.folder, trigger, info.now);
  const prepared = await prepareBackupFile(path, snap.draft, snap.payload);
  await (await prepared.commit()).done();
  return path;
}

export const retentionOf = (ctx: Pick<CoreContext, 'settings'>): number => ctx.settings.read().backupRetention ?? DEFAULT_BACKUP_RETENTION;

export class BackupBeforeMigrationError extends Error {
  constructor(folder: string, reason: string) {
    super(
      `This version of Workshop Booking needs to update the database's format, and first saves a backup of it in ${folder}. That backup could not be made (${reason}), so nothing was changed. Free some space there (or fix what the reason says) and start the app again.`,
    );
    this.name = 'BackupBeforeMigrationError';
  }
}

/**
 * Before migrations change an existing embedded database: a copy of it as it was, so an upgrade that
 * goes wrong can be undone from Station settings. Not for a new database (nothing to lose), nor when
 * nothing is pending, nor for one a newer version made (the migration refuses to touch it anyway).
 */
export async function backupBeforeMigration(handle: DbHandle, info: FolderBackupInfo & { retention: number }): Promise<string | null> {
  if (!handle.pglite) return null;
  const applied = await appliedMigrations(handle.db);
  const known = knownMigrationNames();
  if (applied.length === 0 || applied.some((n) => !known.includes(n)) || known.every((n) => applied.includes(n))) return null;
  try {
    const path = await backupIntoFolder(handle, 'before-migration', info);
    await applyRetention(info.folder, info.retention);
    return path;
  } catch (err) {
    throw new BackupBeforeMigrationError(info.folder, err instanceof AppError ? err.message : String((err as Error)?.message ?? err));
  }
}

/** Starts the daily timer of an embedded database that has a backup folder. */
export async function startDailyBackups(ctx: CoreContext, logError: (err: unknown, where: string) => void): Promise<DailyBackups | null> {
  const rt = ctx.backups;
  const folder = rt.folder;
  if (!folder || ctx.dbHandle.kind !== 'embedded') return null;
  const daily = new DailyBackups({
    scheduler: rt.scheduler,
    now: ctx.now,
    newest: async () => {
      const newest = (await automaticBackups(folder))[0];
      return newest ? new Date(newest.createdAt) : null;
    },
    run: async () => {
      // Not while a restore swaps the database; the timer tries again later.
      const r = await rt.gate.enter(async () => {
        await backupIntoFolder(ctx.dbHandle, 'daily', { folder, appVersion: ctx.appVersion, station: ctx.settings.read().stationName, now: ctx.now() });
        await applyRetention(folder, retentionOf(ctx));
      });
      return r.ran;
    },
    logError: (err) => logError(err, 'daily backup'),
  });
  await daily.start();
  return daily;
}
