import type { z } from 'zod';
import {
  BACKUP_EXTENSION,
  SHARED_SERVER_BACKUP_MESSAGE,
  type BackupCreateResult,
  type BackupStatus,
  type backupRetentionInput,
  type RestoreChoice,
  type RestoreResult,
  type restoreBackupInput,
} from '../../shared/backup';
import { AppError } from '../../shared/errors';
import { writeAudit } from '../audit/audit.service';
import { actorOf, type Caller } from '../core/caller';
import type { CoreContext } from '../core/context';
import { recordOutcome, transact } from '../core/requests';
import { knownMigrationNames } from '../db/migrate';
import { retentionOf } from './automatic';
import { prepareBackupFile } from './backup-file';
import { automaticBackups, folderFileName, safetyCopies } from './backup-folder';
import { readPayload, summaryOf, verifyBackupFile } from './container';
import { assertRestorable, discardStaging, openStaging, swapIn } from './restore';
import { takeSnapshot } from './snapshot';

function assertEmbedded(ctx: CoreContext): void {
  if (ctx.dbHandle.kind !== 'embedded') throw new AppError('CONFLICT', SHARED_SERVER_BACKUP_MESSAGE);
}

const engineVersion = async (ctx: CoreContext): Promise<string> =>
  (await ctx.dbHandle.pglite!.query<{ server_version: string }>('show server_version')).rows[0]?.server_version ?? 'unknown';

export async function backupStatus(ctx: CoreContext): Promise<BackupStatus> {
  if (ctx.dbHandle.kind !== 'embedded') return { available: false, reason: 'shared-server', message: SHARED_SERVER_BACKUP_MESSAGE };
  const folder = ctx.backups.folder;
  return {
    available: true,
    folder,
    retention: retentionOf(ctx),
    automatic: folder ? await automaticBackups(folder) : [],
    safetyCopies: folder ? await safetyCopies(folder) : [],
    nextDailyAt: ctx.backups.daily?.nextAt?.toISOString() ?? null,
  };
}

/** "workshop-booking-front-desk-1-2026-05-01-1030.wbbackup", in the computer's own time. */
function suggestedName(station: string, at: Date): string {
  const slug =
    station
      .normalize('NFKD')
      .replace(/[^\w\s-]/g, '')
      .trim()
      .toLowerCase()
      .replace(/[\s_]+/g, '-')
      .slice(0, 40) || 'station';
  const p = (n: number) => String(n).padStart(2, '0');
  return `workshop-booking-${slug}-${at.getFullYear()}-${p(at.getMonth() + 1)}-${p(at.getDate())}-${p(at.getHours())}${p(at.getMinutes())}.${BACKUP_EXTENSION}`;
}

/**
 * Back up now. The file is written beside the target and read back first; it is moved into place as
 * the last step of the audit row's transaction, so a failed audit row leaves no backup claimed and
 * the file that was there before stays.
 */
export async function createBackup(ctx: CoreContext, caller: Caller): Promise<BackupCreateResult> {
  assertEmbedded(ctx);
  const now = ctx.now();
  const target = await ctx.backups.dialogs.chooseBackupTarget(suggestedName(caller.station, now), caller.clientId);
  if (target === null) return transact(ctx, caller, async () => ({ outcome: 'cancelled' }) as const);
  const snap = await takeSnapshot(ctx.dbHandle.pglite, ctx.db, { appVersion: ctx.appVersion, station: caller.station, trigger: 'manual', createdAt: now });
  const prepared = await prepareBackupFile(target, snap.draft, snap.payload);
  const placed: { file: Awaited<ReturnType<typeof prepared.commit>> | null } = { file: null };
  try {
    const result = await transact(ctx, caller, async (trx) => {
      const backup = summaryOf(target, prepared.header);
      await writeAudit(trx, actorOf(caller), {
        action: 'backup.create',
        entityType: 'backup',
        entityId: null,
        after: { file: target, bytes: backup.bytes, createdAt: backup.createdAt, migrations: backup.migrationCount },
      });
      placed.file = await prepared.commit();
      return { outcome: 'saved', path: target, backup } as const;
    });
    await placed.file?.done();
    return result;
  } catch (err) {
    await prepared.discard();
    await placed.file?.undo().catch(() => undefined);
    throw err;
  }
}

/**
 * The restore dialog, then the whole file read back and checked, so the confirmation never offers a
 * file that would be refused. The path stays here; the renderer confirms by the selection's id.
 */
export async function chooseRestoreFile(ctx: CoreContext, caller: Caller): Promise<RestoreChoice> {
  assertEmbedded(ctx);
  const path = await ctx.backups.dialogs.chooseBackupToRestore(caller.clientId);
  if (path === null) return { outcome: 'cancelled' };
  const header = await verifyBackupFile(path);
  assertRestorable(header.manifest, await engineVersion(ctx));
  return {
    outcome: 'chosen',
    selection: ctx.backups.selections.remember(path, caller.clientId, ctx.now()),
    path,
    backup: summaryOf(path, header),
    olderSchema: header.manifest.migrations.length < knownMigrationNames().length,
  };
}

/**
 * Replaces the live data with a backup, in place, without restarting:
 * 1. the backup is loaded beside the live data, migrated, and given its audit row, the request's
 *    outcome and an empty session table (everyone signs in again) — all before anything live moves;
 * 2. new calls are turned away and running ones finish;
 * 3. the live data is saved as a verified safety copy in the backups folder — no safety copy, no restore;
 * 4. the live database is closed and the staged one takes its place; the core's db, auth and
 *    session store are rebuilt on it.
 */
export async function restoreBackup(ctx: CoreContext, caller: Caller, input: z.output<typeof restoreBackupInput>): Promise<RestoreResult> {
  assertEmbedded(ctx);
  const rt = ctx.backups;
  const folder = rt.folder;
  if (!folder) throw new AppError('CONFLICT', 'Restoring needs a backups folder for the safety copy of the current data, and this run has none.');
  const path = rt.selections.take(input.selection, caller.clientId, ctx.now());
  if (!path) throw new AppError('NOT_FOUND', 'Choose the backup file again: that choice has expired or was made in another window.');
  if (rt.restoring) throw new AppError('CONFLICT', 'A restore is already running. Wait for it to finish.');
  rt.restoring = true;
  try {
    const header = await verifyBackupFile(path);
    assertRestorable(header.manifest, await engineVersion(ctx));
    const staging = await openStaging(await readPayload(path, header), rt.dataDir);
    const now = ctx.now();
    let outcome: RestoreResult;
    try {
      outcome = { restored: summaryOf(path, header), safetyCopy: await folderFileName(folder, 'before-restore', now) };
      // The restored data carries on the station's log: its audit row is written there.
      await staging.db.transaction().execute(async (trx) => {
        await trx.deleteFrom('session').execute();
        await writeAudit(trx, actorOf(caller), {
          action: 'backup.restore',
          entityType: 'backup',
          entityId: null,
          before: { safetyCopy: outcome.safetyCopy },
          after: { file: path, createdAt: header.manifest.createdAt, station: header.manifest.station, appVersion: header.manifest.appVersion, migrations: header.manifest.migrations.length },
        });
        await recordOutcome(trx, caller, outcome);
      });
    } catch (err) {
      await discardStaging(staging, rt.dataDir);
      throw err;
    }
    await rt.gate.exclusive(async () => {
      try {
        const snap = await takeSnapshot(ctx.dbHandle.pglite, ctx.db, { appVersion: ctx.appVersion, station: caller.station, trigger: 'before-restore', createdAt: now });
        await (await (await prepareBackupFile(outcome.safetyCopy, snap.draft, snap.payload)).commit()).done();
      } catch (err) {
        await discardStaging(staging, rt.dataDir);
        throw new AppError('CONFLICT', `The current data could not be saved as a safety copy first (${err instanceof AppError ? err.message : 'it could not be read'}), so nothing was restored.`);
      }
      await swapIn(ctx, staging);
    }, { fromACall: true });
    return outcome;
  } finally {
    rt.restoring = false;
  }
}

/**
 * The number of automatic backups kept. Like the other station settings: the audit row first, the
 * settings file last in its transaction, the previous file put back if the commit fails.
 */
export async function setRetention(ctx: CoreContext, caller: Caller, input: z.output<typeof backupRetentionInput>): Promise<BackupStatus> {
  assertEmbedded(ctx);
  const before = retentionOf(ctx);
  const undo: Array<() => void> = [];
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await writeAudit(trx, actorOf(caller), { action: 'backup.retention', entityType: 'station', entityId: null, before: { keep: before }, after: { keep: input.keep } });
      undo.push(ctx.settings.write({ ...ctx.settings.read(), backupRetention: input.keep }));
    });
  } catch (err) {
    for (const restore of undo) restore();
    throw err;
  }
  return backupStatus(ctx);
}
