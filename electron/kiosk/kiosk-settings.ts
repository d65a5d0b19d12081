import type { z } from 'zod';
import { KIOSK_DEFAULTS, type kioskSettingsInput, type KioskSettings, type KioskStatus } from '../../shared/kiosk';
import { writeAudit } from '../audit/audit.service';
import { countUsers } from '../auth/accounts';
import { hashPassword } from '../auth/password-hash';
import { actorOf, type Caller } from '../core/caller';
import type { CoreContext } from '../core/context';
import type { KioskStationSettings } from '../settings/station-settings';

/** The kiosk's settings on this station, its defaults where nothing was chosen. */
export const kioskStationSettings = (ctx: CoreContext): KioskStationSettings => ctx.settings.read().kiosk ?? { pinHash: null, ...KIOSK_DEFAULTS };

export function kioskSettings(ctx: CoreContext): KioskSettings {
  const k = kioskStationSettings(ctx);
  return { pinSet: k.pinHash !== null, resultResetSeconds: k.resultResetSeconds, idleResetSeconds: k.idleResetSeconds };
}

/** What the kiosk's start screen needs; nothing about any person, nor where the data lives. */
export async function kioskStatus(ctx: CoreContext): Promise<KioskStatus> {
  const stored = ctx.settings.read();
  return { ready: (await countUsers(ctx.db)) > 0, stationName: stored.stationName, locale: stored.locale ?? null, ...kioskSettings(ctx) };
}

/**
 * An administrator sets the PIN (hashed like a password, before anything is locked; only whether
 * one is set is ever sent back or audited) and the reset timers. The file is written inside the
 * audit row's transaction and put back if that fails, as the station settings are.
 */
export async function updateKioskSettings(ctx: CoreContext, caller: Caller, input: z.output<typeof kioskSettingsInput>): Promise<KioskSettings> {
  const before = kioskStationSettings(ctx);
  const pinHash = input.pin === undefined ? before.pinHash : input.pin === null ? null : await hashPassword(input.pin, ctx.bcryptCost);
  const next: KioskStationSettings = { pinHash, resultResetSeconds: input.resultResetSeconds, idleResetSeconds: input.idleResetSeconds };
  const undo: Array<() => void> = [];
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await writeAudit(trx, actorOf(caller), {
        action: 'kiosk.settings',
        entityType: 'station',
        entityId: null,
        before: { pinSet: before.pinHash !== null, resultResetSeconds: before.resultResetSeconds, idleResetSeconds: before.idleResetSeconds },
        after: { pin: input.pin === undefined ? 'kept' : input.pin === null ? 'removed' : 'set', resultResetSeconds: next.resultResetSeconds, idleResetSeconds: next.idleResetSeconds },
      });
      undo.push(ctx.settings.write({ ...ctx.settings.read(), kiosk: next }));
    });
  } catch (err) {
    for (const restore of undo) restore();
    throw err;
  }
  return kioskSettings(ctx);
}
