import { PasswordInput, Stack } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { useState } from 'react';
import { changePasswordInput } from '../../../../shared/auth';
import { handleResult, notifySuccess } from '../../lib/notify';
import { authApi } from './auth.api';
import { PASSWORD_HINT } from './AuthLayout';
import { useSession } from './session.store';
import { BusyButton } from '../../app/BusyButton';

export function ChangePasswordForm({ autoFocus = false, onChanged }: { autoFocus?: boolean; onChanged?: () => void }) {
  const signedIn = useSession((s) => s.signedIn);
  const [busy, setBusy] = useState(false);
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { currentPassword: '', newPassword: '' },
    validate: schemaResolver(changePasswordInput, { sync: true }),
  });

  const submit = form.onSubmit(async (values) => {
    setBusy(true);
    const session = handleResult(await authApi.changePassword(values), form);
    setBusy(false);
    if (session) {
      form.reset();
      notifySuccess('Password changed. Your other sessions have been signed out.');
      signedIn(session);
      onChanged?.();
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack maw={420}>
        <PasswordInput label="Current password" autoComplete="current-password" autoFocus={autoFocus} {...form.getInputProps('currentPassword')} key={form.key('currentPassword')} />
        <PasswordInput label="New password" description={PASSWORD_HINT} autoComplete="new-password" {...form.getInputProps('newPassword')} key={form.key('newPassword')} />
        <BusyButton type="submit" busy={busy}>
          Change password
        </BusyButton>
      </Stack>
    </form>
  );
}
