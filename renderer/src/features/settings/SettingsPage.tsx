import { Divider, Stack, Title } from '@mantine/core';
import { BackupPanel } from './BackupPanel';
import { SettingsForm } from './SettingsForm';

export function SettingsPage() {
  return (
    <Stack>
      <Title order={2}>Station settings</Title>
      <SettingsForm />
      <Divider my="md" />
      <BackupPanel />
    </Stack>
  );
}
