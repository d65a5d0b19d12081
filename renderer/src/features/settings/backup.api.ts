import { invoke } from '../../lib/api';

/** Backups of the embedded database. No call carries a path: the main process asks with its own dialogs. */
export const backupApi = {
  status: () => invoke('backup:status', {}),
  create: () => invoke('backup:create', {}),
  chooseRestoreFile: () => invoke('backup:chooseRestoreFile', {}),
  restore: (selection: string) => invoke('backup:restore', { selection }),
  setRetention: (keep: number) => invoke('backup:setRetention', { keep }),
};
