import { z } from 'zod';
import type { Audience, Surface } from '../roles';
import { idText } from '../text';
import { EVERYWHERE, ORGANISERS, WORKSTATION } from './define';

export interface EventDef<P extends z.ZodType = z.ZodType> {
  /** Checked in the main process before an event leaves it. */
  payload: P;
  /** Who may receive it; windows of anyone else never see it. */
  audience: readonly Audience[];
  surfaces: readonly Surface[];
}

const appEvent = <P extends z.ZodType>(def: EventDef<P>): EventDef<P> => def;

/**
 * Main → renderer events. They say what changed, never whose data: a window that may see it asks
 * for the data again through an ordinary channel. On PostgreSQL one station's change reaches the
 * others through LISTEN/NOTIFY; on the embedded database, the app's other windows.
 */
export const appEvents = {
  /** Registrations, payments or check-ins of one workshop changed (at any station). */
  'registrations:changed': appEvent({ payload: z.object({ workshopId: idText() }).strict(), audience: ORGANISERS, surfaces: WORKSTATION }),
  /** The live connection was lost and is back: changes may have been missed, so everything is read again. */
  'app:resync': appEvent({ payload: z.object({}).strict(), audience: ['public'], surfaces: EVERYWHERE }),
} as const satisfies Record<string, EventDef>;

export type AppEventName = keyof typeof appEvents;
export type EventPayload<E extends AppEventName> = z.output<(typeof appEvents)[E]['payload']>;
export const APP_EVENT_NAMES = Object.keys(appEvents) as AppEventName[];
export const isAppEvent = (n: unknown): n is AppEventName => typeof n === 'string' && Object.hasOwn(appEvents, n);
