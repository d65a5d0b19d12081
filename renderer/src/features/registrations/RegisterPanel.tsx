import { Button, Group, List, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Registration } from '../../../../shared/registrations';
import type { WorkshopDetail } from '../../../../shared/workshops';
import { handleResult, notifySuccess } from '../../lib/notify';
import { whatRegisteringMeans } from '../workshops/registrationExplainer';
import { RegistrationState } from './RegistrationState';
import { registrationsApi } from './registrations.api';
import { useFormat } from '../../app/format';
import { BusyButton } from '../../app/BusyButton';

const ACTIVE = ['pending', 'confirmed', 'waitlisted'];

/** On a workshop page: register (after a clear summary), or see and cancel your registration. */
export function RegisterPanel({ w, onChanged }: { w: WorkshopDetail; onChanged: () => void }) {
  const format = useFormat();
  const [mine, setMine] = useState<Registration | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [busy, setBusy] = useState(false);
  // Registering or cancelling replaces the button that was pressed: the focus goes to this panel's
  // heading, so a keyboard user hears the new state and goes on from there.
  const heading = useRef<HTMLHeadingElement>(null);

  const load = useCallback(async () => {
    const all = handleResult(await registrationsApi.mine()) ?? [];
    const forThis = all.filter((r) => r.workshopId === w.id);
    setMine(forThis.find((r) => ACTIVE.includes(r.status)) ?? forThis.at(-1) ?? null);
    setLoaded(true);
  }, [w.id]);
  useEffect(() => {
    void load();
  }, [load]);

  const upcoming = new Date(w.startsAt) > new Date();
  const active = mine && ACTIVE.includes(mine.status);
  const full = w.seatsLeft === 0;
  const action = w.registrationMode === 'manual' ? 'Request a place' : full ? (w.waitlistEnabled ? 'Join the waiting list' : null) : 'Register';

  const doRegister = async () => {
    setBusy(true);
    const r = handleResult(await registrationsApi.register(w.id));
    setBusy(false);
    setConfirming(false);
    if (r) {
      notifySuccess(r.status === 'confirmed' ? 'You are confirmed. Your ticket is below.' : r.status === 'pending' ? 'Request sent.' : 'You are on the waiting list.');
      setMine(r);
      heading.current?.focus();
      onChanged();
    }
  };
  const doCancel = async () => {
    if (!mine) return;
    setBusy(true);
    const r = handleResult(await registrationsApi.cancel(mine.id));
    setBusy(false);
    setCancelling(false);
    if (r) {
      notifySuccess('Your registration is cancelled.');
      setMine(r);
      heading.current?.focus();
      onChanged();
    }
  };

  if (!loaded || w.status !== 'published') return null;
  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={2} size="h4" ref={heading} tabIndex={-1}>
          Your registration
        </Title>
        {mine && <RegistrationState r={mine} />}
        {active && upcoming && (
          <Group>
            <Button variant="light" color="red" onClick={() => setCancelling(true)}>
              Cancel my registration…
            </Button>
          </Group>
        )}
        {!active && upcoming && action && (
          <Group>
            <Button size="md" onClick={() => setConfirming(true)}>
              {action}
            </Button>
          </Group>
        )}
        {!active && upcoming && !action && <Text>This workshop is full and has no waiting list.</Text>}
        {!upcoming && !mine && <Text c="dimmed">This workshop has started: registration is closed.</Text>}
      </Stack>
      <Modal opened={confirming} onClose={() => setConfirming(false)} returnFocus={!mine || !ACTIVE.includes(mine.status)} title={`${action}: ${w.title}`}>
        <Stack>
          <List size="sm" spacing={6}>
            {whatRegisteringMeans(w, format).map((line) => (
              <List.Item key={line}>{line}</List.Item>
            ))}
          </List>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              Not now
            </Button>
            <BusyButton onClick={doRegister} busy={busy} data-autofocus>
              {action}
            </BusyButton>
          </Group>
        </Stack>
      </Modal>
      <Modal opened={cancelling} onClose={() => setCancelling(false)} returnFocus={!!mine && ACTIVE.includes(mine.status)} title="Cancel your registration?">
        <Stack>
          <Text size="sm">{mine?.status === 'confirmed' ? 'Your seat will go to the next person. ' : ''}This cannot be undone; registering again puts you at the back of any queue.</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setCancelling(false)}>
              Keep it
            </Button>
            <BusyButton color="red" onClick={doCancel} busy={busy}>
              Cancel registration
            </BusyButton>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
