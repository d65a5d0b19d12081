import type { Result } from '../../shared/errors';
import type { Api, Channel, InputOf, OutputOf } from '../../shared/ipc/contract';
import type { AppEventName, EventPayload } from '../../shared/ipc/events';

type Responder = { [C in Channel]?: (input: InputOf<C>) => Result<OutputOf<C>> | Promise<Result<OutputOf<C>>> };

/** window.api faked from the contract types: answers only what a test declares, and records calls. */
export function fakeApi(responders: Responder) {
  const calls: { channel: Channel; input: unknown; meta?: { requestId?: string } }[] = [];
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  const api: Api = {
    on: (event, listener) => {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (p: unknown) => void);
      listeners.set(event, set);
      return () => set.delete(listener as (p: unknown) => void);
    },
    invoke: async (channel, input, meta) => {
      calls.push({ channel, input, meta });
      const r = responders[channel] as ((i: unknown) => Result<unknown>) | undefined;
      if (!r) throw new Error(`unexpected call ${channel}`);
      return (await r(input)) as never;
    },
  };
  (window as unknown as { api: Api }).api = api;
  /** Delivers a main → renderer event, as another station's change would. */
  const emit = <E extends AppEventName>(event: E, payload: EventPayload<E>) => {
    for (const l of listeners.get(event) ?? []) l(payload);
  };
  return { calls, emit };
}

export const ok = <T>(data: T): Result<T> => ({ ok: true, data });
