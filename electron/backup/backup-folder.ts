import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { AUTOMATIC_TRIGGERS, BACKUP_EXTENSION, type BackupSummary, type BackupTrigger } from '../../shared/backup';
import { readBackupHeader, summaryOf } from './container';
import { removeLeftovers } from './backup-file';

/** `<userData>/backups`: automatic backups and the safety copies of restores. */
export const backupDirIn = (userDataDir: string): string => join(userDataDir, 'backups');

const FOLDER_FILE = new RegExp(`^workshop-booking-(daily|before-migration|before-restore)-\\d{8}-\\d{6}-\\d{3}(-\\d+)?\\.${BACKUP_EXTENSION}$`);

const stamp = (d: Date): string => d.toISOString().replace(/[-:]/g, '').replace('T', '-').replace('.', '-').replace('Z', '');

/** A new, unused name in the folder; sorts by time. */
export async function folderFileName(folder: string, trigger: Exclude<BackupTrigger, 'manual'>, at: Date): Promise<string> {
  await mkdir(folder, { recursive: true });
  const taken = new Set(await readdir(folder));
  const base = `workshop-booking-${trigger}-${stamp(at)}`;
  for (let n = 0; ; n++) {
    const name = `${base}${n ? `-${n}` : ''}.${BACKUP_EXTENSION}`;
    if (!taken.has(name)) return join(folder, name);
  }
}

export interface FolderBackup extends BackupSummary {
  path: string;
}

/**
 * The backups this app made in its folder, newest first, as their manifests describe them (the
 * name alone could be anyone's file). Unreadable files are left out, never deleted.
 */
export async function listFolder(folder: string): Promise<FolderBackup[]> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return [];
  }
  const found = await Promise.all(
    names
      .filter((n) => FOLDER_FILE.test(n))
      .map(async (n) => {
        const path = join(folder, n);
        try {
          return { ...summaryOf(path, await readBackupHeader(path)), path };
        } catch {
          return null;
        }
      }),
  );
  return found.filter((b): b is FolderBackup => b !== null).sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.fileName.localeCompare(a.fileName));
}

const isAutomatic = (b: BackupSummary) => AUTOMATIC_TRIGGERS.includes(b.trigger) && FOLDER_FILE.exec(b.fileName)?.[1] === b.trigger;

/**
 * Keeps the newest `keep` automatic backups and deletes older ones. Manual backups and the safety
 * copies of restores are never counted or removed: only the admin decides about those.
 */
export async function applyRetention(folder: string, keep: number): Promise<string[]> {
  const automatic = (await listFolder(folder)).filter(isAutomatic);
  const old = automatic.slice(Math.max(keep, 1));
  await Promise.all(old.map((b) => rm(b.path, { force: true })));
  // Halves of backups interrupted by a crash or a kill. File times are the real clock's, not the core's.
  await removeLeftovers(folder, (name) => name.startsWith('.') && /\.(partial|previous)$/.test(name), new Date(Date.now() - 3_600_000));
  return old.map((b) => b.fileName);
}

export async function automaticBackups(folder: string): Promise<BackupSummary[]> {
  return (await listFolder(folder)).filter(isAutomatic).map(({ path: _p, ...b }) => b);
}

export async function safetyCopies(folder: string): Promise<BackupSummary[]> {
  return (await listFolder(folder)).filter((b) => b.trigger === 'before-restore').map(({ path: _p, ...b }) => b);
}
