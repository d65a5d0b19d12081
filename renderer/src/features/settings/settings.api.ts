import type { InputOf } from '../../../../shared/ipc/contract';
import { invoke } from '../../lib/api';

export const settingsApi = {
  get: () => invoke('settings:get', {}),
  update: (input: InputOf<'settings:update'>) => invoke('settings:update', input),
  testConnection: (databaseUrl: string) => invoke('settings:testConnection', { databaseUrl }),
  setLocale: (locale: string | null) => invoke('settings:setLocale', { locale }),
  kiosk: () => invoke('kiosk:getSettings', {}),
  updateKiosk: (input: InputOf<'kiosk:updateSettings'>) => invoke('kiosk:updateSettings', input),
};
