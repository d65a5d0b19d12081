import { AsyncLocalStorage } from 'node:async_hooks';

let inFlight = 0;

/**
 * Runs one better-auth call, and once none is running turns its AsyncLocalStorages off again.
 * better-auth keeps its request context in AsyncLocalStorages (in a global of its own); on Node 20,
 * once one has run, Node keeps promise hooks on for every promise of the process, and every later
 * call of every window paid for them (a fifth of the main process's time per desk check-in, measured
 * in `npm run bench`). The stores only mean something during better-auth's own calls; its next call
 * turns them on again. Newer Node versions (Electron's) keep these contexts without promise hooks,
 * where this changes nothing.
 */
export async function inBetterAuthCall<T>(work: () => Promise<T>): Promise<T> {
  inFlight++;
  try {
    return await work();
  } finally {
    if (--inFlight === 0) quietBetterAuthContexts();
  }
}

function quietBetterAuthContexts(): void {
  const shared = (globalThis as Record<symbol, { context?: Record<string, unknown> } | undefined>)[Symbol.for('better-auth:global')];
  for (const store of Object.values(shared?.context ?? {})) if (store instanceof AsyncLocalStorage) store.disable();
}
