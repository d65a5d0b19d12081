import { Alert, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import type { SignedInSession } from '../../../../shared/auth';
import { handleResult, notifySuccess } from '../../lib/notify';
import { authApi } from './auth.api';

const when = (iso: string) => new Date(iso).toLocaleString();

/** Where this account is signed in right now, with a way to end every session but this one. */
export function SignedInStations({ reloadKey = 0 }: { reloadKey?: number }) {
  const [sessions, setSessions] = useState<SignedInSession[] | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    const r = handleResult(await authApi.sessions());
    if (r) setSessions(r);
  }, []);

  useEffect(() => {
    void load();
  }, [load, reloadKey]);

  const signOutOthers = async () => {
    setBusy(true);
    const r = handleResult(await authApi.signOutOthers());
    setBusy(false);
    if (!r) return;
    notifySuccess(r.ended === 1 ? 'Signed out 1 other session.' : `Signed out ${r.ended} other sessions.`);
    await load();
  };

  if (!sessions) return <Text c="dimmed">Loading where you are signed in…</Text>;
  const others = sessions.filter((s) => !s.current).length;
  return (
    <Stack gap="sm">
      <Table striped withTableBorder aria-label="Signed-in stations">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Station</Table.Th>
            <Table.Th>Signed in since</Table.Th>
            <Table.Th>Last active</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sessions.map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td>
                <Group gap="xs">
                  <span>{s.station ?? 'Unknown station'}</span>
                  {s.surface === 'kiosk' && <Badge variant="light">Kiosk</Badge>}
                  {s.current && <Badge color="teal">This window</Badge>}
                </Group>
              </Table.Td>
              <Table.Td>{when(s.since)}</Table.Td>
              <Table.Td>{when(s.lastActive)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {others === 0 ? (
        <Text size="sm" c="dimmed">
          You are not signed in anywhere else.
        </Text>
      ) : (
        <Alert color="yellow" variant="light">
          <Group justify="space-between">
            <Text size="sm">Don't recognise one of these? Sign out everywhere else, then change your password.</Text>
            <Button color="red" variant="light" loading={busy} onClick={signOutOthers}>
              Sign out everywhere else
            </Button>
          </Group>
        </Alert>
      )}
    </Stack>
  );
}
