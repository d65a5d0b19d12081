import { Alert, Anchor, Button, Card, Group, Modal, SegmentedControl, Stack, Text } from '@mantine/core';
import { PageTitle } from '../../app/PageTitle';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Registration } from '../../../../shared/registrations';
import { useNav } from '../../app/navigation';
import { handleResult, notifySuccess } from '../../lib/notify';
import { queryClient, unwrap } from '../../lib/query';
import { RegistrationState } from '../registrations/RegistrationState';
import { registrationsApi } from '../registrations/registrations.api';
import { useFormat } from '../../app/format';

const ACTIVE = ['pending', 'confirmed', 'waitlisted'];

/** "My registrations": upcoming and past, each with its state, payment and ticket. */
export function MyRegistrationsPage() {
  const go = useNav((s) => s.go);
  const format = useFormat();
  const [when, setWhen] = useState<'upcoming' | 'past'>('upcoming');
  const [cancelling, setCancelling] = useState<Registration | null>(null);

  const mine = useQuery({ queryKey: ['myRegistrations'], queryFn: () => unwrap(registrationsApi.mine()) });
  const rows: Registration[] | null = mine.data ?? null;
  const load = () => queryClient.invalidateQueries({ queryKey: ['myRegistrations'] });

  const now = Date.now();
  const shown = (rows ?? []).filter((r) => (when === 'upcoming' ? new Date(r.workshopEndsAt).getTime() >= now : new Date(r.workshopEndsAt).getTime() < now));
  if (when === 'past') shown.reverse();

  return (
    <Stack maw={860}>
      <Group justify="space-between">
        <PageTitle>My registrations</PageTitle>
        <SegmentedControl
          aria-label="Which registrations"
          value={when}
          onChange={(v) => setWhen(v as 'upcoming' | 'past')}
          data={[
            { value: 'upcoming', label: 'Upcoming' },
            { value: 'past', label: 'Past' },
          ]}
        />
      </Group>
      {mine.isError && <Alert color="red" title="Your registrations could not be shown">{mine.error.message}</Alert>}
      {rows && shown.length === 0 && (
        <Alert color="gray">
          {when === 'upcoming' ? 'No upcoming registrations. ' : 'Nothing in the past yet.'}
          {when === 'upcoming' && (
            <Anchor component="button" onClick={() => go('catalogue')}>
              Browse workshops
            </Anchor>
          )}
        </Alert>
      )}
      {shown.map((r) => (
        <Card key={r.id} withBorder padding="lg" aria-label={`Registration for ${r.workshopTitle}`}>
          <Stack gap="sm">
            <Group justify="space-between" align="flex-start">
              <Stack gap={2}>
                <Anchor component="button" fw={700} size="lg" onClick={() => go('workshop', { workshopId: r.workshopId })} style={{ textAlign: 'left' }}>
                  {r.workshopTitle}
                </Anchor>
                <Text size="sm">{format.workshopTime(r.workshopStartsAt, r.workshopEndsAt, r.workshopTimeZone)}</Text>
                <Text size="sm" c="dimmed">
                  {r.workshopCity} · {r.workshopVenue}
                </Text>
              </Stack>
              {ACTIVE.includes(r.status) && when === 'upcoming' && (
                <Button variant="subtle" color="red" onClick={() => setCancelling(r)}>
                  Cancel…
                </Button>
              )}
            </Group>
            <RegistrationState r={r} />
          </Stack>
        </Card>
      ))}
      <Modal opened={cancelling !== null} onClose={() => setCancelling(null)} title="Cancel this registration?">
        <Stack>
          <Text size="sm">
            {cancelling?.workshopTitle}: {cancelling?.status === 'confirmed' ? 'your seat will go to the next person.' : 'you leave the queue.'} This cannot be undone.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setCancelling(null)}>
              Keep it
            </Button>
            <Button
              color="red"
              onClick={async () => {
                if (!cancelling) return;
                const r = handleResult(await registrationsApi.cancel(cancelling.id));
                setCancelling(null);
                if (r) {
                  notifySuccess('Registration cancelled.');
                  await load();
                }
              }}
            >
              Cancel registration
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
