import { Button, Checkbox, Group, Modal, PasswordInput, Select, Stack, TextInput } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { useState } from 'react';
import { ROLE_LABELS, ROLES, type Role } from '../../../../shared/roles';
import { createUserInput, type UserSummary } from '../../../../shared/users';
import { handleResult, notifySuccess } from '../../lib/notify';
import { PASSWORD_HINT } from '../auth/AuthLayout';
import { usersApi } from './users.api';
import { BusyButton } from '../../app/BusyButton';

export function CreateUserModal({ opened, onClose, onCreated }: { opened: boolean; onClose: () => void; onCreated: (u: UserSummary) => void }) {
  const [busy, setBusy] = useState(false);
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { name: '', email: '', role: 'staff' as Role, password: '', mustChangePassword: true },
    validate: schemaResolver(createUserInput, { sync: true }),
  });

  const submit = form.onSubmit(async (values) => {
    setBusy(true);
    const user = handleResult(await usersApi.create(values), form);
    setBusy(false);
    if (user) {
      notifySuccess(`Account created for ${user.name}.`);
      form.reset();
      onCreated(user);
    }
  });

  return (
    <Modal opened={opened} onClose={onClose} title="New account" size="md">
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label="Full name" data-autofocus {...form.getInputProps('name')} key={form.key('name')} />
          <TextInput label="Email" type="email" {...form.getInputProps('email')} key={form.key('email')} />
          <Select
            label="Role"
            data={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
            allowDeselect={false}
            {...form.getInputProps('role')}
            key={form.key('role')}
          />
          <PasswordInput label="Initial password" description={PASSWORD_HINT} autoComplete="new-password" {...form.getInputProps('password')} key={form.key('password')} />
          <Checkbox label="Must choose a new password at first sign-in" {...form.getInputProps('mustChangePassword', { type: 'checkbox' })} key={form.key('mustChangePassword')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <BusyButton type="submit" busy={busy}>
              Create account
            </BusyButton>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
