// @vitest-environment happy-dom
import '../../../test/setup-dom';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeskMatch, DeskPerson, DeskSession, DeskWorkshop, WalkInResult } from '../../../../shared/desk';
import { fakeApi, ok } from '../../../test/fake-api';
import { useDeskPrefs } from './desk-prefs.store';
import { useDesk } from './desk.store';
import { WalkInPanel } from './WalkInPanel';

const workshop: DeskWorkshop = {
  id: 'w1', title: 'Printmaking', startsAt: '2026-12-01T10:00:00.000Z', endsAt: '2026-12-01T12:00:00.000Z', timeZone: 'UTC', venue: 'Studio', city: 'Leeds',
  status: 'published', capacity: 10, registrationMode: 'manual', waitlistEnabled: true, priceMinor: 2500, currency: 'EUR',
};
const session: DeskSession = { workshop, checkedIn: 0, confirmed: 10, pending: 0, waitlisted: 0, unpaid: 0 };
const person = (name: string, over: Partial<DeskPerson> = {}): DeskPerson => ({
  registrationId: `r-${name}`, name, email: null, phone: '0113 496 0000', ticketCode: 'KHFKH765', status: 'confirmed', waitlistPosition: null, paymentStatus: 'paid',
  amountDueMinor: 2500, paidMinor: 2500, currency: 'EUR', cancelReason: null, rejectReason: null, ...over,
});
const twin: DeskMatch = { person: person('Walter Walk'), workshop, checkIn: null, matchedBy: 'phone', today: true };

function renderPanel() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <MantineProvider>
        <WalkInPanel onClose={() => undefined} />
      </MantineProvider>
    </QueryClientProvider>,
  );
}

describe('Walk-in', () => {
  beforeEach(() => {
    localStorage.clear();
    useDeskPrefs.setState({ workshopId: 'w1', method: 'cash' });
    useDesk.setState({ shown: null, shownSeq: 0, log: [], lastUndo: null, panel: null });
  });
  afterEach(cleanup);

  it('shows who looks the same and registers only once staff say it is someone else', async () => {
    const walkedIn: WalkInResult = { person: person('Walter Walk', { registrationId: 'r2', ticketCode: 'QF6N78BT' }), workshop, checkIn: { id: '5', at: new Date().toISOString(), station: 'Front desk 1', byName: 'Ada', surface: 'workstation' }, payment: null, counts: { checkedIn: 1, confirmed: 10 } };
    const { calls } = fakeApi({ 'desk:today': () => ok([session]), 'desk:similar': () => ok([twin]), 'desk:walkIn': () => ok(walkedIn) });
    renderPanel();
    await userEvent.type(await screen.findByRole('textbox', { name: /^Name/ }), 'Walter Walk');
    expect(await screen.findByText(/Walter Walk · 0113 496 0000/)).toBeTruthy();
    expect(screen.getByText('€25.00 to pay')).toBeTruthy();
    await userEvent.type(screen.getByRole('textbox', { name: 'Cash handed over (optional)' }), '30');
    expect(screen.getByTestId('change-due').textContent).toBe('Change: €5.00');
    const submit = screen.getByRole('button', { name: 'Register, take payment and check in' });
    await userEvent.click(submit);
    expect(await screen.findByText(/Someone like this is already registered/)).toBeTruthy();
    expect(calls.some((c) => c.channel === 'desk:walkIn')).toBe(false);
    await userEvent.click(screen.getByRole('checkbox', { name: 'This is someone else: register anyway' }));
    await userEvent.click(submit);
    expect(await screen.findByText('Walk-in registered: Walter Walk')).toBeTruthy();
    expect(screen.getByTestId('ticket-code').textContent).toBe('QF6N-78BT');
    expect(calls.find((c) => c.channel === 'desk:walkIn')?.input).toMatchObject({ workshopId: 'w1', name: 'Walter Walk', confirmDuplicate: true, checkIn: true, payment: { method: 'cash', tenderedMinor: 3000 } });
  });

  it('offers the waiting list when the workshop is full', async () => {
    let attempts = 0;
    const { calls } = fakeApi({
      'desk:today': () => ok([session]),
      'desk:similar': () => ok([]),
      'desk:walkIn': () => (++attempts === 1 ? { ok: false, error: { code: 'CONFLICT', message: 'This workshop is full. It has a waiting list: add them to it instead?' } } : ok({ person: person('Nia New', { status: 'waitlisted', waitlistPosition: 2, ticketCode: null }), workshop, checkIn: null, payment: null, counts: { checkedIn: 0, confirmed: 10 } })),
    });
    renderPanel();
    await userEvent.type(await screen.findByRole('textbox', { name: /^Name/ }), 'Nia New');
    await waitFor(() => expect(calls.some((c) => c.channel === 'desk:similar')).toBe(true));
    await userEvent.click(screen.getByRole('button', { name: 'Register, take payment and check in' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Put them on the waiting list' }));
    expect(await screen.findByText('On the waiting list, position 2')).toBeTruthy();
    expect(calls.filter((c) => c.channel === 'desk:walkIn').map((c) => (c.input as { waitlistIfFull: boolean }).waitlistIfFull)).toEqual([false, true]);
  });
});
