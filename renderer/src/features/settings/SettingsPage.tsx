import { Divider, Stack } from '@mantine/core';
import { PageTitle } from '../../app/PageTitle';
import { useSession } from '../auth/session.store';
import { LocaleSetting } from './LocaleSetting';
import { BackupPanel } from './BackupPanel';
import { KioskSettingsPanel } from './KioskSettingsPanel';
import { SettingsForm } from './SettingsForm';

export function SettingsPage() {
  const refreshStatus = useSession((s) => s.refreshStatus);
  return (
    <Stack>
      <PageTitle>Station settings</PageTitle>
      {/* The header and Home show the station's name: they follow a rename at once. */}
      <SettingsForm onSaved={() => void refreshStatus()} />
      <Divider />
      <LocaleSetting />
      <Divider />
      <BackupPanel />
      <Divider />
      <KioskSettingsPanel />
    </Stack>
  );
}
