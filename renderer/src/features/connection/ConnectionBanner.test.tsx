// @vitest-environment happy-dom
import '../../../test/setup-dom';
import { MantineProvider } from '@mantine/core';
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppStatus } from '../../../../shared/app';
import type { Result } from '../../../../shared/errors';
import { fakeApi, ok } from '../../../test/fake-api';
import { invoke } from '../../lib/api';
import { ConnectionBanner } from './ConnectionBanner';
import { PROBE_EVERY_MS, useConnection } from './connection.store';

const down: Result<never> = { ok: false, error: { code: 'UNAVAILABLE', message: 'The database cannot be reached right now.' } };

describe('ConnectionBanner', () => {
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
    useConnection.setState({ lostAt: null, message: null });
  });

  it('says the database is away after a call fails that way, keeps asking, and goes once it answers', async () => {
    vi.useFakeTimers();
    let serverUp = false;
    const { calls } = fakeApi({ 'registrations:mine': () => down, 'app:status': () => (serverUp ? ok({ needsSetup: false, stationName: 'Desk 1' } as AppStatus) : down) });
    render(
      <MantineProvider>
        <ConnectionBanner />
      </MantineProvider>,
    );
    expect(screen.queryByRole('status')).toBeNull();
    await act(() => invoke('registrations:mine', {}));
    expect(screen.getByRole('status').textContent).toMatch(/database cannot be reached.*keeps trying/s);
    await act(() => vi.advanceTimersByTimeAsync(PROBE_EVERY_MS));
    expect(calls.filter((c) => c.channel === 'app:status')).toHaveLength(1);
    expect(screen.getByRole('status')).toBeTruthy();
    serverUp = true;
    await act(() => vi.advanceTimersByTimeAsync(PROBE_EVERY_MS));
    expect(screen.queryByRole('status')).toBeNull();
    // Once back, nothing keeps asking.
    await act(() => vi.advanceTimersByTimeAsync(PROBE_EVERY_MS * 3));
    expect(calls.filter((c) => c.channel === 'app:status')).toHaveLength(2);
  });

  it('is not shown for other refusals', async () => {
    fakeApi({ 'registrations:mine': () => ({ ok: false, error: { code: 'FORBIDDEN', message: 'No.' } }) });
    render(
      <MantineProvider>
        <ConnectionBanner />
      </MantineProvider>,
    );
    await act(() => invoke('registrations:mine', {}));
    expect(screen.queryByRole('status')).toBeNull();
  });
});
