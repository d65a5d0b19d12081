import { Button, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import type { KioskStatus } from '../../../../shared/kiosk';
import { formatDate, safeLocale } from '../../../../shared/time';
import { useKiosk } from './kiosk.store';
import { KioskTitle } from './KioskTitle';

/** Two large choices, the station and today's date; nothing about any person. */
export function StartScreen({ status }: { status: KioskStatus }) {
  const show = useKiosk((s) => s.show);
  const locale = safeLocale(status.locale ?? navigator.language);
  return (
    <Stack gap={48} py="xl">
      <Stack gap="xs">
        <KioskTitle>Welcome</KioskTitle>
        <Text fz={28}>{formatDate(new Date().toISOString(), locale)}</Text>
      </Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xl">
        <Button size="xl" className="kiosk-choice" onClick={() => show({ name: 'checkIn' })}>
          <Stack gap={8} align="center">
            <Text fz={44} fw={700} inherit>
              Check in
            </Text>
            <Text fz={24} inherit>
              Scan or type your ticket code
            </Text>
          </Stack>
        </Button>
        <Button size="xl" variant="outline" className="kiosk-choice" onClick={() => show({ name: 'find' })}>
          <Stack gap={8} align="center">
            <Text fz={44} fw={700} inherit>
              Find a workshop
            </Text>
            <Text fz={24} inherit>
              Browse and register
            </Text>
          </Stack>
        </Button>
      </SimpleGrid>
      <Group justify="flex-end">
        <Button size="lg" variant="subtle" color="gray" onClick={() => show({ name: 'staff' })}>
          Staff
        </Button>
      </Group>
    </Stack>
  );
}
