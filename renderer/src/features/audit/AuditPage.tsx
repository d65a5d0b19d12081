import { Alert, Button, Code, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useInfiniteQuery } from '@tanstack/react-query';
import { PageTitle } from '../../app/PageTitle';
import { DataTable } from 'mantine-datatable';
import { useState } from 'react';
import { actionInWords, AUDIT_ACTIONS, AUDIT_ENTITY_TYPES } from '../../../../shared/audit';
import type { InputOf } from '../../../../shared/ipc/contract';
import { unwrap } from '../../lib/query';
import { DateField } from '../../app/DateFields';
import { auditApi } from './audit.api';
import { useFormat } from '../../app/format';
import { BusyButton } from '../../app/BusyButton';

const PAGE = 50;
const ENTITY_LABELS: Record<string, string> = { ...AUDIT_ENTITY_TYPES, station: 'This station' };
const viewerZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

type Filters = Pick<InputOf<'audit:list'>, 'actor' | 'station' | 'action' | 'entityType' | 'from' | 'to'>;

export function AuditPage() {
  const format = useFormat();
  const [filters, setFilters] = useState<Filters>({});
  const [actor] = useDebouncedValue(filters.actor, 300);
  const [station] = useDebouncedValue(filters.station, 300);
  const applied = { ...filters, actor: actor?.trim() || undefined, station: station?.trim() || undefined };
  // Newest first; each further page starts below the last entry shown (the cursor), with the same filters.
  const q = useInfiniteQuery({
    queryKey: ['audit', applied],
    queryFn: ({ pageParam }) => unwrap(auditApi.list({ ...applied, timeZone: viewerZone(), limit: PAGE, beforeId: pageParam })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => (last.length === PAGE ? last.at(-1)!.id : undefined),
  });
  const rows = q.data?.pages.flat() ?? [];
  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }));

  return (
    <Stack>
      <Group justify="space-between">
        <PageTitle>Audit log</PageTitle>
        <Button variant="default" onClick={() => q.refetch()}>
          Refresh
        </Button>
      </Group>
      <Text c="dimmed" size="sm">
        Every change, who made it, from which station. Entries can never be edited or deleted.
      </Text>
      <Group align="flex-end" gap="sm" role="search" aria-label="Filter the audit log">
        <TextInput label="Who (email)" value={filters.actor ?? ''} onChange={(e) => set({ actor: e.currentTarget.value || undefined })} w={170} />
        <TextInput label="Station" value={filters.station ?? ''} onChange={(e) => set({ station: e.currentTarget.value || undefined })} w={130} />
        <Select
          label="Action"
          placeholder="Any action"
          clearable
          searchable
          data={Object.entries(AUDIT_ACTIONS).map(([value, label]) => ({ value, label }))}
          value={filters.action ?? null}
          onChange={(v) => set({ action: v ?? undefined })}
          w={210}
        />
        <Select label="About" placeholder="Anything" clearable data={Object.entries(ENTITY_LABELS).map(([value, label]) => ({ value, label }))} value={filters.entityType ?? null} onChange={(v) => set({ entityType: v ?? undefined })} w={150} />
        <DateField label="From" value={filters.from ?? null} onChange={(v) => set({ from: v ?? undefined })} w={140} />
        <DateField label="To" value={filters.to ?? null} onChange={(v) => set({ to: v ?? undefined })} w={140} />
      </Group>
      {q.error && <Alert color="red" title="The log could not be loaded">{q.error.message}</Alert>}
      <DataTable
        withTableBorder
        striped
        minHeight={200}
        fetching={q.isFetching}
        records={rows}
        idAccessor="id"
        noRecordsText="Nothing recorded (with these filters)"
        columns={[
          { accessor: 'at', title: 'When', render: (e) => format.dateTime(e.at) },
          { accessor: 'actorEmail', title: 'Who', render: (e) => e.actorEmail ?? '—' },
          { accessor: 'station', title: 'Station' },
          { accessor: 'action', title: 'Action', render: (e) => actionInWords(e) },
          {
            accessor: 'entityType',
            title: 'What',
            render: (e) => (
              <Stack gap={0}>
                <Text size="xs" c="dimmed">
                  {ENTITY_LABELS[e.entityType] ?? e.entityType}
                </Text>
                {e.entityName && <Text size="sm">{e.entityName}</Text>}
              </Stack>
            ),
          },
        ]}
        rowExpansion={{
          content: ({ record }) => (
            <Stack p="sm" gap="xs">
              <Text size="xs" c="dimmed">
                Recorded as <Code>{record.action}</Code> on {record.entityType} {record.entityId && <Code>{record.entityId}</Code>}
              </Text>
              <Group align="flex-start" grow>
                <div>
                  <Text size="xs" fw={600}>
                    Before
                  </Text>
                  <Code block>{JSON.stringify(record.before, null, 2) ?? '—'}</Code>
                </div>
                <div>
                  <Text size="xs" fw={600}>
                    After
                  </Text>
                  <Code block>{JSON.stringify(record.after, null, 2) ?? '—'}</Code>
                </div>
              </Group>
            </Stack>
          ),
        }}
      />
      {q.hasNextPage && (
        <BusyButton variant="default" onClick={() => q.fetchNextPage()} busy={q.isFetchingNextPage}>
          Show older entries
        </BusyButton>
      )}
    </Stack>
  );
}
