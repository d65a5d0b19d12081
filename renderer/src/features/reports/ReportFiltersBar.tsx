import { Group, Select } from '@mantine/core';
import { DateField } from '../../app/DateFields';
import { useFormat } from '../../app/format';
import { useAttendance, useFilterOptions } from './report-queries';
import { useReportFilters } from './report-filters.store';

/** Date range (days in each workshop's own zone), category, city and one workshop. */
export function ReportFiltersBar() {
  const { filters, set } = useReportFilters();
  const format = useFormat();
  const options = useFilterOptions();
  // The workshops of the range (before one is chosen), to choose one from.
  const workshops = useAttendance({ ...filters, workshopId: undefined });
  return (
    <Group align="flex-end" gap="sm" role="search" aria-label="Report filters">
      <DateField label="From" value={filters.from} onChange={(v) => v && set({ from: v })} clearable={false} w={150} />
      <DateField label="To" value={filters.to} onChange={(v) => v && set({ to: v })} clearable={false} w={150} />
      <Select
        label="Category"
        placeholder="All categories"
        clearable
        data={(options.data?.categories ?? []).map((c) => ({ value: c.id, label: c.name }))}
        value={filters.categoryId ?? null}
        onChange={(v) => set({ categoryId: v ?? undefined, workshopId: undefined })}
        w={180}
      />
      <Select label="City" placeholder="All cities" clearable data={options.data?.cities ?? []} value={filters.city ?? null} onChange={(v) => set({ city: v ?? undefined, workshopId: undefined })} w={160} />
      <Select
        label="Workshop"
        placeholder="All workshops"
        clearable
        searchable
        data={(workshops.data?.byWorkshop ?? []).map((w) => ({ value: w.workshopId, label: `${w.title} · ${format.date(w.startsAt)}` }))}
        value={filters.workshopId ?? null}
        onChange={(v) => set({ workshopId: v ?? undefined })}
        w={300}
      />
    </Group>
  );
}
