import { describe, expect, it } from 'vitest';
import type { Result } from '../../shared/errors';
import type { Dispatch } from '../core/dispatch';
import { DatabaseGate, gatedDispatch, RESTORING_MESSAGE } from './gate';

/** A promise the test resolves when it chooses: calls that are "still running". */
const held = <T>() => {
  let release!: (v: T) => void;
  const promise = new Promise<T>((r) => (release = r));
  return { promise, release };
};

describe('the gate a restore closes while it swaps the database', () => {
  it('waits for running calls, turns new ones away, and lets them in again afterwards', async () => {
    const gate = new DatabaseGate();
    const running = held<Result<unknown>>();
    const answers: Record<string, Promise<Result<unknown>>> = {};
    const inner: Dispatch = async (_o, channel) => (channel === 'slow' ? running.promise : { ok: true, data: channel });
    const dispatch = gatedDispatch(gate, inner);
    const origin = { clientId: 'c', surface: 'workstation' as const };

    answers.slow = dispatch(origin, 'slow', {});
    const order: string[] = [];
    const swap = gate.exclusive(
      async () => {
        order.push('swapped');
      },
      { fromACall: false },
    );
    // The swap waits for the running call; a new call meanwhile is told to try again.
    expect(await dispatch(origin, 'during', {})).toEqual({ ok: false, error: { code: 'UNAVAILABLE', message: RESTORING_MESSAGE } });
    expect(order).toEqual([]);
    running.release({ ok: true, data: 'slow done' });
    await swap;
    expect(order).toEqual(['swapped']);
    expect(await answers.slow).toEqual({ ok: true, data: 'slow done' });
    expect(await dispatch(origin, 'after', {})).toEqual({ ok: true, data: 'after' });
  });

  it('answers UNAVAILABLE, not INTERNAL, for a call the swap cut off', async () => {
    const gate = new DatabaseGate();
    const running = held<Result<unknown>>();
    const dispatch = gatedDispatch(gate, async () => running.promise);
    const call = dispatch({ clientId: 'c', surface: 'workstation' }, 'x', {});
    // The drain gives up on a call stuck past its limit (a file dialog left open).
    await gate.exclusive(async () => undefined, { fromACall: false, drainMs: 0 });
    running.release({ ok: false, error: { code: 'INTERNAL', message: 'Something went wrong. Please try again.' } });
    expect(await call).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', message: expect.stringMatching(/replaced from a backup/) } });
  });

  it('does not wait for the call that asked for the restore, and waits for the others', async () => {
    const gate = new DatabaseGate();
    const other = held<Result<unknown>>();
    const order: string[] = [];
    const dispatch = gatedDispatch(gate, async (_o, channel) => {
      if (channel !== 'backup:restore') return other.promise;
      await gate.exclusive(async () => void order.push('swapped'), { fromACall: true });
      return { ok: true, data: 'restored' };
    });
    const origin = { clientId: 'c', surface: 'workstation' as const };
    const running = dispatch(origin, 'desk:checkIn', {});
    const restore = dispatch(origin, 'backup:restore', {});
    await new Promise((r) => setTimeout(r, 20));
    expect(order).toEqual([]);
    other.release({ ok: true, data: 'checked in' });
    expect(await running).toEqual({ ok: true, data: 'checked in' });
    expect(await restore).toEqual({ ok: true, data: 'restored' });
    expect(order).toEqual(['swapped']);
  });
});
