import { Button, Code, Group, Stack, Text } from '@mantine/core';
import { PageTitle } from '../../app/PageTitle';
import { DataTable } from 'mantine-datatable';
import { useCallback, useEffect, useState } from 'react';
import { actionInWords, type AuditEntry } from '../../../../shared/audit';
import { handleResult } from '../../lib/notify';
import { auditApi } from './audit.api';
import { useFormat } from '../../app/format';
import { BusyButton } from '../../app/BusyButton';

const PAGE = 50;
const ENTITY_LABELS: Record<string, string> = { workshop: 'Workshop', registration: 'Registration', user: 'Account', account: 'Sign-in', category: 'Category', tag: 'Tag', station: 'This station' };

export function AuditPage() {
  const format = useFormat();
  const [rows, setRows] = useState<AuditEntry[]>([]);
  const [loading, setLoading] = useState(true);
  const [more, setMore] = useState(false);

  const load = useCallback(async (beforeId?: string) => {
    setLoading(true);
    const r = handleResult(await auditApi.list({ limit: PAGE, beforeId }));
    setLoading(false);
    if (!r) return;
    setRows((prev) => (beforeId ? [...prev, ...r] : r));
    setMore(r.length === PAGE);
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <Stack>
      <Group justify="space-between">
        <PageTitle>Audit log</PageTitle>
        <Button variant="default" onClick={() => load()}>
          Refresh
        </Button>
      </Group>
      <Text c="dimmed" size="sm">
        Every change, who made it, from which station. Entries can never be edited or deleted.
      </Text>
      <DataTable
        withTableBorder
        striped
        minHeight={200}
        fetching={loading}
        records={rows}
        idAccessor="id"
        noRecordsText="Nothing recorded yet"
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
      {more && (
        <BusyButton variant="default" onClick={() => load(rows.at(-1)?.id)} busy={loading}>
          Show older entries
        </BusyButton>
      )}
    </Stack>
  );
}
