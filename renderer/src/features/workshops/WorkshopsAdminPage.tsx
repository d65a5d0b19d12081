import { Alert, Badge, Button, Group, MultiSelect, Select, Stack, Text, TextInput } from '@mantine/core';
import { PageTitle } from '../../app/PageTitle';
import { useDebouncedValue } from '@mantine/hooks';
import { DataTable, type DataTableSortStatus } from 'mantine-datatable';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { STATUS_LABELS, WORKSHOP_STATUSES, type Category, type OrganiserWorkshopRow, type WorkshopStatus } from '../../../../shared/workshops';
import { canUse, useNav } from '../../app/navigation';
import { unwrap } from '../../lib/query';
import { useSession } from '../auth/session.store';
import { taxonomyApi, workshopsApi } from './workshops.api';
import { useFormat } from '../../app/format';

type SortKey = 'starts_at' | 'title' | 'status' | 'seats' | 'created_at';
const PAGE = 50;
const STATUS_COLORS: Record<WorkshopStatus, string> = { draft: 'gray', published: 'teal', cancelled: 'red', archived: 'dark' };

/** Every workshop in every status, for admins (who can edit) and staff (who read). */
export function WorkshopsAdminPage() {
  const role = useSession((s) => s.session?.user.role);
  const go = useNav((s) => s.go);
  const format = useFormat();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 200);
  const [statuses, setStatuses] = useState<WorkshopStatus[]>(['draft', 'published']);
  const [categoryId, setCategoryId] = useState<string | null>(null);
  const [sort, setSort] = useState<DataTableSortStatus<OrganiserWorkshopRow>>({ columnAccessor: 'startsAt', direction: 'asc' });
  const [page, setPage] = useState(1);
  const canEdit = role ? canUse(role, 'workshops:update') : false;

  const categories: Category[] = useQuery({ queryKey: ['categories'], queryFn: () => unwrap(taxonomyApi.categories()) }).data ?? [];

  const sortKey: SortKey = ({ startsAt: 'starts_at', title: 'title', status: 'status', seatsTaken: 'seats', createdAt: 'created_at' } as Record<string, SortKey>)[sort.columnAccessor as string] ?? 'starts_at';

  const input = { q: debounced || undefined, statuses: statuses.length ? statuses : undefined, categoryId: categoryId ?? undefined, sort: sortKey, direction: sort.direction, limit: PAGE, offset: (page - 1) * PAGE };
  const list = useQuery({ queryKey: ['workshops', 'organiser', input], queryFn: () => unwrap(workshopsApi.listForOrganisers(input)), placeholderData: keepPreviousData });
  const data: { items: OrganiserWorkshopRow[]; total: number } = list.data ?? { items: [], total: 0 };
  const loading = list.isFetching;

  return (
    <Stack>
      <Group justify="space-between">
        <PageTitle>Manage workshops</PageTitle>
        {canEdit && <Button onClick={() => go('workshopEditor', { workshopId: null })}>New workshop</Button>}
      </Group>
      <Group align="flex-end">
        <TextInput aria-label="Search workshops" placeholder="Title, city or instructor" value={q} onChange={(e) => { setQ(e.currentTarget.value); setPage(1); }} w={280} />
        <MultiSelect aria-label="Status" placeholder="All statuses" data={WORKSHOP_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))} value={statuses} onChange={(v) => { setStatuses(v as WorkshopStatus[]); setPage(1); }} w={300} clearable />
        <Select aria-label="Category" placeholder="All categories" data={categories.map((c) => ({ value: c.id, label: c.name }))} value={categoryId} onChange={(v) => { setCategoryId(v); setPage(1); }} clearable w={220} />
      </Group>
      {list.isError && <Alert color="red" title="The workshops could not be shown">{list.error.message}</Alert>}
      <DataTable
        withTableBorder
        striped
        highlightOnHover
        minHeight={240}
        fetching={loading}
        records={data.items}
        totalRecords={data.total}
        recordsPerPage={PAGE}
        page={page}
        onPageChange={setPage}
        sortStatus={sort}
        onSortStatusChange={(s) => { setSort(s); setPage(1); }}
        onRowClick={({ record }) => go(canEdit ? 'workshopEditor' : 'workshop', { workshopId: record.id })}
        noRecordsText="No workshop matches"
        columns={[
          { accessor: 'title', title: 'Workshop', sortable: true, render: (w) => (<Stack gap={0}><Text fw={600} size="sm">{w.title}</Text><Text size="xs" c="dimmed">{w.categoryName} · {w.city}</Text></Stack>) },
          { accessor: 'startsAt', title: 'When', sortable: true, render: (w) => <Text size="sm">{format.workshopTime(w.startsAt, w.endsAt, w.timeZone)}</Text> },
          { accessor: 'status', title: 'Status', sortable: true, render: (w) => <Badge color={STATUS_COLORS[w.status]}>{STATUS_LABELS[w.status]}</Badge> },
          { accessor: 'seatsTaken', title: 'Seats', sortable: true, textAlign: 'right', render: (w) => `${w.seatsTaken} / ${w.capacity}` },
          { accessor: 'pendingCount', title: 'Pending', textAlign: 'right', render: (w) => (w.pendingCount ? <Badge color="grape">{w.pendingCount}</Badge> : '—') },
          { accessor: 'priceMinor', title: 'Price', textAlign: 'right', render: (w) => format.price(w.priceMinor, w.currency) },
        ]}
      />
    </Stack>
  );
}
