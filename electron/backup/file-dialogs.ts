import { AppError } from '../../shared/errors';

/**
 * Where a backup goes and which one to restore: always chosen by the person at the main process's
 * own dialog, never a path from the renderer (a page must not name files on this computer). The
 * shell implements it with Electron's dialogs; the e2e bridge and tests with a path they set.
 * null means the dialog was closed without a choice.
 */
export interface FileDialogs {
  /** `clientId` names the window asking, so the dialog can sit on top of it. */
  chooseBackupTarget(suggestedName: string, clientId: string): Promise<string | null>;
  chooseBackupToRestore(clientId: string): Promise<string | null>;
  /** Where an export (CSV, XLSX, PDF) goes; the suggested name carries its extension. */
  chooseExportTarget(suggestedName: string, clientId: string): Promise<string | null>;
}

const noDialog = async (): Promise<never> => {
  throw new AppError('CONFLICT', 'Files cannot be chosen here (this process has no file dialogs).');
};

/** A core without a window (command-line tools, most tests). */
export const NO_FILE_DIALOGS: FileDialogs = { chooseBackupTarget: noDialog, chooseBackupToRestore: noDialog, chooseExportTarget: noDialog };
