import type { DomainHandlers } from '../core/handler';
import { backupStatus, chooseRestoreFile, createBackup, restoreBackup, setRetention } from './backup.service';

export const backupHandlers: DomainHandlers<'backup'> = {
  'backup:status': ({ ctx }) => backupStatus(ctx),
  'backup:create': ({ ctx, caller }) => createBackup(ctx, caller),
  'backup:chooseRestoreFile': ({ ctx, caller }) => chooseRestoreFile(ctx, caller),
  'backup:restore': ({ ctx, caller, input }) => restoreBackup(ctx, caller, input),
  'backup:setRetention': ({ ctx, caller, input }) => setRetention(ctx, caller, input),
};
