import { Stack, Text, Title } from '@mantine/core';
import { PageTitle } from '../../app/PageTitle';
import { ROLE_LABELS } from '../../../../shared/roles';
import { ChangePasswordForm } from './ChangePasswordForm';
import { useSession } from './session.store';
import { useFormat } from '../../app/format';

export function AccountPage() {
  const session = useSession((s) => s.session);
  const format = useFormat();
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
        Change password
      </Title>
      <Text size="sm" c="dimmed">
        Changing it signs you out everywhere else.
      </Text>
      <ChangePasswordForm />
    </Stack>
  );
}
