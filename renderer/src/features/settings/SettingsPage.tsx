import { Stack } from '@mantine/core';
import { PageTitle } from '../../app/PageTitle';
import { SettingsForm } from './SettingsForm';

export function SettingsPage() {
  return (
    <Stack>
      <PageTitle>Station settings</PageTitle>
      <SettingsForm />
    </Stack>
  );
}
