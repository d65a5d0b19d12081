import { writeAudit } from '../audit/audit.service';
import { actorOf, type Caller } from '../core/caller';
import type { CoreContext } from '../core/context';

/** The language this station shows dates and times in (null: the system's). Takes effect at once. */
export async function setStationLocale(ctx: CoreContext, caller: Caller, locale: string | null): Promise<{ locale: string | null }> {
  const before = ctx.settings.read();
  ctx.settings.write({ ...before, locale });
  await writeAudit(ctx.db, actorOf(caller), { action: 'settings.locale', entityType: 'station', entityId: null, before: { locale: before.locale ?? null }, after: { locale } });
  return { locale };
}
