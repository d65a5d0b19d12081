import '@mantine/charts/styles.css';
import { Stack, Text } from '@mantine/core';
import { PageTitle } from '../../app/PageTitle';
import { canUse } from '../../app/navigation';
import { useSession } from '../auth/session.store';
import { FillSection, MoneySection, RegistrationsSection } from './AdminSections';
import { ArrivalsSection, AttendanceSection } from './AttendanceSections';
import { ExportsSection } from './ExportsSection';
import { ReportFiltersBar } from './ReportFiltersBar';
import { useReportFilters } from './report-filters.store';

/** Fill, money, attendance, registrations over time and arrivals; staff see who came and when. */
export function ReportsPage() {
  const role = useSession((s) => s.session?.user.role ?? 'attendee');
  const filters = useReportFilters((s) => s.filters);
  const admin = canUse(role, 'reports:money');
  const valid = filters.from <= filters.to;
  return (
    <Stack>
      <PageTitle>Reports</PageTitle>
      <ReportFiltersBar />
      {!valid ? (
        <Text c="red.8">The end date is before the start date.</Text>
      ) : (
        <>
          {admin && <FillSection filters={filters} />}
          {admin && <MoneySection filters={filters} />}
          <AttendanceSection filters={filters} />
          {admin && <RegistrationsSection filters={filters} />}
          <ArrivalsSection filters={filters} />
          <ExportsSection filters={filters} canExportLists={canUse(role, 'reports:export')} />
        </>
      )}
    </Stack>
  );
}
