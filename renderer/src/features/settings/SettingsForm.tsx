import { Alert, Group, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import { updateSettingsInput, type ConnectionTestResult, type StationSettings } from '../../../../shared/settings';
import { handleResult, notifySuccess } from '../../lib/notify';
import { settingsApi } from './settings.api';
import { BusyButton } from '../../app/BusyButton';

interface Values {
  stationName: string;
  mode: 'embedded' | 'postgres';
  databaseUrl: string;
}

const toInput = (v: Values) => ({ stationName: v.stationName, databaseUrl: v.mode === 'postgres' ? v.databaseUrl : null });

/** Station name and where the data lives. Used by the settings page and the first-run screen. */
export function SettingsForm({ onSaved }: { onSaved?: (s: StationSettings) => void }) {
  const [settings, setSettings] = useState<StationSettings | null>(null);
  const [busy, setBusy] = useState(false);
  const [test, setTest] = useState<ConnectionTestResult | null>(null);
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { stationName: '', mode: 'embedded', databaseUrl: '' },
    validate: (values) => {
      const r = updateSettingsInput.safeParse(toInput(values));
      if (r.success) return {};
      return Object.fromEntries(r.error.issues.map((i) => [String(i.path[0]), i.message]));
    },
  });

  useEffect(() => {
    void settingsApi.get().then((r) => {
      const s = handleResult(r);
      if (!s) return;
      setSettings(s);
      // The saved URL is shown redacted; a change of server means typing it again.
      form.setValues({ stationName: s.stationName, mode: s.database.kind, databaseUrl: '' });
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const runTest = async () => {
    setTest(null);
    const parsed = updateSettingsInput.shape.databaseUrl.safeParse(form.values.databaseUrl);
    if (!parsed.success) {
      form.setFieldError('databaseUrl', parsed.error.issues[0]?.message ?? 'Enter a PostgreSQL URL.');
      return;
    }
    setBusy(true);
    setTest(handleResult(await settingsApi.testConnection(form.values.databaseUrl)));
    setBusy(false);
  };

  const submit = form.onSubmit(async (values) => {
    if (values.mode === 'postgres' && !values.databaseUrl && settings?.database.kind === 'postgres') {
      // Keep the current server: only the station name changes.
      form.setFieldError('databaseUrl', 'Type the server URL again to save (the saved one is hidden because it contains a password).');
      return;
    }
    setBusy(true);
    const saved = handleResult(await settingsApi.update(toInput(values)), form);
    setBusy(false);
    if (saved) {
      setSettings(saved);
      notifySuccess(saved.restartRequired ? 'Saved. Restart the app to use the new database.' : 'Settings saved.');
      onSaved?.(saved);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack maw={560}>
        {settings && (
          <Text size="sm" c="dimmed">
            Connected now to: {settings.active.description}
          </Text>
        )}
        <TextInput label="Station name" description='Shown on every action this station records, e.g. "Front desk 1".' {...form.getInputProps('stationName')} />
        <Radio.Group label="Where the data lives" {...form.getInputProps('mode')}>
          <Stack gap="xs" mt="xs">
            <Radio value="embedded" label={`On this computer (embedded database${settings?.database.kind === 'embedded' ? `: ${settings.database.location}` : ''})`} />
            <Radio value="postgres" label="On a shared PostgreSQL server (several stations share the same data)" />
          </Stack>
        </Radio.Group>
        {form.values.mode === 'postgres' && (
          <>
            <TextInput
              label="Server URL"
              placeholder="postgres://user:password@server:5432/workshops"
              description={settings?.database.kind === 'postgres' ? `Saved: ${settings.database.url}` : undefined}
              {...form.getInputProps('databaseUrl')}
            />
            <Group>
              <BusyButton variant="default" onClick={runTest} busy={busy}>
                Test connection
              </BusyButton>
            </Group>
            {settings && !settings.encryptionAvailable && (
              <Alert color="yellow" title="The server password will be saved unencrypted">
                This computer offers no secure key store to the app (on Linux: no keyring such as GNOME Keyring or KWallet is running), so the server
                address and its password are saved in clear in the station settings file. Anyone who can read your user folder can read them: use a
                database account that can do nothing but run this app.
              </Alert>
            )}
            {test && (
              <Alert color={test.ok ? 'teal' : 'red'} role="status" title={test.ok ? 'Connection works' : 'Connection failed'}>
                {test.ok ? `PostgreSQL ${test.serverVersion} answered.` : test.message}
              </Alert>
            )}
          </>
        )}
        {settings?.savedUrlUnreadable && (
          <Alert color="red" title="The saved server address cannot be read here">
            It was encrypted on another computer or user account (or the system key store is locked). Choose the shared server again and type its
            address.
          </Alert>
        )}
        {settings?.restartRequired && <Alert color="yellow">A change of database is saved and takes effect when the app is restarted.</Alert>}
        <Group>
          <BusyButton type="submit" busy={busy}>
            Save settings
          </BusyButton>
        </Group>
      </Stack>
    </form>
  );
}
