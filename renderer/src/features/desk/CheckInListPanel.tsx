import { Alert, Button, Group, Kbd, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { CheckInRecord, DeskPerson } from '../../../../shared/desk';
import { BusyButton } from '../../app/BusyButton';
import { useFormat } from '../../app/format';
import { unwrap } from '../../lib/query';
import { useSession } from '../auth/session.store';
import { deskApi, deskKeys } from './desk.api';
import { useDeskPrefs } from './desk-prefs.store';
import { useTodaysSessions } from './SessionsPanel';

/** An administrator's reversal of a check-in, with the reason recorded beside it. */
function ReverseControl({ checkIn, name }: { checkIn: CheckInRecord; name: string }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!open) {
    return (
      <Button size="compact-sm" variant="default" onClick={() => setOpen(true)} aria-label={`Reverse check-in of ${name}…`}>
        Reverse…
      </Button>
    );
  }
  return (
    <form
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        const r = await deskApi.reverse({ checkInId: checkIn.id, reason });
        setBusy(false);
        if (!r.ok) setError(r.error.fieldErrors?.reason?.join(' ') ?? r.error.message);
      }}
    >
      <Group gap="xs" align="flex-end">
        <TextInput label={`Why reverse ${name}'s check-in?`} size="xs" value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={error} autoFocus />
        <BusyButton type="submit" size="compact-sm" busy={busy} color="red">
          Reverse
        </BusyButton>
        <Button size="compact-sm" variant="default" onClick={() => setOpen(false)}>
          Keep
        </Button>
      </Group>
    </form>
  );
}

/** Who is in (when, where, by whom) and who is not yet — after the end, the no-shows. */
export function CheckInListPanel({ onClose }: { onClose: () => void }) {
  const fmt = useFormat();
  const sessions = useTodaysSessions().data ?? [];
  const deskWorkshop = useDeskPrefs((s) => s.workshopId);
  const isAdmin = useSession((s) => s.session?.user.role === 'admin');
  const [workshopId, setWorkshopId] = useState<string | null>(deskWorkshop ?? sessions[0]?.workshop.id ?? null);
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 250);
  const list = useQuery({
    queryKey: deskKeys.checkIns(workshopId ?? '', debounced),
    queryFn: () => unwrap(deskApi.checkIns({ workshopId: workshopId!, q: debounced || undefined })),
    enabled: Boolean(workshopId),
    placeholderData: keepPreviousData,
  });
  const data = list.data;
  const notYetLabel = data?.ended ? 'No-shows' : 'Not yet';
  const tz = data?.workshop.timeZone;
  const contact = (p: DeskPerson) => [p.email, p.phone].filter(Boolean).join(' · ');

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="desk-list-title">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h3" id="desk-list-title">
            Check-in list
          </Title>
          <Button variant="default" onClick={onClose} rightSection={<Kbd>Esc</Kbd>}>
            Close
          </Button>
        </Group>
        <Group grow align="flex-end">
          <Select label="Workshop" allowDeselect={false} value={workshopId} onChange={setWorkshopId} data={sessions.map((s) => ({ value: s.workshop.id, label: s.workshop.title }))} />
          <TextInput label="Find in the list" value={q} onChange={(e) => setQ(e.currentTarget.value)} autoFocus />
        </Group>
        {list.isError && <Alert color="red">{list.error.message}</Alert>}
        {data && (
          <>
            <Text fw={700} data-testid="checkin-list-counts">
              {data.in.length} in · {data.notYet.length} {notYetLabel.toLowerCase()}
            </Text>
            <Title order={3} size="h4">
              In ({data.in.length})
            </Title>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Time</Table.Th>
                  <Table.Th>Station</Table.Th>
                  <Table.Th>By</Table.Th>
                  {isAdmin && <Table.Th>Admin</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.in.map(({ person, checkIn }) => (
                  <Table.Tr key={person.registrationId}>
                    <Table.Td>{person.name}</Table.Td>
                    <Table.Td>{fmt.time(checkIn.at, tz)}</Table.Td>
                    <Table.Td>{checkIn.station}</Table.Td>
                    <Table.Td>{checkIn.byName ?? (checkIn.surface === 'kiosk' ? 'Kiosk' : '')}</Table.Td>
                    {isAdmin && (
                      <Table.Td>
                        <ReverseControl checkIn={checkIn} name={person.name} />
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Title order={3} size="h4">
              {notYetLabel} ({data.notYet.length})
            </Title>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Contact</Table.Th>
                  <Table.Th>Payment</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.notYet.map((p) => (
                  <Table.Tr key={p.registrationId}>
                    <Table.Td>{p.name}</Table.Td>
                    <Table.Td>{contact(p)}</Table.Td>
                    <Table.Td>{p.paymentStatus === 'unpaid' ? `${fmt.price(p.amountDueMinor - p.paidMinor, p.currency)} to pay` : p.paymentStatus === 'paid' ? 'Paid' : '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        )}
      </Stack>
    </Paper>
  );
}
