import type { Result } from '../../shared/errors';
import type { Api, Channel, InputOf, OutputOf } from '../../shared/ipc/contract';

type Responder = { [C in Channel]?: (input: InputOf<C>) => Result<OutputOf<C>> | Promise<Result<OutputOf<C>>> };

/** window.api faked from the contract types: answers only what a test declares, and records calls. */
export function fakeApi(responders: Responder) {
  const calls: { channel: Channel; input: unknown; meta?: { requestId?: string } }[] = [];
  const api: Api = {
    invoke: async (channel, input, meta) => {
      calls.push({ channel, input, meta });
      const r = responders[channel] as ((i: unknown) => Result<unknown>) | undefined;
      if (!r) throw new Error(`unexpected call ${channel}`);
      return (await r(input)) as never;
    },
  };
  (window as unknown as { api: Api }).api = api;
  return { calls };
}

export const ok = <T>(data: T): Result<T> => ({ ok: true, data });
