import { Stack, Title } from '@mantine/core';
import { SettingsForm } from './SettingsForm';

export function SettingsPage() {
  return (
    <Stack>
      <Title order={2}>Station settings</Title>
      <SettingsForm />
    </Stack>
  );
}
