// @vitest-environment happy-dom
import '../../../test/setup-dom';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { AttendanceReport } from '../../../../shared/reports';
import { fakeApi, ok } from '../../../test/fake-api';
import { AttendanceSection } from './AttendanceSections';

const NONE_ENDED = 'No workshop in this range has ended yet.';
const upcoming: AttendanceReport['byWorkshop'][number] = { workshopId: 'w1', title: 'Pottery', startsAt: '2099-12-01T10:00:00.000Z', ended: false, confirmed: 8, checkedIn: 0, noShowRate: null };
const past: AttendanceReport['byWorkshop'][number] = { workshopId: 'w2', title: 'Printmaking', startsAt: '2020-12-01T10:00:00.000Z', ended: true, confirmed: 10, checkedIn: 7, noShowRate: 0.3 };

function renderSection(report: AttendanceReport) {
  fakeApi({ 'reports:attendance': () => ok(report) });
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <MantineProvider>
        <AttendanceSection filters={{ from: '2020-01-01', to: '2099-12-31' }} />
      </MantineProvider>
    </QueryClientProvider>,
  );
}

describe('Attendance report', () => {
  afterEach(cleanup);

  it('says once, not once per table, that no workshop in the range has ended', async () => {
    renderSection({ byWorkshop: [upcoming], byCategory: [], byCity: [] });
    expect(await screen.findByRole('table', { name: 'Per workshop' })).toBeTruthy();
    expect(screen.getAllByText(NONE_ENDED)).toHaveLength(1);
    expect(screen.queryByRole('table', { name: 'Ended workshops by category' })).toBeNull();
    expect(screen.queryByRole('table', { name: 'Ended workshops by city' })).toBeNull();
  });

  it('shows the by-category and by-city tables, with their captions, once a workshop has ended', async () => {
    const figures = { confirmed: 10, checkedIn: 7, noShowRate: 0.3 };
    renderSection({ byWorkshop: [past, upcoming], byCategory: [{ category: 'Crafts', ...figures }], byCity: [{ city: 'Leeds', ...figures }] });
    expect(await screen.findByRole('table', { name: 'Ended workshops by category' })).toBeTruthy();
    expect(screen.getByRole('table', { name: 'Ended workshops by city' }).textContent).toContain('Leeds');
    expect(screen.getByRole('heading', { name: 'Attendance' })).toBeTruthy();
    expect(screen.queryByText(NONE_ENDED)).toBeNull();
  });
});
