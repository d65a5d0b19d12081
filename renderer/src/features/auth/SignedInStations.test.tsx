// @vitest-environment happy-dom
import '../../../test/setup-dom';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { SignedInSession } from '../../../../shared/auth';
import { fakeApi, ok } from '../../../test/fake-api';
import { SignedInStations } from './SignedInStations';

const here: SignedInSession = { id: 's1', station: 'Front desk', surface: 'workstation', since: '2026-12-01T09:00:00.000Z', lastActive: '2026-12-01T09:30:00.000Z', current: true };
const kiosk: SignedInSession = { id: 's2', station: 'Kiosk by the door', surface: 'kiosk', since: '2026-12-01T08:00:00.000Z', lastActive: '2026-12-01T08:05:00.000Z', current: false };

const show = () =>
  render(
    <MantineProvider>
      <Notifications />
      <SignedInStations />
    </MantineProvider>,
  );

describe('SignedInStations', () => {
  afterEach(cleanup);

  it('lists the stations, marks this window, and signs out the others', async () => {
    let sessions = [here, kiosk];
    const { calls } = fakeApi({
      'auth:sessions': () => ok(sessions),
      'auth:signOutOthers': () => {
        sessions = [here];
        return ok({ ended: 1 });
      },
    });
    show();
    const table = await screen.findByRole('table', { name: 'Signed-in stations' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[0]!.textContent)).toEqual(['Front deskThis window', 'Kiosk by the doorKiosk']);
    await userEvent.click(screen.getByRole('button', { name: 'Sign out everywhere else' }));
    expect(await screen.findByText('Signed out 1 other session.')).toBeTruthy();
    expect(await screen.findByText('You are not signed in anywhere else.')).toBeTruthy();
    expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(2);
    // A write: it carries a request id, so a retry is answered with the first outcome.
    expect(calls.find((c) => c.channel === 'auth:signOutOthers')?.meta?.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('offers nothing to sign out when this is the only session', async () => {
    fakeApi({ 'auth:sessions': () => ok([here]) });
    show();
    expect(await screen.findByText('You are not signed in anywhere else.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Sign out everywhere else' })).toBeNull();
  });
});
