import type { InputOf } from '../../../../shared/ipc/contract';
import { invoke } from '../../lib/api';

export const usersApi = {
  list: (input: InputOf<'users:list'>) => invoke('users:list', input),
  create: (input: InputOf<'users:create'>) => invoke('users:create', input),
  setRole: (input: InputOf<'users:setRole'>) => invoke('users:setRole', input),
  setDisabled: (input: InputOf<'users:setDisabled'>) => invoke('users:setDisabled', input),
  resetPassword: (userId: string) => invoke('users:resetPassword', { userId }),
};
