import type { Result } from '../../shared/errors';
import type { Dispatch } from '../core/dispatch';

export const RESTORING_MESSAGE = 'The data is being restored from a backup. Try again in a moment.';
const INTERRUPTED_MESSAGE = 'The data was replaced from a backup while this was running, so it is not known whether it was saved. Check, and try again if it is missing.';

/**
 * Lets a restore replace the database with no call halfway through it. Calls pass through `enter`;
 * `exclusive` turns new calls away, gives the running ones a bounded time to finish, then runs
 * alone. A call that still overlapped the swap is answered UNAVAILABLE rather than INTERNAL.
 */
export class DatabaseGate {
  private inflight = 0;
  private closed = false;
  private generation = 0;
  private readonly waiters = new Set<() => void>();

  get replacing(): boolean {
    return this.closed;
  }

  async enter<T>(work: () => Promise<T>): Promise<{ ran: false } | { ran: true; value: T; overlapped: boolean }> {
    if (this.closed) return { ran: false };
    const generation = this.generation;
    this.inflight++;
    try {
      const value = await work();
      return { ran: true, value, overlapped: this.generation !== generation };
    } finally {
      this.inflight--;
      for (const wake of this.waiters) wake();
    }
  }

  /**
   * `fromACall`: the restore itself is one of the calls in flight (it comes through the dispatcher),
   * so the drain waits for the others only. Said by the caller rather than found out with an
   * AsyncLocalStorage: one of those turns on Node's promise hooks for every promise of every call.
   */
  async exclusive<T>(work: () => Promise<T>, opts: { fromACall: boolean; drainMs?: number }): Promise<T> {
    this.closed = true;
    try {
      await this.drain(opts.fromACall ? 1 : 0, opts.drainMs ?? 10_000);
      return await work();
    } finally {
      this.generation++;
      this.closed = false;
    }
  }

  private drain(allowed: number, ms: number): Promise<void> {
    if (this.inflight <= allowed) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve();
      };
      const check = () => {
        if (this.inflight <= allowed) done();
      };
      // A call stuck longer than this (a file dialog left open) is not waited for: it fails instead.
      const timer = setTimeout(done, ms);
      this.waiters.add(check);
    });
  }
}

/** The dispatcher behind the gate: what every window and the e2e bridge call. */
export function gatedDispatch(gate: DatabaseGate, dispatch: Dispatch): Dispatch {
  return async (origin, channel, input, meta) => {
    const r = await gate.enter(() => dispatch(origin, channel, input, meta));
    if (!r.ran) return { ok: false, error: { code: 'UNAVAILABLE', message: RESTORING_MESSAGE } } satisfies Result<never>;
    if (r.overlapped && !r.value.ok && r.value.error.code === 'INTERNAL') return { ok: false, error: { code: 'UNAVAILABLE', message: INTERRUPTED_MESSAGE } };
    return r.value;
  };
}
