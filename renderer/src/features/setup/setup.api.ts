import type { InputOf } from '../../../../shared/ipc/contract';
import { invoke } from '../../lib/api';

export const setupApi = {
  status: () => invoke('app:status', {}),
  createFirstAdmin: (input: InputOf<'setup:createFirstAdmin'>) => invoke('setup:createFirstAdmin', input),
  loadDemoData: () => invoke('setup:loadDemoData', {}),
};
