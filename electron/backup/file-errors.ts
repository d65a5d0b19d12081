import { basename, dirname } from 'node:path';
import { AppError } from '../../shared/errors';

/**
 * What the file system said, in words an admin can act on. A path chosen in a dialog can be on a
 * full disk, a read-only stick or a share that went away: that is the user's situation to fix,
 * never "Something went wrong".
 */
export function fileSystemRefusal(err: unknown, doing: 'read' | 'write', path: string): AppError {
  if (err instanceof AppError) return err;
  const code = (err as NodeJS.ErrnoException | null)?.code;
  const file = basename(path);
  const folder = dirname(path);
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return doing === 'read'
        ? new AppError('NOT_FOUND', `The file ${file} is not there any more (moved, deleted, or on a drive that was removed). Choose it again.`)
        : new AppError('NOT_FOUND', `The folder ${folder} does not exist (any more). Choose another place.`);
    case 'EACCES':
    case 'EPERM':
      return new AppError('CONFLICT', doing === 'read' ? `This app is not allowed to read ${file}. Check the file's permissions, or copy it somewhere else first.` : `This app is not allowed to write in ${folder}. Choose another folder.`);
    case 'ENOSPC':
    case 'EDQUOT':
      return new AppError('CONFLICT', `There is not enough free space in ${folder}. Free some space or choose another drive.`);
    case 'EROFS':
      return new AppError('CONFLICT', `${folder} is read-only. Choose another place.`);
    case 'EISDIR':
    case 'ENOTEMPTY':
    case 'EEXIST':
      return new AppError('VALIDATION', `${file} is a folder. Choose a file name instead.`);
    case 'ENAMETOOLONG':
      return new AppError('VALIDATION', 'That file name is too long. Choose a shorter one.');
    default:
      return new AppError('CONFLICT', `The file ${file} could not be ${doing === 'read' ? 'read' : 'written'}${code ? ` (the system said ${code})` : ''}. Choose another place and try again.`);
  }
}
