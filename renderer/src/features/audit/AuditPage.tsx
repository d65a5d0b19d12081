import { Button, Code, Group, Stack, Text } from '@mantine/core';
import { PageTitle } from '../../app/PageTitle';
import { DataTable } from 'mantine-datatable';
import { useCallback, useEffect, useState } from 'react';
import type { AuditEntry } from '../../../../shared/audit';
import { handleResult } from '../../lib/notify';
import { auditApi } from './audit.api';
import { useFormat } from '../../app/format';

const PAGE = 50;

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
          { accessor: 'action', title: 'Action', render: (e) => <Code>{e.action}</Code> },
          { accessor: 'entityType', title: 'What', render: (e) => `${e.entityType}${e.entityId ? ` ${e.entityId.slice(0, 8)}` : ''}` },
        ]}
        rowExpansion={{
          content: ({ record }) => (
            <Group p="sm" align="flex-start" grow>
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
          ),
        }}
      />
      {more && (
        <Button variant="default" onClick={() => load(rows.at(-1)?.id)} loading={loading}>
          Show older entries
        </Button>
      )}
    </Stack>
  );
}
