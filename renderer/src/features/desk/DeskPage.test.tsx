// @vitest-environment happy-dom
import '../../../test/setup-dom';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CheckInResult, DeskMatch, DeskPerson, DeskSession, DeskWorkshop } from '../../../../shared/desk';
import { makeTicketCode, TICKET_ALPHABET } from '../../../../shared/tickets';
import { fakeApi, ok } from '../../../test/fake-api';
import { DeskPage } from './DeskPage';
import { useDesk } from './desk.store';
import { SCAN_LABEL } from './ScanField';
import { doubleScanGuard } from './scan-input';

const workshop: DeskWorkshop = {
  id: 'w1', title: 'Pottery', startsAt: '2026-12-01T10:00:00.000Z', endsAt: '2026-12-01T12:00:00.000Z', timeZone: 'UTC', venue: 'Studio', city: 'London',
  status: 'published', capacity: 30, registrationMode: 'automatic', waitlistEnabled: true, priceMinor: 0, currency: 'GBP',
};
const person = (name: string, over: Partial<DeskPerson> = {}): DeskPerson => ({
  registrationId: `r-${name}`, name, email: null, phone: null, ticketCode: null, status: 'confirmed', waitlistPosition: null, paymentStatus: 'paid',
  amountDueMinor: 0, paidMinor: 0, currency: 'GBP', cancelReason: null, rejectReason: null, ...over,
});
const session: DeskSession = { workshop, checkedIn: 22, confirmed: 30, pending: 1, waitlisted: 2, unpaid: 3 };
const checkedIn = (name: string): CheckInResult => ({
  outcome: 'checked_in', resultClass: 'ok', person: person(name), workshop, checkIn: { id: '7', at: new Date().toISOString(), station: 'Front desk 1', byName: 'Ada', surface: 'workstation' },
  opensAt: null, counts: { checkedIn: 23, confirmed: 30 }, undoUntil: new Date(Date.now() + 120_000).toISOString(), payment: null,
});
const match = (name: string): DeskMatch => ({ person: person(name), workshop, checkIn: null, matchedBy: 'name', today: true });

const code = makeTicketCode(() => 5);
const typo = code.slice(0, 7) + TICKET_ALPHABET[(TICKET_ALPHABET.indexOf(code[7]!) + 1) % TICKET_ALPHABET.length];

function renderDesk() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <MantineProvider>
        <main>
          <DeskPage />
        </main>
      </MantineProvider>
    </QueryClientProvider>,
  );
}

const field = () => screen.getByRole('combobox', { name: SCAN_LABEL });

describe('Desk scan field', () => {
  beforeEach(() => {
    localStorage.clear();
    useDesk.setState({ shown: null, shownSeq: 0, notice: null, log: [], lastUndo: null, panel: null, scans: doubleScanGuard() });
  });
  afterEach(cleanup);

  it('takes a scanned code and Enter as a check-in, shows who and how many, and is ready for the next scan', async () => {
    const { calls } = fakeApi({ 'desk:today': () => ok([session]), 'desk:checkIn': () => ok(checkedIn('Ann Smith')) });
    renderDesk();
    await waitFor(() => expect(document.activeElement).toBe(field()));
    await userEvent.keyboard(`${code.slice(0, 4)}-${code.slice(4)}{Enter}`);
    expect(await screen.findByText('Checked in')).toBeTruthy();
    expect(screen.getByText('Ann Smith')).toBeTruthy();
    expect(screen.getByText('23 of 30 in')).toBeTruthy();
    expect((field() as HTMLInputElement).value).toBe('');
    expect(document.activeElement).toBe(field());
    expect(calls.filter((c) => c.channel === 'desk:checkIn')).toEqual([{ channel: 'desk:checkIn', input: { ticketCode: code, deskWorkshopId: undefined, override: undefined }, meta: { requestId: expect.any(String) } }]);
    // No search was sent for what was a whole code.
    expect(calls.some((c) => c.channel === 'desk:search')).toBe(false);
  });

  it('ignores the same code sent again within 3 seconds, and says so', async () => {
    const { calls } = fakeApi({ 'desk:today': () => ok([session]), 'desk:checkIn': () => ok(checkedIn('Ann Smith')) });
    renderDesk();
    await waitFor(() => expect(document.activeElement).toBe(field()));
    await userEvent.keyboard(`${code}{Enter}${code}{Enter}`);
    expect(await screen.findByText('Scanned twice — ignored')).toBeTruthy();
    expect(calls.filter((c) => c.channel === 'desk:checkIn')).toHaveLength(1);
    expect(screen.getByText('Ann Smith')).toBeTruthy();
  });

  it('takes a scan that lands in the walk-in form as a scan: checked in, the form as it was and not sent', async () => {
    const { calls } = fakeApi({ 'desk:today': () => ok([session]), 'desk:similar': () => ok([]), 'desk:checkIn': () => ok(checkedIn('Ann Smith')) });
    renderDesk();
    await waitFor(() => expect(document.activeElement).toBe(field()));
    await userEvent.keyboard('{F2}');
    const name = await screen.findByRole('textbox', { name: /^Name/ });
    await waitFor(() => expect(document.activeElement).toBe(name));
    // Typed by a person (one key at a time, slower than a scanner), then a scanner's burst.
    for (const c of 'Walt') {
      await userEvent.keyboard(c);
      await new Promise((r) => setTimeout(r, 130));
    }
    await userEvent.keyboard(`${code}{Enter}`);
    expect(await screen.findByText('Checked in')).toBeTruthy();
    expect(screen.getByText('Ann Smith')).toBeTruthy();
    expect((name as HTMLInputElement).value).toBe('Walt');
    expect(document.activeElement).toBe(name);
    expect(calls.filter((c) => c.channel === 'desk:checkIn').map((c) => c.input)).toEqual([{ ticketCode: code, deskWorkshopId: undefined, override: undefined }]);
    expect(calls.some((c) => c.channel === 'desk:walkIn')).toBe(false);
    // The same scanner sending it twice is still one scan, wherever the focus is.
    await userEvent.keyboard(`${code}{Enter}`);
    expect(await screen.findByText('Scanned twice — ignored')).toBeTruthy();
    expect(calls.filter((c) => c.channel === 'desk:checkIn')).toHaveLength(1);
    expect((name as HTMLInputElement).value).toBe('Walt');
  });

  it('says a code with a wrong check symbol has a typing error, without calling the main process', async () => {
    const { calls } = fakeApi({ 'desk:today': () => ok([session]) });
    renderDesk();
    await waitFor(() => expect(document.activeElement).toBe(field()));
    await userEvent.keyboard(`${typo}{Enter}`);
    expect(await screen.findByText('This code has a typing error')).toBeTruthy();
    expect(calls.map((c) => c.channel)).toEqual(['desk:today']);
    expect(document.activeElement).toBe(field());
  });

  it('searches what is typed, and ↓ + Enter checks in the picked match', async () => {
    const { calls } = fakeApi({
      'desk:today': () => ok([session]),
      'desk:search': () => ok({ items: [match('Ann Smith'), match('Anna Jones')], nearOnly: false }),
      'desk:checkIn': () => ok(checkedIn('Anna Jones')),
    });
    renderDesk();
    await waitFor(() => expect(document.activeElement).toBe(field()));
    await userEvent.keyboard('ann');
    expect(await screen.findByRole('option', { name: /Anna Jones/ })).toBeTruthy();
    await userEvent.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    expect(await screen.findByText('Anna Jones', { selector: 'p' })).toBeTruthy();
    expect(calls.find((c) => c.channel === 'desk:checkIn')?.input).toMatchObject({ registrationId: 'r-Anna Jones' });
  });

  it('checks in an exact single match with Enter, even before the list has appeared', async () => {
    const { calls } = fakeApi({
      'desk:today': () => ok([session]),
      'desk:search': () => ok({ items: [match('Zoe Quill')], nearOnly: false }),
      'desk:checkIn': () => ok(checkedIn('Zoe Quill')),
    });
    renderDesk();
    await waitFor(() => expect(document.activeElement).toBe(field()));
    await userEvent.keyboard('zoe q{Enter}');
    expect(await screen.findByText('Checked in')).toBeTruthy();
    expect(calls.find((c) => c.channel === 'desk:checkIn')?.input).toMatchObject({ registrationId: 'r-Zoe Quill' });
  });

  it('does not check in a near spelling on Enter alone: staff pick it', async () => {
    const { calls } = fakeApi({
      'desk:today': () => ok([session]),
      'desk:search': () => ok({ items: [{ ...match('Ada Lovelace'), matchedBy: 'near' }], nearOnly: true }),
    });
    renderDesk();
    await waitFor(() => expect(document.activeElement).toBe(field()));
    await userEvent.keyboard('lovelce{Enter}');
    expect(await screen.findByText(/No exact match\. Did you mean one of these\?/)).toBeTruthy();
    expect(calls.some((c) => c.channel === 'desk:checkIn')).toBe(false);
  });

  it('gives the focus back to the field after a click elsewhere and after closing a panel', async () => {
    fakeApi({ 'desk:today': () => ok([session]), 'desk:similar': () => ok([]) });
    renderDesk();
    await waitFor(() => expect(document.activeElement).toBe(field()));
    // A click on the page's background: the field loses the focus to nothing, and takes it back.
    act(() => field().blur());
    await waitFor(() => expect(document.activeElement).toBe(field()));
    fireEvent.keyDown(window, { key: 'F2' });
    const name = await screen.findByRole('textbox', { name: /^Name/ });
    await waitFor(() => expect(document.activeElement).toBe(name));
    expect(screen.getByText(/takes a free seat directly, even in a workshop that needs approval/)).toBeTruthy();
    fireEvent.keyDown(window, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('textbox', { name: /^Name/ })).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(field()));
  });
});
