import type { AppEventName, EventPayload } from '../../../shared/ipc/events';

/** The renderer's one way to hear main → renderer events; only features' *.api.ts and lib/ use it. */
export function onEvent<E extends AppEventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  try {
    return window.api.on(event, listener);
  } catch {
    // An older bridge without events: the screen still works, it just does not update by itself.
    return () => undefined;
  }
}
