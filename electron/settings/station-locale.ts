import { writeAudit } from '../audit/audit.service';
import { actorOf, type Caller } from '../core/caller';
import type { CoreContext } from '../core/context';

/**
 * The language this station shows dates and times in (null: the system's). Takes effect at once. As
 * with the other settings, the audit row is written first and the file last in its transaction.
 */
export async function setStationLocale(ctx: CoreContext, caller: Caller, locale: string | null): Promise<{ locale: string | null }> {
  const before = ctx.settings.read();
  const undo: Array<() => void> = [];
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await writeAudit(trx, actorOf(caller), { action: 'settings.locale', entityType: 'station', entityId: null, before: { locale: before.locale ?? null }, after: { locale } });
      undo.push(ctx.settings.write({ ...before, locale }));
    });
  } catch (err) {
    for (const restore of undo) restore();
    throw err;
  }
  return { locale };
}
