import { Stack, Text, Title } from '@mantine/core';
import { PageTitle } from '../../app/PageTitle';
import { useState } from 'react';
import { ROLE_LABELS } from '../../../../shared/roles';
import { ChangePasswordForm } from './ChangePasswordForm';
import { SignedInStations } from './SignedInStations';
import { useSession } from './session.store';
import { useFormat } from '../../app/format';

export function AccountPage() {
  const session = useSession((s) => s.session);
  const format = useFormat();
  // A password change ends the other sessions: the list is read again after it.
  const [changes, setChanges] = useState(0);
  if (!session) return null;
  return (
    <Stack>
      <PageTitle>My account</PageTitle>
      <Text>
        {session.user.name} · {session.user.email} · {ROLE_LABELS[session.user.role]}
      </Text>
      <Text size="sm" c="dimmed">
        This session ends at {format.dateTime(session.expiresAt)} at the latest, or after {Math.round(session.idleTimeoutSeconds / 60)} minutes without activity.
      </Text>
      <Title order={2} size="h4" mt="md">
        Where you are signed in
      </Title>
      <SignedInStations reloadKey={changes} />
      <Title order={2} size="h4" mt="md">
        Change password
      </Title>
      <Text size="sm" c="dimmed">
        Changing it signs you out everywhere else.
      </Text>
      <ChangePasswordForm onChanged={() => setChanges((n) => n + 1)} />
    </Stack>
  );
}
