import type { z } from 'zod';
import { redactDatabaseUrl, type StationSettings, type updateSettingsInput } from '../../shared/settings';
import { writeAudit } from '../audit/audit.service';
import { actorOf, type Caller } from '../core/caller';
import type { CoreContext } from '../core/context';
import { assertDriverAccepts } from './driver-url';

export function readSettings(ctx: CoreContext): StationSettings {
  const stored = ctx.settings.read();
  const database = stored.databaseUrl
    ? ({ kind: 'postgres', url: redactDatabaseUrl(stored.databaseUrl) } as const)
    : ({ kind: 'embedded', location: ctx.embeddedLocation } as const);
  const activeKind = ctx.dbHandle.kind;
  const restartRequired = stored.databaseUrl !== ctx.activeDatabaseUrl;
  return {
    stationName: stored.stationName,
    database,
    active: { kind: activeKind, description: ctx.dbHandle.description },
    restartRequired,
    encryptionAvailable: ctx.settings.encryptionAvailable,
    savedUrlUnreadable: ctx.settings.savedUrlUnreadable,
  };
}

/**
 * The file is written last inside the audit row's transaction: a failing audit row leaves the file
 * untouched, and a commit that fails after the file was written puts the previous file back. Either
 * way the station keeps the settings its audit log says it has.
 */
export async function updateSettings(ctx: CoreContext, caller: Caller, input: z.output<typeof updateSettingsInput>): Promise<StationSettings> {
  if (input.databaseUrl !== null) assertDriverAccepts(input.databaseUrl);
  const before = ctx.settings.read();
  const beforeDatabase = before.databaseUrl ? redactDatabaseUrl(before.databaseUrl) : ctx.settings.savedUrlUnreadable ? 'server (saved address unreadable here)' : 'embedded';
  const undo: Array<() => void> = [];
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await writeAudit(trx, actorOf(caller), {
        action: 'settings.update',
        entityType: 'station',
        entityId: null,
        before: { stationName: before.stationName, database: beforeDatabase },
        after: { stationName: input.stationName, database: input.databaseUrl ? redactDatabaseUrl(input.databaseUrl) : 'embedded' },
      });
      undo.push(ctx.settings.write({ ...before, stationName: input.stationName, databaseUrl: input.databaseUrl }));
    });
  } catch (err) {
    for (const restore of undo) restore();
    throw err;
  }
  return readSettings(ctx);
}
