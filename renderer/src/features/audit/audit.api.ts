import type { InputOf } from '../../../../shared/ipc/contract';
import { invoke } from '../../lib/api';

export const auditApi = {
  list: (input: InputOf<'audit:list'>) => invoke('audit:list', input),
};
