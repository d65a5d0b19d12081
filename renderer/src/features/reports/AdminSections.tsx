import { BarChart, LineChart } from '@mantine/charts';
import { SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { FillRow, MoneyFigures, ReportFilters } from '../../../../shared/reports';
import { CURRENCIES, isCurrency } from '../../../../shared/money';
import { useFormat } from '../../app/format';
import { ReportSection } from './ReportSection';
import { ReportTable, type ReportColumn } from './ReportTable';
import { useFill, useMoney, useRegistrationsOverTime } from './report-queries';

/** Charts show at most this many workshops (the soonest); the table beside them lists all. */
export const CHART_WORKSHOPS = 15;
/** Bars lie on their side, one workshop name per line: tall enough for each. */
export const chartHeight = (bars: number) => 70 + 34 * bars;
const short = (s: string) => (s.length > 30 ? `${s.slice(0, 29)}…` : s);
const major = (minor: number, currency: string) => minor / 10 ** (isCurrency(currency) ? CURRENCIES[currency] : 2);

export function FillSection({ filters }: { filters: ReportFilters }) {
  const q = useFill(filters, true);
  const format = useFormat();
  const rows = q.data ?? [];
  const columns: ReportColumn<FillRow>[] = [
    { key: 'title', title: 'Workshop', render: (r) => r.title, sortBy: (r) => r.title },
    { key: 'start', title: 'Starts', render: (r) => format.dateTime(r.startsAt, r.timeZone), sortBy: (r) => r.startsAt },
    { key: 'confirmed', title: 'Confirmed / capacity', numeric: true, render: (r) => `${r.confirmed} / ${r.capacity}`, sortBy: (r) => r.confirmed / r.capacity },
    { key: 'fill', title: 'Full', numeric: true, render: (r) => `${Math.round((100 * r.confirmed) / r.capacity)} %`, sortBy: (r) => r.confirmed / r.capacity },
    { key: 'pending', title: 'Pending', numeric: true, render: (r) => r.pending, sortBy: (r) => r.pending },
    { key: 'waitlisted', title: 'Waiting now', numeric: true, render: (r) => r.waitlisted, sortBy: (r) => r.waitlisted },
    { key: 'waited', title: 'Ever waited', numeric: true, render: (r) => r.waited, sortBy: (r) => r.waited },
    { key: 'gotSeat', title: 'Got a seat from the list', numeric: true, render: (r) => r.waitedGotSeat, sortBy: (r) => r.waitedGotSeat },
  ];
  return (
    <ReportSection title="Fill" description="Seats taken against capacity, requests still to decide, and the demand the waiting list shows." loading={q.isPending} error={q.error}>
      {rows.length > 0 && (
        <BarChart
          h={chartHeight(Math.min(rows.length, CHART_WORKSHOPS))}
          data={rows.slice(0, CHART_WORKSHOPS).map((r) => ({ workshop: short(r.title), Confirmed: r.confirmed, 'Free seats': Math.max(0, r.capacity - r.confirmed), Pending: r.pending, 'Waiting list': r.waitlisted }))}
          dataKey="workshop"
          type="stacked"
          withLegend
          legendProps={{ verticalAlign: 'top' }}
          series={[
            { name: 'Confirmed', color: 'indigo.7' },
            { name: 'Free seats', color: 'gray.3' },
            { name: 'Pending', color: 'yellow.5' },
            { name: 'Waiting list', color: 'red.7' },
          ]}
          orientation="vertical"
          yAxisProps={{ width: 190, interval: 0 }}
          role="img"
          aria-label="Bar chart of seats per workshop; the same numbers are in the table below"
        />
      )}
      <ReportTable caption="Fill per workshop (select a heading to sort)" columns={columns} rows={rows} rowKey={(r) => r.workshopId} />
    </ReportSection>
  );
}

type MoneyRow = MoneyFigures & { key: string; label: string };

function moneyColumns(format: ReturnType<typeof useFormat>, first: string): ReportColumn<MoneyRow>[] {
  const m = (pick: (r: MoneyRow) => number) => (r: MoneyRow) => format.price(pick(r), r.currency).replace('Free', '—');
  return [
    { key: 'label', title: first, render: (r) => r.label, sortBy: (r) => r.label },
    { key: 'currency', title: 'Currency', render: (r) => r.currency, sortBy: (r) => r.currency },
    { key: 'due', title: 'Due', numeric: true, render: m((r) => r.dueMinor), sortBy: (r) => r.dueMinor },
    { key: 'paid', title: 'Paid', numeric: true, render: m((r) => r.paidMinor), sortBy: (r) => r.paidMinor },
    { key: 'outstanding', title: 'Outstanding', numeric: true, render: m((r) => r.outstandingMinor), sortBy: (r) => r.outstandingMinor },
    { key: 'refunded', title: 'Refunded', numeric: true, render: m((r) => r.refundedMinor), sortBy: (r) => r.refundedMinor },
    { key: 'waived', title: 'Waived', numeric: true, render: m((r) => r.waivedMinor), sortBy: (r) => r.waivedMinor },
  ];
}

export function MoneySection({ filters }: { filters: ReportFilters }) {
  const q = useMoney(filters, true);
  const format = useFormat();
  const data = q.data;
  const currencies = [...new Set((data?.byMonth ?? []).map((r) => r.currency))];
  return (
    <ReportSection title="Money" description="Amounts due, paid, outstanding, refunded and waived — each currency on its own, never added together." loading={q.isPending} error={q.error}>
      {data && (
        <Stack gap="lg">
          <SimpleGrid cols={{ base: 1, md: currencies.length > 1 ? 2 : 1 }}>
            {currencies.map((c) => (
              <Stack key={c} gap={4}>
                <Title order={3} size="h5">
                  By month, in {c}
                </Title>
                <BarChart
                  h={220}
                  data={data.byMonth.filter((r) => r.currency === c).map((r) => ({ month: r.month, Paid: major(r.paidMinor, c), Outstanding: major(r.outstandingMinor, c), Refunded: major(r.refundedMinor, c), Waived: major(r.waivedMinor, c) }))}
                  dataKey="month"
                  withLegend
                  legendProps={{ verticalAlign: 'top' }}
                  valueFormatter={(v) => (v === 0 ? '0' : format.price(Math.round(v * 10 ** (isCurrency(c) ? CURRENCIES[c] : 2)), c))}
                  series={[
                    { name: 'Paid', color: 'teal.8' },
                    { name: 'Outstanding', color: 'orange.6' },
                    { name: 'Refunded', color: 'grape.7' },
                    { name: 'Waived', color: 'gray.5' },
                  ]}
                  role="img"
                  aria-label={`Bar chart of money by month in ${c}; the same numbers are in the tables below`}
                />
              </Stack>
            ))}
          </SimpleGrid>
          <ReportTable caption="By month" columns={moneyColumns(format, 'Month')} rows={data.byMonth.map((r) => ({ ...r, key: `${r.month}-${r.currency}`, label: r.month }))} rowKey={(r) => r.key} />
          <ReportTable caption="By category" columns={moneyColumns(format, 'Category')} rows={data.byCategory.map((r) => ({ ...r, key: `${r.category}-${r.currency}`, label: r.category }))} rowKey={(r) => r.key} />
          <ReportTable caption="By workshop" columns={moneyColumns(format, 'Workshop')} rows={data.byWorkshop.map((r) => ({ ...r, key: `${r.workshopId}-${r.currency}`, label: r.title }))} rowKey={(r) => r.key} />
          <ReportTable
            caption="Payments by method (undone desk payments left out)"
            columns={[
              { key: 'method', title: 'Method', render: (r) => r.method, sortBy: (r) => r.method },
              { key: 'currency', title: 'Currency', render: (r) => r.currency, sortBy: (r) => r.currency },
              { key: 'payments', title: 'Payments', numeric: true, render: (r) => r.payments, sortBy: (r) => r.payments },
              { key: 'amount', title: 'Amount', numeric: true, render: (r) => format.price(r.amountMinor, r.currency), sortBy: (r) => r.amountMinor },
            ]}
            rows={data.methods}
            rowKey={(r) => `${r.currency}-${r.method}`}
          />
        </Stack>
      )}
    </ReportSection>
  );
}

const STATES = [
  { key: 'confirmed', name: 'Confirmed', color: 'indigo.7', dash: '0' },
  { key: 'pending', name: 'Pending', color: 'yellow.7', dash: '6 3' },
  { key: 'waitlisted', name: 'Waiting list', color: 'red.7', dash: '2 2' },
  { key: 'cancelled', name: 'Cancelled', color: 'gray.6', dash: '10 4' },
  { key: 'rejected', name: 'Rejected', color: 'grape.7', dash: '1 4' },
] as const;

export function RegistrationsSection({ filters }: { filters: ReportFilters }) {
  const [per, setPer] = useState<'day' | 'week'>('day');
  const q = useRegistrationsOverTime(filters, per, true);
  const byPeriod = new Map<string, Record<string, number>>();
  for (const r of q.data ?? []) byPeriod.set(r.period, { ...(byPeriod.get(r.period) ?? {}), [r.status]: r.count });
  const rows = [...byPeriod].map(([period, counts]) => ({ period, ...Object.fromEntries(STATES.map((s) => [s.name, counts[s.key] ?? 0])) }) as Record<string, number | string> & { period: string });
  return (
    <ReportSection title="Registrations over time" description="Requests by the day (or week) they were made, in each workshop's own zone, by where they stand now." loading={q.isPending} error={q.error}>
      <SegmentedControl
        w={200}
        value={per}
        onChange={(v) => setPer(v as 'day' | 'week')}
        data={[
          { value: 'day', label: 'Per day' },
          { value: 'week', label: 'Per week' },
        ]}
        aria-label="Group registrations per day or per week"
      />
      {rows.length > 0 && (
        <LineChart
          h={240}
          data={rows}
          dataKey="period"
          withLegend
          legendProps={{ verticalAlign: 'top' }}
          withDots
          series={STATES.map((s) => ({ name: s.name, color: s.color, strokeDasharray: s.dash }))}
          role="img"
          aria-label="Line chart of registrations over time; each state has its own line pattern, and the numbers are in the table below"
        />
      )}
      <ReportTable
        caption={`Registrations per ${per}`}
        columns={[{ key: 'period', title: per === 'day' ? 'Day' : 'Week from', render: (r) => r.period, sortBy: (r) => r.period }, ...STATES.map((s) => ({ key: s.key, title: s.name, numeric: true, render: (r: Record<string, number | string>) => r[s.name], sortBy: (r: Record<string, number | string>) => Number(r[s.name]) }))]}
        rows={rows}
        rowKey={(r) => r.period}
      />
      <Text size="xs" c="dimmed">
        Weeks start on Monday.
      </Text>
    </ReportSection>
  );
}
