import type { DomainHandlers, Replayers } from '../core/handler';
import { kioskCheckIn, replayKioskCheckIn } from './kiosk-checkin';
import { exitKiosk } from './kiosk-exit';
import { kioskRegister, replayKioskRegister } from './kiosk-register';
import { kioskSettings, kioskStatus, updateKioskSettings } from './kiosk-settings';

export const kioskHandlers: DomainHandlers<'kiosk'> = {
  'kiosk:status': ({ ctx }) => kioskStatus(ctx),
  'kiosk:checkIn': ({ ctx, caller, input }) => kioskCheckIn(ctx, caller, input),
  'kiosk:register': ({ ctx, caller, input }) => kioskRegister(ctx, caller, input),
  'kiosk:exit': ({ ctx, caller, input }) => exitKiosk(ctx, caller, input),
  'kiosk:getSettings': async ({ ctx }) => kioskSettings(ctx),
  'kiosk:updateSettings': ({ ctx, caller, input }) => updateKioskSettings(ctx, caller, input),
};

/** A repeated request gets back what it made: the check-in, or the registration, as they are now. */
export const kioskReplayers: Replayers = {
  'kiosk:checkIn': ({ ctx, entityId }) => replayKioskCheckIn(ctx, entityId),
  'kiosk:register': ({ ctx, entityId }) => replayKioskRegister(ctx, entityId),
};
