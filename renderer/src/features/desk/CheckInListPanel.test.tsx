// @vitest-environment happy-dom
import '../../../test/setup-dom';
import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CheckInList, DeskPerson, DeskSession, DeskWorkshop } from '../../../../shared/desk';
import { fakeApi, ok } from '../../../test/fake-api';

const workshop: DeskWorkshop = {
  id: 'w1', title: 'Pottery', startsAt: '2026-12-01T10:00:00.000Z', endsAt: '2026-12-01T12:00:00.000Z', timeZone: 'UTC', venue: 'Studio', city: 'Leeds',
  status: 'published', capacity: 10, registrationMode: 'automatic', waitlistEnabled: false, priceMinor: 0, currency: 'EUR',
};
const session: DeskSession = { workshop, checkedIn: 1, confirmed: 2, pending: 0, waitlisted: 0, unpaid: 0 };
const person = (name: string): DeskPerson => ({
  registrationId: `r-${name}`, name, email: null, phone: null, ticketCode: null, status: 'confirmed', waitlistPosition: null, paymentStatus: 'paid', amountDueMinor: 0, paidMinor: 0, currency: 'EUR', cancelReason: null, rejectReason: null,
});
const withAnnIn: CheckInList = { workshop, in: [{ person: person('Ann Lee'), checkIn: { id: '3', at: '2026-12-01T09:58:00.000Z', station: 'Front desk 2', byName: 'Sam Staff', surface: 'workstation' } }], notYet: [person('Bo Ray')], ended: false };
const nobodyIn: CheckInList = { ...withAnnIn, in: [], notYet: [person('Ann Lee'), person('Bo Ray')] };

describe('Check-in list', () => {
  afterEach(cleanup);

  it('shows who is in (time, station, by whom) and who is not yet; an admin reverses with a reason and the list follows the change', async () => {
    let reversed = false;
    const api = fakeApi({
      'desk:today': () => ok([session]),
      'desk:checkIns': () => ok(reversed ? nobodyIn : withAnnIn),
      'desk:reverse': () => {
        reversed = true;
        return ok({ reversalId: '4' });
      },
    });
    // The app's own query client, bound to the live events as the app binds it.
    vi.resetModules();
    const { queryClient } = await import('../../lib/query');
    const { CheckInListPanel } = await import('./CheckInListPanel');
    const { useDeskPrefs } = await import('./desk-prefs.store');
    const { useSession } = await import('../auth/session.store');
    useDeskPrefs.setState({ workshopId: 'w1' });
    useSession.setState({ session: { user: { role: 'admin' } } } as never);
    render(
      <QueryClientProvider client={queryClient}>
        <MantineProvider>
          <CheckInListPanel onClose={() => undefined} />
        </MantineProvider>
      </QueryClientProvider>,
    );
    expect((await screen.findByTestId('checkin-list-counts')).textContent).toBe('1 in · 1 not yet');
    expect(screen.getByRole('row', { name: /Ann Lee .*58.*Front desk 2 Sam Staff/ })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Reverse check-in of Ann Lee…' }));
    await userEvent.type(screen.getByRole('textbox', { name: "Why reverse Ann Lee's check-in?" }), 'Wrong ticket');
    await userEvent.click(screen.getByRole('button', { name: 'Reverse' }));
    await waitFor(() => expect(api.calls.find((c) => c.channel === 'desk:reverse')?.input).toEqual({ checkInId: '3', reason: 'Wrong ticket' }));
    // The station hears its own change like any other's.
    api.emit('registrations:changed', { workshopId: 'w1' });
    await waitFor(() => expect(screen.getByTestId('checkin-list-counts').textContent).toBe('0 in · 2 not yet'));
  });
});
