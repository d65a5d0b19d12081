import { Alert, Button, Group, PasswordInput, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { firstNameOf, type KioskRegistration } from '../../../../shared/kiosk';
import { ApiError, unwrap } from '../../lib/query';
import { kioskApi } from './kiosk.api';
import { useKiosk } from './kiosk.store';
import { KioskTitle } from './KioskTitle';

const big = { label: { fontSize: 24 }, input: { fontSize: 26 }, error: { fontSize: 20 } };
const fieldError = (e: unknown, key: string) => (e instanceof ApiError ? e.error.fieldErrors?.[key]?.[0] : undefined);

/** Register as a guest (name, email, optional phone) or sign in to an existing account. */
export function RegisterScreen({ workshopId }: { workshopId: string }) {
  const show = useKiosk((s) => s.show);
  const signedInAs = useKiosk((s) => s.signedInAs);
  const w = useQuery({ queryKey: ['kiosk-workshop', workshopId], queryFn: () => unwrap(kioskApi.workshop(workshopId)) });
  const [how, setHow] = useState<'guest' | 'account'>('guest');
  const [guest, setGuest] = useState({ name: '', email: '', phone: '' });
  const [account, setAccount] = useState({ email: '', password: '' });

  const done = (r: KioskRegistration) => {
    useKiosk.setState({ registrationResult: r });
    show({ name: 'registrationResult' }, { replace: true });
  };
  const register = useMutation({
    mutationFn: () => unwrap(kioskApi.register(signedInAs ? { workshopId } : { workshopId, guest })),
    onSuccess: done,
  });
  const signIn = useMutation({
    mutationFn: () => unwrap(kioskApi.signIn(account.email, account.password)),
    onSuccess: (s) => {
      setAccount({ email: '', password: '' });
      useKiosk.setState({ signedInAs: firstNameOf(s.user.name) });
    },
  });

  return (
    <Stack gap="xl">
      <KioskTitle>{w.data ? `Register for ${w.data.title}` : 'Register'}</KioskTitle>
      {signedInAs ? (
        <Stack gap="lg">
          <Text fz={26}>You are signed in as {signedInAs}. The registration goes to your account.</Text>
          <Button size="xl" loading={register.isPending} onClick={() => register.mutate()}>
            Register as {signedInAs}
          </Button>
        </Stack>
      ) : (
        <>
          <SegmentedControl
            size="xl"
            fullWidth
            value={how}
            onChange={(v) => setHow(v as 'guest' | 'account')}
            data={[
              { value: 'guest', label: 'As a guest' },
              { value: 'account', label: 'Sign in to my account' },
            ]}
            aria-label="How to register"
          />
          {how === 'guest' ? (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                register.mutate();
              }}
            >
              <Stack gap="lg">
                <TextInput size="xl" styles={big} label="Your name" autoComplete="off" value={guest.name} onChange={(e) => setGuest({ ...guest, name: e.currentTarget.value })} error={fieldError(register.error, 'guest.name')} />
                <TextInput size="xl" styles={big} label="Email" type="email" autoComplete="off" value={guest.email} onChange={(e) => setGuest({ ...guest, email: e.currentTarget.value })} error={fieldError(register.error, 'guest.email')} />
                <TextInput size="xl" styles={big} label="Phone (optional)" type="tel" autoComplete="off" value={guest.phone} onChange={(e) => setGuest({ ...guest, phone: e.currentTarget.value })} error={fieldError(register.error, 'guest.phone')} />
                <Button size="xl" type="submit" loading={register.isPending}>
                  Register
                </Button>
              </Stack>
            </form>
          ) : (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                signIn.mutate();
              }}
            >
              <Stack gap="lg">
                <TextInput size="xl" styles={big} label="Email" type="email" autoComplete="off" value={account.email} onChange={(e) => setAccount({ ...account, email: e.currentTarget.value })} error={fieldError(signIn.error, 'email')} />
                <PasswordInput size="xl" styles={big} label="Password" autoComplete="off" value={account.password} onChange={(e) => setAccount({ ...account, password: e.currentTarget.value })} error={fieldError(signIn.error, 'password')} />
                <Button size="xl" type="submit" loading={signIn.isPending}>
                  Sign in
                </Button>
                {signIn.isError && !fieldError(signIn.error, 'email') && !fieldError(signIn.error, 'password') && (
                  <Alert color="red" title="Not signed in">
                    <Text fz={22}>{signIn.error.message}</Text>
                  </Alert>
                )}
              </Stack>
            </form>
          )}
        </>
      )}
      {register.isError && !fieldError(register.error, 'guest.name') && !fieldError(register.error, 'guest.email') && (
        <Alert color="red" title="Not registered">
          <Text fz={22}>{register.error.message}</Text>
        </Alert>
      )}
      <Group>
        <Button size="xl" variant="default" onClick={() => history.back()}>
          Back
        </Button>
      </Group>
    </Stack>
  );
}
