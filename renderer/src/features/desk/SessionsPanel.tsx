import { Alert, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { DeskSession } from '../../../../shared/desk';
import { useFormat } from '../../app/format';
import { unwrap } from '../../lib/query';
import { deskApi, deskKeys } from './desk.api';
import { useDeskPrefs } from './desk-prefs.store';
import { focusScanField } from './desk.store';

/** Today's sessions, read again whenever any station changes one (react-query + the live event). */
export function useTodaysSessions() {
  return useQuery({ queryKey: deskKeys.today, queryFn: () => unwrap(deskApi.today()) });
}

function Count({ label, value }: { label: string; value: string | number }) {
  return (
    <Stack gap={0}>
      <Text fz="xl" fw={700}>
        {value}
      </Text>
      <Text size="xs">{label}</Text>
    </Stack>
  );
}

function SessionCard({ s, chosen }: { s: DeskSession; chosen: boolean }) {
  const fmt = useFormat();
  return (
    <Paper withBorder p="sm" component="section" aria-label={`Session ${s.workshop.title}`} style={chosen ? { borderColor: 'var(--mantine-primary-color-filled)', borderWidth: 2 } : undefined}>
      <Text fw={700}>{s.workshop.title}</Text>
      <Text size="sm">{fmt.workshopTime(s.workshop.startsAt, s.workshop.endsAt, s.workshop.timeZone)}</Text>
      {s.workshop.status === 'cancelled' && <Text size="sm" fw={700}>Cancelled</Text>}
      <Group mt={4} gap="md" wrap="nowrap" data-testid="session-counts">
        <Count label="in / confirmed" value={`${s.checkedIn} / ${s.confirmed}`} />
        <Count label="pending" value={s.pending} />
        <Count label="waiting" value={s.waitlisted} />
        <Count label="unpaid" value={s.unpaid} />
      </Group>
    </Paper>
  );
}

/** Which workshop this desk is set to (a ticket for another one is never checked in silently). */
export function SessionsPanel() {
  const today = useTodaysSessions();
  const { workshopId, set } = useDeskPrefs();
  const sessions = today.data ?? [];
  const shown = workshopId ? sessions.filter((s) => s.workshop.id === workshopId) : sessions;
  return (
    <Stack gap="sm" component="section" aria-labelledby="desk-sessions-title">
      <Title order={2} size="h4" id="desk-sessions-title">
        Today's sessions
      </Title>
      <Select
        label="This desk checks in for"
        value={workshopId ?? ''}
        allowDeselect={false}
        onChange={(v) => {
          set({ workshopId: v || null });
          // The desk is set: the next scan goes to the field, not to this list.
          setTimeout(focusScanField, 0);
        }}
        data={[{ value: '', label: "All of today's workshops" }, ...sessions.map((s) => ({ value: s.workshop.id, label: s.workshop.title }))]}
      />
      {today.isPending && <Text>Loading today's sessions…</Text>}
      {today.isError && <Alert color="red">{today.error.message}</Alert>}
      {today.isSuccess && sessions.length === 0 && <Text>No workshops today. Search all workshops to find someone.</Text>}
      {shown.map((s) => (
        <SessionCard key={s.workshop.id} s={s} chosen={s.workshop.id === workshopId} />
      ))}
    </Stack>
  );
}
