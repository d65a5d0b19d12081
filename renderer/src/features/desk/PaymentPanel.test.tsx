// @vitest-environment happy-dom
import '../../../test/setup-dom';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CheckInResult, DeskPerson, DeskWorkshop } from '../../../../shared/desk';
import { fakeApi, ok } from '../../../test/fake-api';
import { useDeskPrefs } from './desk-prefs.store';
import { useDesk } from './desk.store';
import { PaymentPanel } from './PaymentPanel';

const workshop: DeskWorkshop = {
  id: 'w1', title: 'Printmaking', startsAt: '2026-12-01T10:00:00.000Z', endsAt: '2026-12-01T12:00:00.000Z', timeZone: 'UTC', venue: 'Studio', city: 'Leeds',
  status: 'published', capacity: 10, registrationMode: 'manual', waitlistEnabled: true, priceMinor: 2500, currency: 'EUR',
};
const uma: DeskPerson = {
  registrationId: 'r1', name: 'Uma Unpaid', email: null, phone: null, ticketCode: 'KHFKH765', status: 'confirmed', waitlistPosition: null, paymentStatus: 'unpaid',
  amountDueMinor: 2500, paidMinor: 0, currency: 'EUR', cancelReason: null, rejectReason: null,
};
const paid: CheckInResult = {
  outcome: 'checked_in', resultClass: 'ok', person: { ...uma, paymentStatus: 'paid', paidMinor: 2500 }, workshop, checkIn: { id: '7', at: new Date().toISOString(), station: 'Front desk 1', byName: 'Ada', surface: 'workstation' },
  opensAt: null, counts: { checkedIn: 1, confirmed: 10 }, undoUntil: new Date(Date.now() + 120_000).toISOString(), payment: null,
};

function renderPanel(onClose = () => undefined) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <MantineProvider>
        <PaymentPanel person={uma} workshop={workshop} onClose={onClose} />
      </MantineProvider>
    </QueryClientProvider>,
  );
}

describe('Take payment', () => {
  beforeEach(() => {
    localStorage.clear();
    useDeskPrefs.setState({ workshopId: null, method: 'cash', sound: false });
    useDesk.setState({ shown: null, shownSeq: 0, log: [], lastUndo: null, panel: null });
  });
  afterEach(cleanup);

  it('takes cash with the change shown and a note, in one action', async () => {
    const onClose = vi.fn();
    const { calls } = fakeApi({ 'desk:payAndCheckIn': () => ok(paid) });
    renderPanel(onClose);
    expect(screen.getByRole('region', { name: 'Take payment: Uma Unpaid' })).toBeTruthy();
    expect(screen.getByText('€25.00 to pay · Printmaking')).toBeTruthy();
    const cash = screen.getByRole('textbox', { name: 'Cash handed over (optional)' });
    await waitFor(() => expect(document.activeElement).toBe(cash));
    await userEvent.type(cash, '30');
    expect(screen.getByTestId('change-due').textContent).toBe('Change: €5.00');
    await userEvent.type(screen.getByRole('textbox', { name: 'Note (optional)' }), 'Paid in coins');
    await userEvent.click(screen.getByRole('button', { name: 'Mark paid and check in' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(calls.find((c) => c.channel === 'desk:payAndCheckIn')?.input).toMatchObject({ registrationId: 'r1', method: 'cash', tenderedMinor: 3000, note: 'Paid in coins' });
  });

  it('asks for no cash amount when the method is card', async () => {
    const { calls } = fakeApi({ 'desk:payAndCheckIn': () => ok(paid) });
    renderPanel();
    await userEvent.click(screen.getByText('Card', { exact: true }));
    expect(useDeskPrefs.getState().method).toBe('card');
    expect(screen.queryByRole('textbox', { name: 'Cash handed over (optional)' })).toBeNull();
    expect(screen.getByRole('textbox', { name: 'Note (optional)' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Mark paid and check in' }));
    await waitFor(() => expect(calls.some((c) => c.channel === 'desk:payAndCheckIn')).toBe(true));
    expect(calls.find((c) => c.channel === 'desk:payAndCheckIn')?.input).toMatchObject({ method: 'card', tenderedMinor: undefined });
  });
});
