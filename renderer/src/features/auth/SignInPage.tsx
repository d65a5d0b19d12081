import { Alert, Anchor, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { useState } from 'react';
import { signInInput } from '../../../../shared/auth';
import { handleResult } from '../../lib/notify';
import { authApi } from './auth.api';
import { AuthLayout } from './AuthLayout';
import { useSession } from './session.store';
import { BusyButton } from '../../app/BusyButton';

export function SignInPage({ onSignUp }: { onSignUp: () => void }) {
  const { notice, signInEmail, signedIn } = useSession();
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { email: signInEmail, password: '' },
    validate: schemaResolver(signInInput, { sync: true }),
  });

  const submit = form.onSubmit(async (values) => {
    setBusy(true);
    setFormError(null);
    const result = await authApi.signIn(values);
    setBusy(false);
    if (!result.ok && ['UNAUTHENTICATED', 'RATE_LIMITED', 'FORBIDDEN'].includes(result.error.code)) {
      // Shown in the form, where the eyes are, and announced to screen readers.
      setFormError(result.error.message);
      form.setFieldValue('password', '');
      return;
    }
    const session = handleResult(result, form);
    if (session) signedIn(session);
  });

  return (
    <AuthLayout title="Sign in">
      {notice && (
        <Alert color="yellow" title="You have been signed out">
          {notice}
        </Alert>
      )}
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label="Email" type="email" autoComplete="username" data-autofocus autoFocus {...form.getInputProps('email')} key={form.key('email')} />
          <PasswordInput label="Password" autoComplete="current-password" {...form.getInputProps('password')} key={form.key('password')} />
          {formError && (
            <Alert color="red" role="alert">
              {formError}
            </Alert>
          )}
          <BusyButton type="submit" busy={busy} size="md">
            Sign in
          </BusyButton>
        </Stack>
      </form>
      <Text size="sm">
        New here?{' '}
        <Anchor component="button" type="button" onClick={onSignUp}>
          Create an attendee account
        </Anchor>
      </Text>
    </AuthLayout>
  );
}
