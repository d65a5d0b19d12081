import { Alert, Button, Divider, Modal, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { useState } from 'react';
import { createFirstAdminInput } from '../../../../shared/auth';
import { handleResult } from '../../lib/notify';
import { AuthLayout, PASSWORD_HINT } from '../auth/AuthLayout';
import { useSession } from '../auth/session.store';
import { SettingsForm } from '../settings/SettingsForm';
import { setupApi } from './setup.api';
import { BusyButton } from '../../app/BusyButton';

// Where exactly (folder, server) is for administrators: "Change…" shows it, as settings are open during first run.
const DATA_PLACE = { embedded: 'on this computer', postgres: 'on a shared server' } as const;

/** First run on an empty database: create the first administrator, or load the demo data. */
export function SetupPage() {
  const { status, signedIn, load, setSignInEmail } = useSession();
  const [busy, setBusy] = useState<'admin' | 'demo' | null>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { name: '', email: '', password: '' },
    validate: schemaResolver(createFirstAdminInput, { sync: true }),
  });

  const submit = form.onSubmit(async (values) => {
    setBusy('admin');
    const session = handleResult(await setupApi.createFirstAdmin(values), form);
    setBusy(null);
    if (session) signedIn(session);
  });

  const loadDemo = async () => {
    setBusy('demo');
    const result = handleResult(await setupApi.loadDemoData());
    setBusy(null);
    if (result) {
      setSignInEmail(result.adminEmail);
      await load();
    }
  };

  return (
    <AuthLayout title="Set up Workshop Booking" subtitle="Create the first administrator account. You can add staff accounts afterwards." width={520}>
      <Text size="sm" c="dimmed">
        Station: <b>{status?.stationName}</b> · Data: {status && DATA_PLACE[status.database.kind]}{' '}
        <Button variant="subtle" size="compact-sm" onClick={() => setSettingsOpen(true)}>
          Change…
        </Button>
      </Text>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label="Your name" autoComplete="name" autoFocus {...form.getInputProps('name')} key={form.key('name')} />
          <TextInput label="Email" type="email" autoComplete="email" {...form.getInputProps('email')} key={form.key('email')} />
          <PasswordInput label="Password" description={PASSWORD_HINT} autoComplete="new-password" {...form.getInputProps('password')} key={form.key('password')} />
          <BusyButton type="submit" size="md" busy={busy === 'admin'} disabled={busy === 'demo'}>
            Create administrator
          </BusyButton>
        </Stack>
      </form>
      <Divider label="or" />
      <Alert color="gray" title="Just looking around?">
        <Stack gap="xs">
          <Text size="sm">
            Load the sample workshops and the demo administrator <b>admin@workshop.com</b> (password <b>admin123</b>, to be changed at first sign-in).
          </Text>
          <BusyButton variant="default" onClick={loadDemo} busy={busy === 'demo'} disabled={busy === 'admin'}>
            Load demo data
          </BusyButton>
        </Stack>
      </Alert>
      <Modal opened={settingsOpen} onClose={() => setSettingsOpen(false)} title="Station and data location" size="lg">
        <SettingsForm
          onSaved={() => {
            setSettingsOpen(false);
            void load();
          }}
        />
      </Modal>
    </AuthLayout>
  );
}
