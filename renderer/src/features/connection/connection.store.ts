import { create } from 'zustand';
import { invoke, onApiResult } from '../../lib/api';

/** How often the app asks whether the database is back while it is away. */
export const PROBE_EVERY_MS = 3000;

interface ConnectionState {
  /** When calls started failing because the database could not be reached; null while all is well. */
  lostAt: number | null;
  message: string | null;
  /** Asks once now (the banner's "Try now"). */
  probe(): Promise<void>;
}

let timer: ReturnType<typeof setInterval> | null = null;

export const useConnection = create<ConnectionState>(() => ({
  lostAt: null,
  message: null,
  probe: async () => {
    await invoke('app:status', {});
  },
}));

// Every answer tells whether the database is there: an UNAVAILABLE one starts a quiet probe every
// few seconds, the first answer that is not UNAVAILABLE ends it. No page needs to know.
onApiResult((_channel, result) => {
  const away = !result.ok && result.error.code === 'UNAVAILABLE';
  if (away) {
    if (!useConnection.getState().lostAt) useConnection.setState({ lostAt: Date.now(), message: result.error.message });
    timer ??= setInterval(() => void useConnection.getState().probe(), PROBE_EVERY_MS);
    return;
  }
  if (useConnection.getState().lostAt) {
    useConnection.setState({ lostAt: null, message: null });
    for (const l of reconnectListeners) l();
  }
  if (timer) {
    clearInterval(timer);
    timer = null;
  }
});

const reconnectListeners = new Set<() => void>();
/** Called once the database answers again (e.g. to reload what the screen shows). */
export const onReconnect = (l: () => void): (() => void) => {
  reconnectListeners.add(l);
  return () => reconnectListeners.delete(l);
};
