import { Card, SimpleGrid, Stack, Text } from '@mantine/core';
import { PageTitle } from '../../app/PageTitle';
import { ROLE_LABELS } from '../../../../shared/roles';
import { navFor, useNav } from '../../app/navigation';
import { useSession } from '../auth/session.store';

export function HomePage() {
  const { session, status } = useSession();
  const go = useNav((s) => s.go);
  if (!session) return null;
  const items = navFor(session.user.role).filter((i) => i.id !== 'home');
  return (
    <Stack>
      <PageTitle>{`Welcome, ${session.user.name}`}</PageTitle>
      <Text c="dimmed">
        Signed in as {ROLE_LABELS[session.user.role].toLowerCase()} on {status?.stationName}.
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
        {items.map((item) => (
          <Card key={item.id} withBorder component="button" onClick={() => go(item.id)} style={{ cursor: 'pointer', textAlign: 'left' }}>
            <Text fw={600}>{item.label}</Text>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
