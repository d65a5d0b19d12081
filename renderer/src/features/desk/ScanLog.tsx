import { Paper, Stack, Text, Title } from '@mantine/core';
import { useFormat } from '../../app/format';
import { useDesk } from './desk.store';

/** Every answer at this station, latest first: nothing is missed when codes come faster than eyes. */
export function ScanLog() {
  const log = useDesk((s) => s.log);
  const fmt = useFormat();
  if (log.length === 0) return null;
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="desk-log-title">
      <Title order={2} size="h5" id="desk-log-title" mb={4}>
        This station's last answers
      </Title>
      {/* Scrolls, and takes the focus so the keyboard can scroll it too, instead of making the page long. */}
      <Stack component="ol" gap={2} style={{ listStyle: 'none', padding: 0, margin: 0, maxHeight: 240, overflowY: 'auto' }} tabIndex={0} aria-label="Last answers" data-testid="scan-log">
        {log.map((e) => (
          <Text component="li" key={e.seq} size="sm" data-tone={e.tone}>
            {fmt.time(e.at)} · {e.text}
          </Text>
        ))}
      </Stack>
    </Paper>
  );
}
