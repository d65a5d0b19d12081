// @vitest-environment happy-dom
import '../../../test/setup-dom';
import { MantineProvider } from '@mantine/core';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { Registration } from '../../../../shared/registrations';
import type { WorkshopDetail } from '../../../../shared/workshops';
import { fakeApi, ok } from '../../../test/fake-api';
import { RegisterPanel } from './RegisterPanel';

const workshop = (over: Partial<WorkshopDetail> = {}): WorkshopDetail => ({
  id: 'w1', title: 'Pottery', summary: '', categoryId: 'c', categoryName: 'Arts', tags: [], city: 'London', venue: 'Studio', instructor: '',
  startsAt: '2099-01-01T10:00:00.000Z', endsAt: '2099-01-01T12:00:00.000Z', timeZone: 'Europe/London', capacity: 8, seatsTaken: 8, seatsLeft: 0,
  priceMinor: 6500, currency: 'GBP', registrationMode: 'automatic', waitlistEnabled: true, status: 'published', description: '', address: '',
  cancelReason: null, version: 1, createdAt: '', updatedAt: '', startsLocal: '', endsLocal: '', hasRegistrations: true, ...over,
});

const waitlisted: Registration = {
  id: 'r1', workshopId: 'w1', workshopTitle: 'Pottery', workshopStartsAt: '2099-01-01T10:00:00.000Z', workshopEndsAt: '2099-01-01T12:00:00.000Z', workshopTimeZone: 'Europe/London',
  workshopCity: 'London', workshopVenue: 'Studio', workshopStatus: 'published', registrationMode: 'automatic', userId: 'u', personName: 'Bea', personEmail: null, personPhone: null,
  status: 'waitlisted', waitlistPosition: 3, requestedAt: '', confirmedAt: null, rejectReason: null, cancelledAt: null, cancelReason: null, amountDueMinor: 6500, paidMinor: 0,
  currency: 'GBP', paymentStatus: 'unpaid', ticketCode: null,
};

const renderPanel = (w: WorkshopDetail) => render(<MantineProvider><RegisterPanel w={w} onChanged={() => undefined} /></MantineProvider>);

describe('RegisterPanel', () => {
  afterEach(cleanup);

  it('offers the waiting list for a full workshop, explains it, and shows the position afterwards', async () => {
    const { calls } = fakeApi({ 'registrations:mine': () => ok([]), 'registrations:register': () => ok(waitlisted) });
    renderPanel(workshop());
    await userEvent.click(await screen.findByRole('button', { name: 'Join the waiting list' }));
    expect(await screen.findByText(/registering puts you on the waiting list/)).toBeTruthy();
    expect(screen.getByText(/Price: £65\.00, fixed when you register/)).toBeTruthy();
    const buttons = screen.getAllByRole('button', { name: 'Join the waiting list' });
    await userEvent.click(buttons[buttons.length - 1]!);
    await waitFor(() => expect(screen.getByText('On the waiting list, position 3')).toBeTruthy());
    expect(calls.filter((c) => c.channel === 'registrations:register')).toEqual([{ channel: 'registrations:register', input: { workshopId: 'w1' }, meta: { requestId: expect.any(String) } }]);
  });

  it('says plainly when a full workshop has no waiting list, and offers nothing to click', async () => {
    fakeApi({ 'registrations:mine': () => ok([]) });
    renderPanel(workshop({ waitlistEnabled: false }));
    expect(await screen.findByText('This workshop is full and has no waiting list.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Register|Join/ })).toBeNull();
  });

  it('asks for approval in manual mode', async () => {
    fakeApi({ 'registrations:mine': () => ok([]) });
    renderPanel(workshop({ registrationMode: 'manual', seatsLeft: 3, seatsTaken: 5 }));
    expect(await screen.findByRole('button', { name: 'Request a place' })).toBeTruthy();
  });
});
