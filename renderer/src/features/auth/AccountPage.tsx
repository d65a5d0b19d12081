import { Stack, Text, Title } from '@mantine/core';
import { ROLE_LABELS } from '../../../../shared/roles';
import { ChangePasswordForm } from './ChangePasswordForm';
import { useSession } from './session.store';

export function AccountPage() {
  const session = useSession((s) => s.session);
  if (!session) return null;
  const ends = new Date(session.expiresAt);
  return (
    <Stack>
      <Title order={2}>My account</Title>
      <Text>
        {session.user.name} · {session.user.email} · {ROLE_LABELS[session.user.role]}
      </Text>
      <Text size="sm" c="dimmed">
        This session ends at {ends.toLocaleString()} at the latest, or after {Math.round(session.idleTimeoutSeconds / 60)} minutes without activity.
      </Text>
      <Title order={3} size="h4" mt="md">
        Change password
      </Title>
      <Text size="sm" c="dimmed">
        Changing it signs you out everywhere else.
      </Text>
      <ChangePasswordForm />
    </Stack>
  );
}
