import type { Result } from '../../../shared/errors';
import type { Api, Channel, InputOf, OutputOf } from '../../../shared/ipc/contract';

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

/**
 * The renderer's one way to reach the main process. Only features' *.api.ts files call it.
 * Never throws: a broken bridge becomes an UNAVAILABLE result like any other error.
 */
export async function invoke<C extends Channel>(channel: C, input: InputOf<C>): Promise<Result<OutputOf<C>>> {
  let result: Result<OutputOf<C>>;
  try {
    result = await window.api.invoke(channel, input);
  } catch {
    result = { ok: false, error: { code: 'UNAVAILABLE', message: 'The app is not responding. Try again, or restart it.' } };
  }
  for (const l of listeners) l(channel, result);
  return result;
}
