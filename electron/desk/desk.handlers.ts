import type { DomainHandlers, Replayers } from '../core/handler';
import { replayCheckIn } from '../checkin/checkin.service';
import { checkInList } from './checkin-list';
import { checkInAtDesk, payAndCheckIn, reverse, undo } from './desk-checkin';
import { deskSearch } from './desk-search';
import { todaysSessions } from './today';
import { similarPeople, walkIn } from './walk-in';

export const deskHandlers: DomainHandlers<'desk'> = {
  'desk:today': ({ ctx }) => todaysSessions(ctx),
  'desk:search': ({ ctx, input }) => deskSearch(ctx, input),
  'desk:checkIn': ({ ctx, caller, input }) => checkInAtDesk(ctx, caller, input),
  'desk:payAndCheckIn': ({ ctx, caller, input }) => payAndCheckIn(ctx, caller, input),
  'desk:undo': ({ ctx, caller, input }) => undo(ctx, caller, input),
  'desk:reverse': ({ ctx, caller, input }) => reverse(ctx, caller, input),
  'desk:walkIn': ({ ctx, caller, input }) => walkIn(ctx, caller, input),
  'desk:similar': ({ ctx, input }) => similarPeople(ctx.db, input),
  'desk:checkIns': ({ ctx, input }) => checkInList(ctx, input),
};

/** A check-in stores the event it made; a repeated request gets that check-in back, as it is now. */
export const deskReplayers: Replayers = {
  'desk:checkIn': ({ ctx, entityId }) => replayCheckIn(ctx, entityId),
};
