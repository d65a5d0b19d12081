import type { Result } from '../../../shared/errors';
import { contract, type Api, type Channel, type InputOf, type OutputOf } from '../../../shared/ipc/contract';

declare global {
  interface Window {
    api: Api;
  }
}

type Listener = (channel: Channel, result: Result<unknown>) => void;
const listeners = new Set<Listener>();

/** Lets the session store react to "signed out" or "choose a new password" from any call. */
export const onApiResult = (l: Listener): (() => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

/** Waits before each repeat of a write whose answer was lost: the connection often comes back in seconds. */
export const WRITE_RETRY_DELAYS_MS = [600, 1500];

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function once<C extends Channel>(channel: C, input: InputOf<C>, requestId: string | undefined): Promise<Result<OutputOf<C>>> {
  try {
    return await window.api.invoke(channel, input, requestId ? { requestId } : undefined);
  } catch {
    return { ok: false, error: { code: 'UNAVAILABLE', message: 'The app is not responding. Try again, or restart it.' } };
  }
}

/**
 * The renderer's one way to reach the main process. Only features' *.api.ts files call it.
 * Never throws: a broken bridge becomes an UNAVAILABLE result like any other error.
 *
 * A 'write' gets one request id for the whole action (pass `requestId` to retry an action the user
 * started earlier). When the database is unreachable or the answer is lost, the same request is sent
 * again a few times: the main process does it at most once, so repeating is always safe.
 */
export async function invoke<C extends Channel>(channel: C, input: InputOf<C>, opts: { requestId?: string } = {}): Promise<Result<OutputOf<C>>> {
  const writes = contract[channel].effect === 'write';
  const requestId = writes ? (opts.requestId ?? crypto.randomUUID()) : undefined;
  let result = await once(channel, input, requestId);
  for (const delay of writes ? WRITE_RETRY_DELAYS_MS : []) {
    if (result.ok || result.error.code !== 'UNAVAILABLE') break;
    await wait(delay);
    result = await once(channel, input, requestId);
  }
  for (const l of listeners) l(channel, result);
  return result;
}
