import type { PGlite } from '@electric-sql/pglite';
import type { Kysely } from 'kysely';
import type { BackupTrigger } from '../../shared/backup';
import { AppError } from '../../shared/errors';
import { appliedMigrations } from '../db/migrate';
import type { ManifestDraft } from './container';

export interface SnapshotInfo {
  appVersion: string;
  station: string;
  trigger: BackupTrigger;
  createdAt: Date;
}

export interface Snapshot {
  draft: ManifestDraft;
  payload: Uint8Array;
}

/**
 * The embedded database as one gzip'd tarball, with what a restore needs to know about it. The dump
 * is taken inside a PGlite transaction, which holds PGlite's transaction lock: no other transaction
 * is halfway through its statements while the files are read.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function takeSnapshot(pglite: PGlite | null, db: Kysely<any>, info: SnapshotInfo): Promise<Snapshot> {
  if (!pglite) throw new AppError('CONFLICT', 'Only the embedded database can be backed up from the app.');
  const migrations = await appliedMigrations(db);
  const version = (await pglite.query<{ server_version: string }>('show server_version')).rows[0]?.server_version ?? 'unknown';
  // Fewer WAL records for a restore to replay: the data files themselves are brought up to date.
  await pglite.exec('checkpoint');
  const blob = await pglite.transaction(() => pglite.dumpDataDir('gzip'));
  return {
    draft: {
      appVersion: info.appVersion,
      createdAt: info.createdAt.toISOString(),
      station: info.station,
      databaseKind: 'embedded',
      trigger: info.trigger,
      migrations,
      engine: { postgres: version },
    },
    payload: new Uint8Array(await blob.arrayBuffer()),
  };
}
