import { Alert, Anchor, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { useState } from 'react';
import { signUpInput } from '../../../../shared/auth';
import { handleResult } from '../../lib/notify';
import { authApi } from './auth.api';
import { AuthLayout, PASSWORD_HINT } from './AuthLayout';
import { useSession } from './session.store';
import { BusyButton } from '../../app/BusyButton';

export function SignUpPage({ onSignIn }: { onSignIn: () => void }) {
  const signedIn = useSession((s) => s.signedIn);
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { name: '', email: '', password: '' },
    validate: schemaResolver(signUpInput, { sync: true }),
  });

  const submit = form.onSubmit(async (values) => {
    setBusy(true);
    setFormError(null);
    const result = await authApi.signUp(values);
    setBusy(false);
    // A refusal that names no field (the neutral one, or the station's limit) belongs in the form,
    // next to the way to sign in instead.
    if (!result.ok && (result.error.code === 'CONFLICT' || result.error.code === 'RATE_LIMITED')) {
      setFormError(result.error.message);
      return;
    }
    const session = handleResult(result, form);
    if (session) signedIn(session);
  });

  return (
    <AuthLayout title="Create your account" subtitle="Book workshops and keep your tickets in one place.">
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label="Full name" autoComplete="name" autoFocus {...form.getInputProps('name')} key={form.key('name')} />
          <TextInput label="Email" type="email" autoComplete="email" {...form.getInputProps('email')} key={form.key('email')} />
          <PasswordInput label="Password" description={PASSWORD_HINT} autoComplete="new-password" {...form.getInputProps('password')} key={form.key('password')} />
          {formError && (
            <Alert color="yellow" role="alert">
              <Stack gap={4} align="flex-start">
                <Text size="sm">{formError}</Text>
                <Anchor component="button" type="button" size="sm" onClick={onSignIn}>
                  Go to sign in
                </Anchor>
              </Stack>
            </Alert>
          )}
          <BusyButton type="submit" busy={busy} size="md">
            Create account
          </BusyButton>
        </Stack>
      </form>
      <Text size="sm">
        Already have an account?{' '}
        <Anchor component="button" type="button" onClick={onSignIn}>
          Sign in
        </Anchor>
      </Text>
    </AuthLayout>
  );
}
