import { BarChart } from '@mantine/charts';
import { Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { AttendanceFigures, ReportFilters } from '../../../../shared/reports';
import { DateField } from '../../app/DateFields';
import { useFormat } from '../../app/format';
import { CHART_WORKSHOPS, chartHeight } from './AdminSections';
import { ReportSection } from './ReportSection';
import { ReportEmpty, ReportTable, type ReportColumn } from './ReportTable';
import { useArrivals, useAttendance } from './report-queries';

const rate = (r: AttendanceFigures) => (r.noShowRate === null ? '—' : `${Math.round(r.noShowRate * 100)} %`);
const NONE_ENDED = 'No workshop in this range has ended yet.';
const short = (s: string) => (s.length > 30 ? `${s.slice(0, 29)}…` : s);

function figureColumns<R extends AttendanceFigures>(first: string, label: (r: R) => string): ReportColumn<R>[] {
  return [
    { key: 'label', title: first, render: label, sortBy: label },
    { key: 'checkedIn', title: 'Checked in / confirmed', numeric: true, render: (r) => `${r.checkedIn} / ${r.confirmed}`, sortBy: (r) => (r.confirmed ? r.checkedIn / r.confirmed : 0) },
    { key: 'noShow', title: 'No-show rate', numeric: true, render: rate, sortBy: (r) => r.noShowRate ?? -1 },
  ];
}

export function AttendanceSection({ filters }: { filters: ReportFilters }) {
  const q = useAttendance(filters);
  const format = useFormat();
  const data = q.data;
  const ended = (data?.byWorkshop ?? []).filter((w) => w.ended);
  return (
    <ReportSection title="Attendance" description="Who came: checked in against confirmed. The no-show rate counts once a workshop has ended; a reversed check-in does not count." loading={q.isPending} error={q.error}>
      {data && (
        <Stack gap="lg">
          {ended.length > 0 && (
            <BarChart
              h={chartHeight(Math.min(ended.length, CHART_WORKSHOPS))}
              data={ended.slice(0, CHART_WORKSHOPS).map((w) => ({ workshop: short(w.title), 'Checked in': w.checkedIn, 'Did not come': w.confirmed - w.checkedIn }))}
              dataKey="workshop"
              type="stacked"
              withLegend
              legendProps={{ verticalAlign: 'top' }}
              withBarValueLabel
              series={[
                { name: 'Checked in', color: 'teal.8' },
                { name: 'Did not come', color: 'gray.4' },
              ]}
              orientation="vertical"
          yAxisProps={{ width: 190, interval: 0 }}
              role="img"
              aria-label="Bar chart of attendance of ended workshops; the same numbers are in the table below"
            />
          )}
          <ReportTable
            caption="Per workshop"
            columns={[...figureColumns<(typeof data.byWorkshop)[number]>('Workshop', (r) => r.title), { key: 'when', title: 'Started', render: (r) => format.dateTime(r.startsAt), sortBy: (r) => r.startsAt }]}
            rows={data.byWorkshop}
            rowKey={(r) => r.workshopId}
          />
          {data.byCategory.length || data.byCity.length ? (
            <>
              <ReportTable caption="Ended workshops by category" columns={figureColumns<(typeof data.byCategory)[number]>('Category', (r) => r.category)} rows={data.byCategory} rowKey={(r) => r.category} empty={NONE_ENDED} />
              <ReportTable caption="Ended workshops by city" columns={figureColumns<(typeof data.byCity)[number]>('City', (r) => r.city)} rows={data.byCity} rowKey={(r) => r.city} empty={NONE_ENDED} />
            </>
          ) : (
            // Both tables count the same ended workshops, so they are empty together: say it once, not once per table.
            <ReportEmpty>{NONE_ENDED}</ReportEmpty>
          )}
        </Stack>
      )}
    </ReportSection>
  );
}

const offsetLabel = (m: number) => (m === 0 ? 'start' : m < 0 ? `${-m} min before` : `${m} min after`);

/** The queue at the door: check-ins in 5-minute buckets around the start, for one workshop or one day. */
export function ArrivalsSection({ filters }: { filters: ReportFilters }) {
  const [day, setDay] = useState<string>(() => new Date().toISOString().slice(0, 10));
  const scope: ReportFilters = filters.workshopId ? filters : { ...filters, from: day, to: day };
  const q = useArrivals(scope);
  const buckets = q.data?.buckets ?? [];
  return (
    <ReportSection
      title="Arrivals"
      description={filters.workshopId ? 'Check-ins for the chosen workshop, in 5-minute steps from its start.' : 'Check-ins for every workshop of one day, in 5-minute steps from each one’s start. Choose a workshop above to see only that one.'}
      loading={q.isPending}
      error={q.error}
    >
      {!filters.workshopId && <DateField label="Day" value={day} onChange={(v) => v && setDay(v)} clearable={false} w={180} />}
      {q.data && (
        <Text size="sm">
          {q.data.workshops} workshop{q.data.workshops === 1 ? '' : 's'}, {buckets.reduce((n, b) => n + b.checkIns, 0)} check-ins.
        </Text>
      )}
      {buckets.length > 0 && (
        <BarChart
          h={240}
          data={buckets.map((b) => ({ minute: b.offsetMinutes, 'Check-ins': b.checkIns }))}
          dataKey="minute"
          withBarValueLabel
          series={[{ name: 'Check-ins', color: 'indigo.7' }]}
          xAxisLabel="Minutes from the start"
          referenceLines={[{ x: 0, label: 'Start', color: 'red.8' }]}
          role="img"
          aria-label="Bar chart of check-ins per 5 minutes around the start; the same numbers are in the table below"
        />
      )}
      <ReportTable
        caption="Check-ins per 5 minutes"
        columns={[
          { key: 'from', title: 'From', render: (b) => offsetLabel(b.offsetMinutes) },
          { key: 'n', title: 'Check-ins', numeric: true, render: (b) => b.checkIns, sortBy: (b) => b.checkIns },
        ]}
        rows={buckets}
        rowKey={(b) => String(b.offsetMinutes)}
        empty="No check-ins for this choice."
      />
    </ReportSection>
  );
}
