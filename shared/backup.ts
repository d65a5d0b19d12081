import { z } from 'zod';
import { boundedInt, idText } from './text';

/** The extension the file dialogs offer; files are recognised by their content, never by this. */
export const BACKUP_EXTENSION = 'wbbackup';

/** Automatic backups kept in the data folder unless the admin chooses otherwise. */
export const DEFAULT_BACKUP_RETENTION = 7;
export const MAX_BACKUP_RETENTION = 365;

/**
 * Why a backup was made. Only 'daily' and 'before-migration' are automatic and counted by the
 * retention; 'before-restore' is the safety copy of the data a restore replaced, kept until the
 * admin deletes it, like a manual backup.
 */
export type BackupTrigger = 'manual' | 'daily' | 'before-migration' | 'before-restore';

export const AUTOMATIC_TRIGGERS: readonly BackupTrigger[] = ['daily', 'before-migration'];

/** What a backup file says about itself, as the settings screen shows it. */
export interface BackupSummary {
  fileName: string;
  createdAt: string;
  station: string;
  appVersion: string;
  trigger: BackupTrigger;
  /** How many schema changes (migrations) the data had when it was backed up. */
  migrationCount: number;
  bytes: number;
}

export const SHARED_SERVER_BACKUP_MESSAGE =
  'This station uses a shared PostgreSQL server, so its data is backed up on the server, not here: use pg_dump (or your database host’s backups) there. Backup and restore in this app are for the embedded database only.';

export type BackupStatus =
  | { available: false; reason: 'shared-server'; message: string }
  | {
      available: true;
      /** The data folder's backups folder; null where this run keeps no automatic backups (tests). */
      folder: string | null;
      retention: number;
      /** Automatic backups in the folder, newest first. */
      automatic: BackupSummary[];
      /** Safety copies made before restores, newest first. */
      safetyCopies: BackupSummary[];
      /** When the next daily backup is due while the app runs; null when none is scheduled. */
      nextDailyAt: string | null;
    };

export type BackupCreateResult =
  | { outcome: 'cancelled' }
  | { outcome: 'saved'; path: string; backup: BackupSummary };

export type RestoreChoice =
  | { outcome: 'cancelled' }
  | {
      outcome: 'chosen';
      /** Names the chosen file for backup:restore; the file's path stays in the main process. */
      selection: string;
      path: string;
      backup: BackupSummary;
      /** Made by an older version: it is brought up to date after restoring. */
      olderSchema: boolean;
    };

export interface RestoreResult {
  restored: BackupSummary;
  /** The replaced data, saved as a backup file that Restore accepts. */
  safetyCopy: string;
}

export const restoreBackupInput = z.object({ selection: idText('Choose the backup file first.') });

export const backupRetentionInput = z.object({ keep: boundedInt(1, MAX_BACKUP_RETENTION, 'The number of backups kept') });
