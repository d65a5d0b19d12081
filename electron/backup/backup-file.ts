import { randomBytes } from 'node:crypto';
import { copyFile, link, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { encodeHeader, verifyBackupFile, type BackupHeader, type ManifestDraft } from './container';
import { fileSystemRefusal } from './file-errors';

/** Called after each chunk; a caller may wait here (a progress bar, or a test holding the write midway). */
export type Progress = (written: number, total: number) => void | Promise<void>;

const CHUNK = 1024 * 1024;

/** A backup written and read back, not yet in place: `commit` puts it there. */
export interface PreparedBackup {
  target: string;
  header: BackupHeader & { fileBytes: number };
  /** Puts the file in place in one rename; `undo` brings back what was there before. */
  commit(): Promise<{ undo(): Promise<void>; done(): Promise<void> }>;
  discard(): Promise<void>;
}

// Beside the target, so the final rename stays on one file system (and so is atomic).
const partialPrefix = (target: string) => `.${basename(target)}.`;
const scratchName = (target: string, kind: 'partial' | 'previous') => join(dirname(target), `${partialPrefix(target)}${randomBytes(4).toString('hex')}.${kind}`);

/**
 * Writes to a temporary file beside the target, flushes it to disk and reads it back. A kill at any
 * moment leaves the previous file at `target` untouched, at worst with a `.partial` beside it that
 * the next backup to the same place removes.
 */
export async function prepareBackupFile(target: string, draft: ManifestDraft, payload: Uint8Array, onProgress?: Progress): Promise<PreparedBackup> {
  await removeLeftovers(dirname(target), (name) => name.startsWith(partialPrefix(target)) && /\.(partial|previous)$/.test(name));
  const tmp = scratchName(target, 'partial');
  try {
    const handle = await open(tmp, 'wx', 0o600);
    try {
      await handle.write(encodeHeader(draft, payload));
      for (let at = 0; at < payload.byteLength; at += CHUNK) {
        const part = payload.subarray(at, at + CHUNK);
        await handle.write(part);
        await onProgress?.(at + part.byteLength, payload.byteLength);
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (err) {
    await rm(tmp, { force: true });
    throw fileSystemRefusal(err, 'write', target);
  }
  let header;
  try {
    header = await verifyBackupFile(tmp);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
  return {
    target,
    header,
    discard: () => rm(tmp, { force: true }),
    commit: async () => {
      // The previous file stays reachable (a hard link, or a copy where links are not supported)
      // until the caller's transaction has committed, so a failed audit row can put it back.
      let previous: string | null = scratchName(target, 'previous');
      try {
        await link(target, previous);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') previous = null;
        else await copyFile(target, previous).catch(() => (previous = null));
      }
      try {
        await rename(tmp, target);
      } catch (err) {
        if (previous) await rm(previous, { force: true });
        await rm(tmp, { force: true });
        throw fileSystemRefusal(err, 'write', target);
      }
      await syncFolder(dirname(target));
      return {
        undo: async () => {
          if (previous) await rename(previous, target);
          else await rm(target, { force: true });
        },
        done: async () => {
          if (previous) await rm(previous, { force: true });
        },
      };
    },
  };
}

/** Makes the rename itself durable; folders cannot be opened for syncing on Windows, where NTFS journals it. */
async function syncFolder(folder: string): Promise<void> {
  try {
    const h = await open(folder, 'r');
    try {
      await h.sync();
    } finally {
      await h.close();
    }
  } catch {
    // best effort
  }
}

/** Removes scratch files of interrupted backups; `olderThan` spares one that a backup running right now is writing. */
export async function removeLeftovers(folder: string, matches: (name: string) => boolean, olderThan?: Date): Promise<void> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return;
  }
  await Promise.all(
    names.filter(matches).map(async (n) => {
      const path = join(folder, n);
      const modified = olderThan ? (await stat(path).catch(() => null))?.mtime.getTime() : undefined;
      if (olderThan && (modified === undefined || modified >= olderThan.getTime())) return;
      await rm(path, { force: true });
    }),
  );
}
