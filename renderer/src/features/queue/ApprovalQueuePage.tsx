import { Alert, Badge, Button, Grid, Group, Modal, Paper, Select, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { focusPageTitle, PageTitle } from '../../app/PageTitle';
import { DataTable, type DataTableSortStatus } from 'mantine-datatable';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { InputOf } from '../../../../shared/ipc/contract';
import type { BulkOutcome, BulkResult, QueueFilter, QueuePage, QueueRow } from '../../../../shared/registrations';
import { useNav } from '../../app/navigation';
import { handleResult, notifySuccess } from '../../lib/notify';
import { queueKeys, registrationsApi } from '../registrations/registrations.api';
import { queryClient, unwrap } from '../../lib/query';
import { taxonomyApi } from '../workshops/workshops.api';
import { useFormat } from '../../app/format';
import { DateField } from '../../app/DateFields';
import { FullRequestsOffer } from './FullRequestsOffer';
import { BusyButton } from '../../app/BusyButton';

type Selection = InputOf<'registrations:bulkReject'>['selection'];

const PAGE = 100;
const OUTCOME_LABELS: Record<BulkOutcome, string> = { approved: 'Approved', waitlisted: 'Waiting list', full: 'Not approved: full', rejected: 'Rejected', not_pending: 'Already handled' };
const OUTCOME_COLORS: Record<BulkOutcome, string> = { approved: 'teal', waitlisted: 'orange', full: 'red', rejected: 'gray', not_pending: 'gray' };

/** Pending requests across all workshops; bulk approval goes oldest first within each workshop's seats. */
export function ApprovalQueuePage() {
  const go = useNav((s) => s.go);
  const format = useFormat();
  const [filter, setFilter] = useState<QueueFilter>({});
  const [sort, setSort] = useState<DataTableSortStatus<QueueRow>>({ columnAccessor: 'requestedAt', direction: 'asc' });
  const [page, setPage] = useState(1);
  const [allWorkshops, setAllWorkshops] = useState<QueuePage['workshops']>([]);
  const [selected, setSelected] = useState<QueueRow[]>([]);
  const [allMatching, setAllMatching] = useState(false);
  const [result, setResult] = useState<BulkResult | null>(null);
  // What "Reject…" applies to: the selection, or the requests a report found no seat for.
  const [rejecting, setRejecting] = useState<{ selection: Selection; count: number; fromReport: boolean } | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const done = useRef<HTMLButtonElement>(null);
  // A new report replaces the offer's button that was pressed: in that same commit, the focus moves to
  // the report's Done button instead of falling to the page.
  useLayoutEffect(() => {
    if (result && (!document.activeElement || document.activeElement === document.body)) done.current?.focus();
  }, [result]);

  const categories = useQuery({ queryKey: ['categories'], queryFn: () => unwrap(taxonomyApi.categories()) }).data ?? [];
  // Server state through react-query: a request made or decided at any station marks the queue
  // stale ('registrations:changed', lib/query.ts), and it reads itself again.
  const input = { ...filter, direction: sort.direction, limit: PAGE, offset: (page - 1) * PAGE };
  const queue = useQuery({ queryKey: queueKeys.page(input), queryFn: () => unwrap(registrationsApi.queue(input)), placeholderData: keepPreviousData });
  const data: QueuePage = queue.data ?? { items: [], total: 0, workshops: [] };
  const loading = queue.isFetching;
  // The workshop picker lists every workshop with requests, also while one of them is chosen.
  useEffect(() => {
    if (queue.data && !filter.workshopId) setAllWorkshops(queue.data.workshops);
  }, [queue.data, filter.workshopId]);
  const load = () => queryClient.invalidateQueries({ queryKey: queueKeys.all });

  const changeFilter = (patch: Partial<QueueFilter>) => {
    setFilter((f) => ({ ...f, ...patch }));
    setPage(1);
    setSelected([]);
    setAllMatching(false);
  };
  const selection: Selection = allMatching ? { filter } : { ids: selected.map((s) => s.id) };
  const count = allMatching ? data.total : selected.length;

  const askReject = (sel: Selection, n: number, suggestedReason: string, fromReport = false) => {
    setReason(suggestedReason);
    setReasonError(null);
    setRejecting({ selection: sel, count: n, fromReport });
  };
  // The report's dialogs replace what opened them (the Approve button is disabled once the selection
  // is handled, the report's own buttons are gone): on closing, the focus goes to the page's heading.
  const closeReport = () => {
    setResult(null);
    focusPageTitle();
  };
  const closeReject = () => {
    if (rejecting?.fromReport) focusPageTitle();
    setRejecting(null);
  };

  const finish = async (r: BulkResult | null) => {
    setBusy(false);
    if (!r) return;
    // The Approve button that has the focus is disabled next (nothing left selected): the focus waits
    // on the heading until the report's dialog takes it, instead of dropping to the page.
    focusPageTitle();
    setResult(r);
    setSelected([]);
    setAllMatching(false);
    await load();
  };

  return (
    <Stack>
      <PageTitle>Approval queue</PageTitle>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack>
            <Group align="flex-end">
              <Select
                label="Workshop"
                placeholder="All workshops"
                clearable
                searchable
                data={allWorkshops.map((w) => ({ value: w.workshopId, label: w.title }))}
                value={filter.workshopId ?? null}
                onChange={(v) => changeFilter({ workshopId: v ?? undefined })}
                w={260}
              />
              <Select label="Category" placeholder="All" clearable data={categories.map((c) => ({ value: c.id, label: c.name }))} value={filter.categoryId ?? null} onChange={(v) => changeFilter({ categoryId: v ?? undefined })} w={180} />
              <DateField label="Workshops from" placeholder="Any date" value={filter.from ?? null} onChange={(from) => changeFilter({ from: from ?? undefined })} w={180} />
              <DateField label="to" placeholder="Any date" value={filter.to ?? null} onChange={(to) => changeFilter({ to: to ?? undefined })} w={180} />
            </Group>
            <Group justify="space-between">
              <Text aria-live="polite">
                {count > 0 ? `${count} selected` : `${data.total} pending request${data.total === 1 ? '' : 's'}`}
                {!allMatching && selected.length > 0 && selected.length < data.total && (
                  <Button variant="subtle" size="compact-sm" ml="xs" onClick={() => setAllMatching(true)}>
                    Select all {data.total} matching
                  </Button>
                )}
                {allMatching && (
                  <Button variant="subtle" size="compact-sm" ml="xs" onClick={() => { setAllMatching(false); setSelected([]); }}>
                    Clear selection
                  </Button>
                )}
              </Text>
              <Group>
                <BusyButton disabled={count === 0} busy={busy} onClick={async () => { setBusy(true); await finish(handleResult(await registrationsApi.bulkApprove(selection))); }}>
                  Approve {count || ''}
                </BusyButton>
                <Button variant="default" color="red" disabled={count === 0} onClick={() => askReject(selection, count, '')}>
                  Reject {count || ''}…
                </Button>
              </Group>
            </Group>
            {queue.isError && <Alert color="red" title="The requests could not be shown">{queue.error.message}</Alert>}
            <DataTable
              withTableBorder
              striped
              minHeight={240}
              fetching={loading}
              records={data.items}
              totalRecords={data.total}
              recordsPerPage={PAGE}
              page={page}
              onPageChange={setPage}
              sortStatus={sort}
              onSortStatusChange={setSort}
              selectedRecords={allMatching ? data.items : selected}
              onSelectedRecordsChange={(rows) => { setAllMatching(false); setSelected(rows); }}
              allRecordsSelectionCheckboxProps={{ 'aria-label': 'Select all on this page' }}
              getRecordSelectionCheckboxProps={(r) => ({ 'aria-label': `Select ${r.personName}` })}
              noRecordsText="No pending requests"
              columns={[
                { accessor: 'requestedAt', title: 'Requested', sortable: true, render: (r) => format.dateTime(r.requestedAt) },
                { accessor: 'personName', title: 'Person', render: (r) => (<Stack gap={0}><Text size="sm" fw={600}>{r.personName}</Text><Text size="xs" c="dimmed">{r.personEmail ?? ''}</Text></Stack>) },
                { accessor: 'workshopTitle', title: 'Workshop', render: (r) => (<Stack gap={0}><Text size="sm">{r.workshopTitle}</Text><Text size="xs" c="dimmed">{format.workshopTime(r.workshopStartsAt, null, r.workshopTimeZone)}</Text></Stack>) },
                { accessor: 'categoryName', title: 'Category' },
              ]}
            />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Paper withBorder p="md">
            <Title order={2} size="h5" mb="xs">
              Requests, waiting lists and free seats
            </Title>
            {data.workshops.length === 0 && <Text c="dimmed" size="sm">Nothing waiting.</Text>}
            <Stack gap="sm">
              {data.workshops.map((w) => (
                <Stack key={w.workshopId} gap={4}>
                  <Group justify="space-between" wrap="nowrap">
                    <Text size="sm" fw={600} lineClamp={1}>{w.title}</Text>
                    <Button variant="subtle" size="compact-xs" onClick={() => go('workshopRegistrations', { workshopId: w.workshopId })} aria-label={`Open registrations of ${w.title}`}>
                      Open
                    </Button>
                  </Group>
                  <Group gap={6}>
                    <Badge color={w.pending > w.seatsLeft ? 'orange' : 'teal'} variant="light">
                      {w.pending} request{w.pending === 1 ? '' : 's'} for {w.seatsLeft} seat{w.seatsLeft === 1 ? '' : 's'}
                    </Badge>
                    {w.waitlisted > 0 && <Badge color="grape" variant="light">{w.waitlisted} waiting</Badge>}
                  </Group>
                </Stack>
              ))}
            </Stack>
          </Paper>
        </Grid.Col>
      </Grid>
      <Modal
        opened={rejecting !== null}
        onClose={closeReject}
        returnFocus={!rejecting?.fromReport}
        title={`Reject ${rejecting?.count} request${rejecting?.count === 1 ? '' : 's'}`}>
        <Stack>
          <Textarea label="Reason (the people concerned will see it)" value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={reasonError} data-autofocus />
          <Group justify="flex-end">
            <Button variant="default" onClick={closeReject}>Cancel</Button>
            <BusyButton
              color="red"
              busy={busy}
              onClick={async () => {
                setBusy(true);
                if (!rejecting) return;
                const r = await registrationsApi.bulkReject(rejecting.selection, reason);
                if (!r.ok && r.error.fieldErrors?.reason) {
                  setBusy(false);
                  setReasonError(r.error.fieldErrors.reason.join(' '));
                  return;
                }
                setRejecting(null);
                await finish(handleResult(r));
              }}
            >
              Reject
            </BusyButton>
          </Group>
        </Stack>
      </Modal>
      <Modal opened={result !== null} onClose={closeReport} returnFocus={false} title="What happened" size="lg">
        {result && (
          <Stack>
            <Group>
              {(Object.keys(result.counts) as BulkOutcome[]).filter((k) => result.counts[k] > 0).map((k) => (
                <Badge key={k} color={OUTCOME_COLORS[k]} size="lg">{OUTCOME_LABELS[k]}: {result.counts[k]}</Badge>
              ))}
            </Group>
            {result.counts.full > 0 && (
              <FullRequestsOffer
                result={result}
                workshops={data.workshops}
                busy={busy}
                onReject={(ids) => {
                  setResult(null);
                  askReject({ ids }, ids.length, 'The workshop is full.', true);
                }}
                onWaitlist={async (ids, openWaitlist) => {
                  setBusy(true);
                  await finish(handleResult(await registrationsApi.bulkWaitlist(ids, openWaitlist)));
                }}
              />
            )}
            <Table striped>
              <Table.Tbody>
                {result.items.slice(0, 200).map((i) => (
                  <Table.Tr key={i.id}>
                    <Table.Td>{i.personName || '—'}</Table.Td>
                    <Table.Td>{i.workshopTitle}</Table.Td>
                    <Table.Td><Badge color={OUTCOME_COLORS[i.outcome]} variant="light">{OUTCOME_LABELS[i.outcome]}</Badge></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {result.items.length > 200 && <Text size="sm" c="dimmed">…and {result.items.length - 200} more.</Text>}
            <Button ref={done} onClick={() => { closeReport(); notifySuccess('Queue updated.'); }}>Done</Button>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
