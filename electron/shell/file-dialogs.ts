import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { BrowserWindow, dialog, webContents, type FileFilter, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import { BACKUP_EXTENSION } from '../../shared/backup';
import type { FileDialogs } from '../backup/file-dialogs';

const FILTERS: FileFilter[] = [
  { name: 'Workshop Booking backup', extensions: [BACKUP_EXTENSION] },
  { name: 'All files', extensions: ['*'] },
];

const EXPORT_FILE_NAMES: Record<string, string> = { csv: 'CSV (comma-separated values)', xlsx: 'Excel workbook', pdf: 'PDF document' };

/** The window that asked (client ids are `wc:<webContents id>`, see ipc.ts), so the dialog is modal to it. */
function ownerOf(clientId: string): BrowserWindow | null {
  const id = /^wc:(\d+)$/.exec(clientId)?.[1];
  const contents = id ? webContents.fromId(Number(id)) : undefined;
  return contents ? BrowserWindow.fromWebContents(contents) : null;
}

/**
 * Electron's save and open dialogs. Back up now starts in the Documents folder (a copy meant to
 * leave this computer); Restore starts in the backups folder, where the automatic backups are.
 */
export function electronFileDialogs(folders: { documents: string; backups: string }): FileDialogs {
  return {
    chooseBackupTarget: async (suggestedName, clientId) => {
      const options: SaveDialogOptions = { title: 'Back up Workshop Booking', defaultPath: join(folders.documents, suggestedName), filters: FILTERS, properties: ['createDirectory', 'showOverwriteConfirmation'] };
      const owner = ownerOf(clientId);
      const r = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
      return r.canceled || !r.filePath ? null : r.filePath;
    },
    chooseExportTarget: async (suggestedName, clientId) => {
      const extension = suggestedName.split('.').pop() ?? '';
      const options: SaveDialogOptions = {
        title: 'Save export',
        defaultPath: join(folders.documents, suggestedName),
        filters: [{ name: EXPORT_FILE_NAMES[extension] ?? 'File', extensions: [extension] }],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      const owner = ownerOf(clientId);
      const r = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
      return r.canceled || !r.filePath ? null : r.filePath;
    },
    chooseBackupToRestore: async (clientId) => {
      mkdirSync(folders.backups, { recursive: true });
      const options: OpenDialogOptions = { title: 'Restore Workshop Booking from a backup', defaultPath: folders.backups, filters: FILTERS, properties: ['openFile'] };
      const owner = ownerOf(clientId);
      const r = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
  };
}
