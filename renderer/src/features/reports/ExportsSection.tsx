import { Group, Paper, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { EXPORT_KIND_LABELS, EXPORT_KINDS, PER_WORKSHOP_EXPORTS, type ExportKind, type ExportResult, type ReportFilters } from '../../../../shared/reports';
import type { Result } from '../../../../shared/errors';
import { BusyButton } from '../../app/BusyButton';
import { useFormat } from '../../app/format';
import { handleResult, notifySuccess } from '../../lib/notify';
import { reportsApi } from './reports.api';
import { useAttendance, useFilterOptions } from './report-queries';

const viewerZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The filters an export uses, in words, so the file is what the person thinks it is. */
function FiltersInWords({ filters, kind }: { filters: ReportFilters; kind: ExportKind | 'sheet' }) {
  const format = useFormat();
  const options = useFilterOptions();
  const workshops = useAttendance({ ...filters, workshopId: undefined });
  const workshop = workshops.data?.byWorkshop.find((w) => w.workshopId === filters.workshopId);
  const parts = kind === 'sheet' || PER_WORKSHOP_EXPORTS.includes(kind as ExportKind)
    ? [workshop ? `${workshop.title} (${format.date(workshop.startsAt)})` : 'no workshop chosen']
    : [
        `${format.date(filters.from)} – ${format.date(filters.to)}`,
        kind === 'audit' ? `days in ${viewerZone()}` : 'days in each workshop’s zone',
        ...(kind === 'audit' ? [] : [options.data?.categories.find((c) => c.id === filters.categoryId)?.name ?? 'all categories', filters.city ?? 'all cities', workshop?.title ?? 'all workshops']),
      ];
  return (
    <Text size="sm" data-testid={`export-filters-${kind}`}>
      Uses: {parts.join(' · ')}
    </Text>
  );
}

export function ExportsSection({ filters, canExportLists }: { filters: ReportFilters; canExportLists: boolean }) {
  const [kind, setKind] = useState<ExportKind>('payments');
  const [format, setFormat] = useState<'csv' | 'xlsx'>('xlsx');
  const [busy, setBusy] = useState<'list' | 'sheet' | null>(null);
  const needsWorkshop = PER_WORKSHOP_EXPORTS.includes(kind) && !filters.workshopId;

  const done = (r: Result<ExportResult>) => {
    const data = handleResult(r);
    if (data?.saved) notifySuccess(`Saved ${data.fileName} (${data.rows} ${data.rows === 1 ? 'row' : 'rows'}).`);
  };
  const saveList = async () => {
    setBusy('list');
    done(await reportsApi.export({ ...filters, kind, format, timeZone: viewerZone() }));
    setBusy(null);
  };
  const saveSheet = async () => {
    if (!filters.workshopId) return;
    setBusy('sheet');
    done(await reportsApi.signInSheet({ workshopId: filters.workshopId }));
    setBusy(null);
  };

  return (
    <Paper withBorder p="md" component="section" aria-label="Exports">
      <Stack gap="md">
        <Title order={2} size="h3">
          Exports
        </Title>
        <Text size="sm" c="dimmed">
          Files are saved where you choose.
          {canExportLists && ' CSV opens anywhere; the Excel workbook keeps dates as dates, amounts as numbers in their currency, and codes and phone numbers as text.'}
        </Text>
        {canExportLists && (
          <Stack gap="xs">
            <Group align="flex-end">
              <Select label="Export" data={EXPORT_KINDS.map((k) => ({ value: k, label: EXPORT_KIND_LABELS[k] }))} value={kind} onChange={(v) => v && setKind(v as ExportKind)} allowDeselect={false} w={260} />
              <SegmentedControl
                value={format}
                onChange={(v) => setFormat(v as 'csv' | 'xlsx')}
                data={[
                  { value: 'xlsx', label: 'Excel (XLSX)' },
                  { value: 'csv', label: 'CSV' },
                ]}
                aria-label="File format"
              />
              <BusyButton onClick={saveList} busy={busy === 'list'} disabled={needsWorkshop}>
                Save {format.toUpperCase()}…
              </BusyButton>
            </Group>
            <FiltersInWords filters={filters} kind={kind} />
            {needsWorkshop && (
              <Text size="sm" c="orange.9">
                Choose a workshop in the filters above for this export.
              </Text>
            )}
          </Stack>
        )}
        <Stack gap="xs">
          <Group align="flex-end">
            <BusyButton variant="default" onClick={saveSheet} busy={busy === 'sheet'} disabled={!filters.workshopId}>
              Save sign-in sheet (PDF)…
            </BusyButton>
          </Group>
          <FiltersInWords filters={filters} kind="sheet" />
          <Text size="xs" c="dimmed">
            A4, the confirmed people by name, a box to tick, paid or what is due, and a line to sign.
          </Text>
        </Stack>
      </Stack>
    </Paper>
  );
}
