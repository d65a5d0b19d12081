// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, ok } from '../../test/fake-api';
import { invoke, WRITE_RETRY_DELAYS_MS } from './api';

const down = { ok: false as const, error: { code: 'UNAVAILABLE' as const, message: 'The connection to the database was lost.' } };

describe('invoke', () => {
  afterEach(() => vi.useRealTimers());

  it('sends a write again with the same request id while the database is unreachable, and stops at the first answer', async () => {
    vi.useFakeTimers();
    const answers = [down, ok({ id: 'r1' })];
    const { calls } = fakeApi({ 'registrations:cancel': () => answers.shift() as never });
    const pending = invoke('registrations:cancel', { id: 'r1', reason: '' });
    await vi.advanceTimersByTimeAsync(WRITE_RETRY_DELAYS_MS[0]!);
    expect(await pending).toMatchObject({ ok: true });
    expect(calls).toHaveLength(2);
    const ids = calls.map((c) => c.meta?.requestId);
    expect(ids[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(ids[1]).toBe(ids[0]);
  });

  it('gives up after the last retry and returns the outage to the caller', async () => {
    vi.useFakeTimers();
    const { calls } = fakeApi({ 'payments:record': () => down });
    const pending = invoke('payments:record', { id: 'r1', kind: 'payment', method: 'cash' });
    await vi.advanceTimersByTimeAsync(WRITE_RETRY_DELAYS_MS.reduce((a, b) => a + b, 0));
    expect(await pending).toEqual(down);
    expect(calls).toHaveLength(WRITE_RETRY_DELAYS_MS.length + 1);
    expect(new Set(calls.map((c) => c.meta?.requestId)).size).toBe(1);
  });

  it('gives every new action its own request id, and reads none', async () => {
    const { calls } = fakeApi({ 'registrations:cancel': () => ok(null as never), 'registrations:mine': () => ok([]) });
    await invoke('registrations:cancel', { id: 'a', reason: '' });
    await invoke('registrations:cancel', { id: 'a', reason: '' });
    await invoke('registrations:mine', {});
    expect(calls[0]!.meta?.requestId).not.toBe(calls[1]!.meta?.requestId);
    expect(calls[2]!.meta).toBeUndefined();
  });

  it('does not repeat a refused write', async () => {
    const { calls } = fakeApi({ 'registrations:cancel': () => ({ ok: false, error: { code: 'CONFLICT', message: 'Cancelled already.' } }) });
    expect(await invoke('registrations:cancel', { id: 'a', reason: '' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(calls).toHaveLength(1);
  });
});
