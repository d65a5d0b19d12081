import type { InputOf } from '../../../../shared/ipc/contract';
import { invoke } from '../../lib/api';

export const settingsApi = {
  get: () => invoke('settings:get', {}),
  update: (input: InputOf<'settings:update'>) => invoke('settings:update', input),
  testConnection: (databaseUrl: string) => invoke('settings:testConnection', { databaseUrl }),
  setLocale: (locale: string | null) => invoke('settings:setLocale', { locale }),
};
