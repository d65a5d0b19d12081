import { Alert, Button, Group, List, Paper, Stack, Text } from '@mantine/core';
import { PageTitle } from '../../app/PageTitle';
import { useQuery } from '@tanstack/react-query';
import { RegisterPanel } from '../registrations/RegisterPanel';
import type { WorkshopDetail } from '../../../../shared/workshops';
import { BackLink } from '../../app/BackLink';
import { canUse, useNav } from '../../app/navigation';
import { ApiError, queryClient, unwrap } from '../../lib/query';
import { useSession } from '../auth/session.store';
import { whatRegisteringMeans } from './registrationExplainer';
import { WorkshopBadges } from './WorkshopBadges';
import { workshopsApi } from './workshops.api';
import { useFormat } from '../../app/format';
import { PageLoading } from '../../app/PageLoading';

export function WorkshopDetailPage() {
  const { workshopId, backTo, go } = useNav();
  const role = useSession((s) => s.session?.user.role);
  const format = useFormat();
  // Under the workshop's key, which a change of its registrations at any station marks stale.
  const detail = useQuery({ queryKey: ['workshop', workshopId ?? '', 'detail'], queryFn: () => unwrap(workshopsApi.get(workshopId ?? '')), enabled: Boolean(workshopId) });
  const w: WorkshopDetail | null = detail.data ?? null;
  const missing = detail.error instanceof ApiError && detail.error.error.code === 'NOT_FOUND';
  const load = () => void queryClient.invalidateQueries({ queryKey: ['workshop', workshopId ?? ''] });

  const back = <BackLink label={`Back to ${{ workshops: 'workshop management', bookings: 'my registrations' }[backTo as string] ?? 'results'}`} onClick={() => go(backTo)} />;
  if (missing) return <Stack>{back}<Alert color="gray">This workshop does not exist or is no longer published.</Alert></Stack>;
  if (detail.error) return <Stack>{back}<Alert color="red" title="This workshop could not be shown">{detail.error.message}</Alert></Stack>;
  if (!w) return <PageLoading label="Loading workshop" />;

  return (
    <Stack maw={860}>
      {back}
      <Stack gap={4}>
        <Text c="dimmed" size="sm">
          {w.categoryName}
          {w.tags.length ? ` · ${w.tags.join(', ')}` : ''}
        </Text>
        <PageTitle>{w.title}</PageTitle>
        {w.summary && <Text size="lg">{w.summary}</Text>}
      </Stack>
      <WorkshopBadges w={w} showStatus />
      {w.status === 'cancelled' && (
        <Alert color="red" title="Cancelled">
          {w.cancelReason}
        </Alert>
      )}
      <Paper withBorder p="md">
        <Stack gap={6}>
          <Text>
            <b>When:</b> {format.workshopTime(w.startsAt, w.endsAt, w.timeZone)}
          </Text>
          <Text>
            <b>Where:</b> {w.venue}, {w.address ? `${w.address}, ` : ''}
            {w.city}
          </Text>
          {w.instructor && (
            <Text>
              <b>Instructor:</b> {w.instructor}
            </Text>
          )}
        </Stack>
      </Paper>
      {w.status === 'published' && (
        <Paper withBorder p="md" bg="gray.0">
          <Text fw={600} mb={4}>
            What registering means
          </Text>
          <List size="sm" spacing={4}>
            {whatRegisteringMeans(w, format).map((line) => (
              <List.Item key={line}>{line}</List.Item>
            ))}
          </List>
        </Paper>
      )}
      <RegisterPanel w={w} onChanged={load} />
      {w.description && <Text style={{ whiteSpace: 'pre-wrap' }}>{w.description}</Text>}
      {role && canUse(role, 'registrations:forWorkshop') && (
        <Group>
          <Button variant="default" onClick={() => go('workshopRegistrations', { workshopId: w.id })}>
            Registrations
          </Button>
          {canUse(role, 'workshops:update') && (
            <Button variant="default" onClick={() => go('workshopEditor', { workshopId: w.id })}>
              Edit workshop
            </Button>
          )}
        </Group>
      )}
    </Stack>
  );
}
