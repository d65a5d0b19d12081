// @vitest-environment happy-dom
import '../../../test/setup-dom';
import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { WorkshopDetail } from '../../../../shared/workshops';
import { fakeApi, ok } from '../../../test/fake-api';
import { useNav } from '../../app/navigation';
import { queryClient } from '../../lib/query';
import { WorkshopEditorPage } from './WorkshopEditorPage';

const HOUR = 3_600_000;
const draft = (startsInHours: number, endsInHours: number): WorkshopDetail => ({
  id: 'w1', title: 'Pottery', summary: '', categoryId: 'c1', categoryName: 'Arts', tags: [], city: 'London', venue: 'Studio', instructor: '',
  startsAt: new Date(Date.now() + startsInHours * HOUR).toISOString(), endsAt: new Date(Date.now() + endsInHours * HOUR).toISOString(), timeZone: 'Europe/London',
  capacity: 8, seatsTaken: 0, seatsLeft: 8, priceMinor: 0, currency: 'GBP', registrationMode: 'automatic', waitlistEnabled: false, status: 'draft', description: '', address: '',
  cancelReason: null, version: 1, createdAt: '', updatedAt: '', startsLocal: '2026-01-01T10:00', endsLocal: '2026-01-01T12:00', hasRegistrations: false,
});

function openEditor(w: WorkshopDetail) {
  useNav.setState({ page: 'workshopEditor', workshopId: w.id });
  const api = fakeApi({
    'categories:list': () => ok([{ id: 'c1', name: 'Arts', workshopCount: 1 }]),
    'tags:list': () => ok([]),
    'workshops:get': () => ok(w),
    'workshops:publish': () => ok({ ...w, status: 'published' as const }),
  });
  render(
    <QueryClientProvider client={queryClient}>
      <MantineProvider>
        <WorkshopEditorPage />
      </MantineProvider>
    </QueryClientProvider>,
  );
  return { publishes: () => api.calls.filter((c) => c.channel === 'workshops:publish') };
}

describe('Publishing from the editor', () => {
  afterEach(cleanup);

  it('warns that a workshop has started and asks before publishing it', async () => {
    const { publishes } = openEditor(draft(-1, 2));
    expect(await screen.findByText('This workshop has already started')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Publish' }));
    const ask = await screen.findByRole('dialog', { name: 'Publish a workshop that has started?' });
    expect(within(ask).getByText(/nobody can register for it any more/)).toBeTruthy();
    expect(publishes()).toEqual([]);
    await userEvent.click(within(ask).getByRole('button', { name: 'Publish anyway' }));
    await waitFor(() => expect(publishes()).toEqual([{ channel: 'workshops:publish', input: { id: 'w1' }, meta: { requestId: expect.any(String) } }]));
  });

  it('does not offer to publish a workshop that has ended, and says why', async () => {
    const { publishes } = openEditor(draft(-5, -2));
    expect(await screen.findByText('This workshop has already ended')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Publish' }) as HTMLButtonElement).disabled).toBe(true);
    expect(publishes()).toEqual([]);
  });

  it('publishes an upcoming workshop at once, without a warning', async () => {
    const { publishes } = openEditor(draft(24, 26));
    await userEvent.click(await screen.findByRole('button', { name: 'Publish' }));
    await waitFor(() => expect(publishes()).toHaveLength(1));
    expect(screen.queryByText(/has already (started|ended)/)).toBeNull();
  });
});
