import { Group, Kbd, Paper, Stack, Text, Title } from '@mantine/core';

export const DESK_KEYS: [string, string][] = [
  ['Enter', 'Check in (scan, or the picked match)'],
  ['↑ ↓', 'Pick a match'],
  ['F2', 'Walk-in'],
  ['F4', 'Take payment and check in'],
  ['F7', 'Check in anyway / there'],
  ['F8', 'Undo the last check-in (2 min)'],
  ['F9', 'Check-in list'],
  ['Esc', 'Close, or clear the field'],
];

/** The desk's keys, always on screen. */
export function KeyLegend() {
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="desk-keys-title">
      <Title order={2} size="h5" id="desk-keys-title" mb={4}>
        Keys
      </Title>
      <Stack gap={2}>
        {DESK_KEYS.map(([k, what]) => (
          <Group key={k} gap="xs" wrap="nowrap">
            <Kbd miw={52} style={{ textAlign: 'center' }}>
              {k}
            </Kbd>
            <Text size="sm">{what}</Text>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
