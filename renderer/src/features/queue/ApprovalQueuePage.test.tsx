// @vitest-environment happy-dom
import '../../../test/setup-dom';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { BulkResult, QueuePage } from '../../../../shared/registrations';
import { renderWithAppQueries } from '../../../test/app-queries';
import { fakeApi, ok } from '../../../test/fake-api';

const showQueue = () =>
  renderWithAppQueries(async () => {
    const { ApprovalQueuePage } = await import('./ApprovalQueuePage');
    return <ApprovalQueuePage />;
  });

const row = (id: string, personName: string) => ({ id, workshopId: 'w1', workshopTitle: 'Tight', workshopStartsAt: '2099-01-01T10:00:00.000Z', workshopTimeZone: 'UTC', categoryName: 'Arts', personName, personEmail: null, requestedAt: '2098-12-01T10:00:00.000Z' });
const queue: QueuePage = {
  items: [row('r1', 'Ann'), row('r2', 'Ben'), row('r3', 'Cy')],
  total: 3,
  workshops: [{ workshopId: 'w1', title: 'Tight', startsAt: '2099-01-01T10:00:00.000Z', timeZone: 'UTC', capacity: 1, seatsLeft: 1, pending: 3, waitlisted: 0, waitlistEnabled: false }],
};
const counts = { approved: 0, waitlisted: 0, full: 0, rejected: 0, not_pending: 0 };
const approved: BulkResult = {
  counts: { ...counts, approved: 1, full: 2 },
  items: [
    { id: 'r1', workshopId: 'w1', personName: 'Ann', workshopTitle: 'Tight', outcome: 'approved' },
    { id: 'r2', workshopId: 'w1', personName: 'Ben', workshopTitle: 'Tight', outcome: 'full' },
    { id: 'r3', workshopId: 'w1', personName: 'Cy', workshopTitle: 'Tight', outcome: 'full' },
  ],
};

async function approveAll() {
  const api = fakeApi({
    'categories:list': () => ok([]),
    'registrations:queue': () => ok(queue),
    'registrations:bulkApprove': () => ok(approved),
    'registrations:bulkWaitlist': () => ok({ counts: { ...counts, waitlisted: 2 }, items: approved.items.slice(1).map((i) => ({ ...i, outcome: 'waitlisted' as const })) }),
    'registrations:bulkReject': () => ok({ counts: { ...counts, rejected: 2 }, items: approved.items.slice(1).map((i) => ({ ...i, outcome: 'rejected' as const })) }),
  });
  await showQueue();
  await userEvent.click(await screen.findByRole('checkbox', { name: 'Select all on this page' }));
  await userEvent.click(screen.getByRole('button', { name: 'Approve 3' }));
  const report = await screen.findByRole('dialog', { name: 'What happened' });
  expect(within(report).getByText('2 requests found no free seat')).toBeTruthy();
  return { report, calls: (channel: string) => api.calls.filter((c) => c.channel === channel).map((c) => c.input) };
}

describe('Approval report: requests that found no seat', () => {
  afterEach(cleanup);

  it('offers to open a waiting list for their workshop and move them there', async () => {
    const { report, calls } = await approveAll();
    await userEvent.click(within(report).getByRole('button', { name: 'Open a waiting list for Tight and move these 2 there' }));
    await waitFor(() => expect(calls('registrations:bulkWaitlist')).toEqual([{ selection: { ids: ['r2', 'r3'] }, openWaitlist: true }]));
    expect(await within(await screen.findByRole('dialog', { name: 'What happened' })).findByText('Waiting list: 2')).toBeTruthy();
  });

  it('offers to reject them, suggesting a reason the people will see', async () => {
    const { report, calls } = await approveAll();
    await userEvent.click(within(report).getByRole('button', { name: 'Reject these 2 with a reason…' }));
    const ask = await screen.findByRole('dialog', { name: 'Reject 2 requests' });
    expect((within(ask).getByLabelText('Reason (the people concerned will see it)') as HTMLTextAreaElement).value).toBe('The workshop is full.');
    await userEvent.click(within(ask).getByRole('button', { name: 'Reject' }));
    await waitFor(() => expect(calls('registrations:bulkReject')).toEqual([{ selection: { ids: ['r2', 'r3'] }, reason: 'The workshop is full.' }]));
  });
});

describe('Approval queue', () => {
  afterEach(cleanup);

  it('shows a request made at another station without a reload', async () => {
    const items = [row('r1', 'Ann')];
    const api = fakeApi({
      'categories:list': () => ok([]),
      'registrations:queue': () => ok({ ...queue, items: [...items], total: items.length }),
    });
    await showQueue();
    expect(await screen.findByText('1 pending request')).toBeTruthy();
    items.push(row('r9', 'Kiosk Kim'));
    api.emit('registrations:changed', { workshopId: 'w1' });
    expect(await screen.findByText('Kiosk Kim', {}, { timeout: 5000 })).toBeTruthy();
    expect(screen.getByText('2 pending requests')).toBeTruthy();
  });
});
