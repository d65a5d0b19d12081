import { Alert, Button, Group, PasswordInput, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, unwrap } from '../../lib/query';
import { queryClient } from '../../lib/query';
import { kioskApi } from './kiosk.api';
import { useKiosk } from './kiosk.store';
import { KioskTitle } from './KioskTitle';

const big = { label: { fontSize: 24 }, input: { fontSize: 26 }, error: { fontSize: 20 } };

/** Leaving kiosk mode: the staff PIN an admin set in the station's settings, or an administrator's sign-in. */
export function StaffScreen({ pinSet }: { pinSet: boolean }) {
  const show = useKiosk((s) => s.show);
  const [how, setHow] = useState<'pin' | 'admin'>(pinSet ? 'pin' : 'admin');
  const [pin, setPin] = useState('');
  const [admin, setAdmin] = useState({ email: '', password: '' });
  const exit = useMutation({
    mutationFn: () => unwrap(kioskApi.exit(how === 'pin' ? { pin } : admin)),
    onSuccess: () => {
      queryClient.clear();
      useKiosk.getState().clearVisit();
      useKiosk.getState().show({ name: 'closed' }, { replace: true });
    },
    onError: () => setPin(''),
  });
  const pinError = exit.error instanceof ApiError ? exit.error.error.fieldErrors?.pin?.[0] : undefined;
  return (
    <Stack gap="xl">
      <KioskTitle>Close the kiosk</KioskTitle>
      <Text fz={24}>For staff only.</Text>
      {pinSet && (
        <SegmentedControl
          size="xl"
          fullWidth
          value={how}
          onChange={(v) => setHow(v as 'pin' | 'admin')}
          data={[
            { value: 'pin', label: 'Staff PIN' },
            { value: 'admin', label: 'Administrator sign-in' },
          ]}
          aria-label="How to close the kiosk"
        />
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          exit.mutate();
        }}
      >
        <Stack gap="lg">
          {how === 'pin' ? (
            <PasswordInput size="xl" styles={big} label="Staff PIN" inputMode="numeric" autoComplete="off" value={pin} onChange={(e) => setPin(e.currentTarget.value)} error={pinError} autoFocus />
          ) : (
            <>
              <TextInput size="xl" styles={big} label="Administrator email" type="email" autoComplete="off" value={admin.email} onChange={(e) => setAdmin({ ...admin, email: e.currentTarget.value })} />
              <PasswordInput size="xl" styles={big} label="Password" autoComplete="off" value={admin.password} onChange={(e) => setAdmin({ ...admin, password: e.currentTarget.value })} />
            </>
          )}
          <Button size="xl" type="submit" loading={exit.isPending}>
            Close the kiosk
          </Button>
        </Stack>
      </form>
      {exit.isError && !pinError && (
        <Alert color="red" title="The kiosk stays open">
          <Text fz={22}>{exit.error.message}</Text>
        </Alert>
      )}
      <Group>
        <Button size="xl" variant="default" onClick={() => show({ name: 'start' }, { replace: true })}>
          Cancel
        </Button>
      </Group>
    </Stack>
  );
}
