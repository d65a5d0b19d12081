import type { DomainHandlers } from '../core/handler';
import { testPostgresConnection } from './connection-test';
import { assertDriverAccepts } from './driver-url';
import { readSettings, updateSettings } from './settings.service';
import { setStationLocale } from './station-locale';

export const settingsHandlers: DomainHandlers<'settings'> = {
  'settings:get': async ({ ctx }) => readSettings(ctx),
  'settings:update': ({ ctx, caller, input }) => updateSettings(ctx, caller, input),
  'settings:testConnection': ({ input }) => {
    assertDriverAccepts(input.databaseUrl);
    return testPostgresConnection(input.databaseUrl);
  },
  'settings:setLocale': ({ ctx, caller, input }) => setStationLocale(ctx, caller, input.locale),
};
