// @vitest-environment happy-dom
import '../../../test/setup-dom';
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { Registration } from '../../../../shared/registrations';
import type { WorkshopDetail } from '../../../../shared/workshops';
import { renderWithAppQueries } from '../../../test/app-queries';
import { fakeApi, ok } from '../../../test/fake-api';

const showPage = () =>
  renderWithAppQueries(async () => {
    const { useNav } = await import('../../app/navigation');
    const { useSession } = await import('../auth/session.store');
    const { WorkshopRegistrationsPage } = await import('./WorkshopRegistrationsPage');
    useSession.setState({ session: { user: { id: 'u1', name: 'Ada', email: 'ada@example.com', role: 'admin', mustChangePassword: false }, expiresAt: '2099-01-01T00:00:00.000Z', idleTimeoutSeconds: 1800 } });
    useNav.setState({ page: 'workshopRegistrations', workshopId: 'w1' });
    return <WorkshopRegistrationsPage />;
  });

const workshop = {
  id: 'w1', title: 'Pottery', summary: '', categoryId: 'c', categoryName: 'Arts', tags: [], city: 'London', venue: 'Studio', instructor: '',
  startsAt: '2099-01-01T10:00:00.000Z', endsAt: '2099-01-01T12:00:00.000Z', timeZone: 'Europe/London', capacity: 1, seatsTaken: 1, seatsLeft: 0,
  priceMinor: 6500, currency: 'GBP', registrationMode: 'manual', waitlistEnabled: true, status: 'published', description: '', address: '',
  cancelReason: null, version: 1, createdAt: '', updatedAt: '', startsLocal: '', endsLocal: '', hasRegistrations: true,
} satisfies WorkshopDetail;
const person = (id: string, personName: string, status: Registration['status']): Registration => ({
  id, workshopId: 'w1', workshopTitle: 'Pottery', workshopStartsAt: workshop.startsAt, workshopEndsAt: workshop.endsAt, workshopTimeZone: 'Europe/London',
  workshopCity: 'London', workshopVenue: 'Studio', workshopStatus: 'published', registrationMode: 'manual', userId: null, personName, personEmail: null, personPhone: null,
  status, waitlistPosition: status === 'waitlisted' ? 1 : null, requestedAt: '2098-12-01T10:00:00.000Z', confirmedAt: null, rejectReason: null, cancelledAt: null, cancelReason: null,
  amountDueMinor: 6500, paidMinor: 0, currency: 'GBP', paymentStatus: 'unpaid', ticketCode: status === 'confirmed' ? 'KHFKH765' : null,
});

describe('Registrations of a workshop: payments', () => {
  afterEach(cleanup);

  it('offers "Mark paid" only for confirmed seats, and says requests and the waiting list owe nothing yet', async () => {
    fakeApi({
      'workshops:get': () => ok(workshop),
      'registrations:forWorkshop': () => ok([person('r1', 'Ann', 'confirmed'), person('r2', 'Ben', 'pending'), person('r3', 'Cy', 'waitlisted')]),
      'payments:outstanding': () => ok([]),
    });
    await showPage();
    expect(await screen.findByText('£65.00 · Not paid yet')).toBeTruthy();
    expect(screen.getAllByText('£65.00 · Nothing to pay yet')).toHaveLength(2);

    await userEvent.click(screen.getByRole('button', { name: 'Actions for Ann' }));
    expect(await screen.findByRole('menuitem', { name: 'Paid by cash' })).toBeTruthy();
    await userEvent.keyboard('{Escape}');

    for (const name of ['Ben', 'Cy']) {
      await userEvent.click(screen.getByRole('button', { name: `Actions for ${name}` }));
      expect(await screen.findByRole('menuitem', { name: 'Cancel registration…' })).toBeTruthy();
      expect(screen.queryByRole('menuitem', { name: /Paid by|Waive/ })).toBeNull();
      await userEvent.keyboard('{Escape}');
    }
  });

  it("shows another station's booking without a reload, and keeps the list while it reads again", async () => {
    const people = [person('r1', 'Ann', 'confirmed')];
    const api = fakeApi({
      'workshops:get': () => ok(workshop),
      'registrations:forWorkshop': () => ok([...people]),
      'payments:outstanding': () => ok([]),
    });
    await showPage();
    expect(await screen.findByText('Ann')).toBeTruthy();
    // Booked at the desk of another station: every station is told which workshop changed.
    people.push(person('r2', 'Walk-in Wendy', 'pending'));
    api.emit('registrations:changed', { workshopId: 'w1' });
    expect(await screen.findByText('Walk-in Wendy', {}, { timeout: 5000 })).toBeTruthy();
    expect(screen.getByText('Ann')).toBeTruthy();
    // A change of another workshop reads nothing again.
    const reads = api.calls.filter((c) => c.channel === 'registrations:forWorkshop').length;
    api.emit('registrations:changed', { workshopId: 'w2' });
    await new Promise((r) => setTimeout(r, 50));
    await waitFor(() => expect(api.calls.filter((c) => c.channel === 'registrations:forWorkshop').length).toBe(reads));
  });
});
