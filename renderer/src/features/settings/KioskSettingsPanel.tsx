import { Alert, Button, Group, NumberInput, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { kioskPinSchema, type KioskSettings } from '../../../../shared/kiosk';
import { notifyError, notifySuccess } from '../../lib/notify';
import { unwrap } from '../../lib/query';
import { settingsApi } from './settings.api';

/** The self-service kiosk of this station: the staff PIN that closes it (stored hashed) and its reset timers. */
export function KioskSettingsPanel() {
  const client = useQueryClient();
  const settings = useQuery({ queryKey: ['kiosk-settings'], queryFn: () => unwrap(settingsApi.kiosk()) });
  if (!settings.data) return null;
  return <KioskSettingsForm current={settings.data} onSaved={(s) => client.setQueryData(['kiosk-settings'], s)} />;
}

function KioskSettingsForm({ current, onSaved }: { current: KioskSettings; onSaved(s: KioskSettings): void }) {
  const [pin, setPin] = useState('');
  const [resultReset, setResultReset] = useState<number | string>(current.resultResetSeconds);
  const [idleReset, setIdleReset] = useState<number | string>(current.idleResetSeconds);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const pinProblem = pin ? kioskPinSchema.safeParse(pin).error?.issues[0]?.message : undefined;

  const save = async (change: { pin?: string | null }) => {
    setBusy(true);
    const r = await settingsApi.updateKiosk({ ...change, resultResetSeconds: Number(resultReset), idleResetSeconds: Number(idleReset) });
    setBusy(false);
    if (!r.ok) {
      setErrors(Object.fromEntries(Object.entries(r.error.fieldErrors ?? {}).map(([k, v]) => [k, v[0]])));
      notifyError(r.error);
      return;
    }
    setErrors({});
    setPin('');
    onSaved(r.data);
    notifySuccess(change.pin === undefined ? 'Kiosk timers saved.' : change.pin === null ? 'Kiosk PIN removed.' : 'Kiosk PIN saved.');
  };

  return (
    <Stack component="section" aria-labelledby="kiosk-settings-title">
      <Title order={2} size="h3" id="kiosk-settings-title">
        Self-service kiosk
      </Title>
      <Text size="sm">
        Open it with <em>Window → Open self-service kiosk</em> or start the app with <code>--kiosk</code>. Staff close it with the PIN below, or an administrator with their
        sign-in.
      </Text>
      <Alert color={current.pinSet ? 'teal' : 'gray'}>{current.pinSet ? 'A staff PIN is set.' : 'No staff PIN is set: only an administrator\'s sign-in closes the kiosk.'}</Alert>
      <Group align="flex-end">
        <PasswordInput label={current.pinSet ? 'New staff PIN' : 'Staff PIN'} description="4 to 12 digits" inputMode="numeric" autoComplete="new-password" value={pin} onChange={(e) => setPin(e.currentTarget.value)} error={pinProblem ?? errors.pin} w={240} />
        <Button disabled={!pin || Boolean(pinProblem)} loading={busy} onClick={() => void save({ pin })}>
          Save PIN
        </Button>
        {current.pinSet && (
          <Button variant="default" loading={busy} onClick={() => void save({ pin: null })}>
            Remove PIN
          </Button>
        )}
      </Group>
      <Group align="flex-end">
        <NumberInput label="Reset after a result (seconds)" min={3} max={120} value={resultReset} onChange={setResultReset} error={errors.resultResetSeconds} w={260} />
        <NumberInput label="Reset when nobody is there (seconds)" min={20} max={900} value={idleReset} onChange={setIdleReset} error={errors.idleResetSeconds} w={300} />
        <Button variant="default" loading={busy} onClick={() => void save({})}>
          Save timers
        </Button>
      </Group>
    </Stack>
  );
}
