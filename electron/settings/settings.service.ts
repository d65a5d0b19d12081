import type { z } from 'zod';
import { redactDatabaseUrl, type StationSettings, type updateSettingsInput } from '../../shared/settings';
import { writeAudit } from '../audit/audit.service';
import { actorOf, type Caller } from '../core/caller';
import type { CoreContext } from '../core/context';

export function readSettings(ctx: CoreContext): StationSettings {
  const stored = ctx.settings.read();
  const database = stored.databaseUrl
    ? ({ kind: 'postgres', url: redactDatabaseUrl(stored.databaseUrl) } as const)
    : ({ kind: 'embedded', location: ctx.embeddedLocation } as const);
  const activeKind = ctx.dbHandle.kind;
  const restartRequired = stored.databaseUrl !== ctx.activeDatabaseUrl;
  return { stationName: stored.stationName, database, active: { kind: activeKind, description: ctx.dbHandle.description }, restartRequired };
}

export async function updateSettings(ctx: CoreContext, caller: Caller, input: z.output<typeof updateSettingsInput>): Promise<StationSettings> {
  const before = ctx.settings.read();
  ctx.settings.write({ ...before, stationName: input.stationName, databaseUrl: input.databaseUrl });
  await writeAudit(ctx.db, actorOf(caller), {
    action: 'settings.update',
    entityType: 'station',
    entityId: null,
    before: { stationName: before.stationName, database: before.databaseUrl ? redactDatabaseUrl(before.databaseUrl) : 'embedded' },
    after: { stationName: input.stationName, database: input.databaseUrl ? redactDatabaseUrl(input.databaseUrl) : 'embedded' },
  });
  return readSettings(ctx);
}
