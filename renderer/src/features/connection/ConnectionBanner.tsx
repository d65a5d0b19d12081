import { Alert, Button, Group, Text } from '@mantine/core';
import { useConnection } from './connection.store';

const time = (ms: number) => new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' }).format(new Date(ms));

/** Shown on every screen while the database cannot be reached, so nobody wonders why nothing works. */
export function ConnectionBanner() {
  const { lostAt, message, probe } = useConnection();
  if (!lostAt) return null;
  return (
    <Alert
      role="status"
      aria-live="polite"
      color="red"
      variant="filled"
      radius={0}
      title={`The database cannot be reached (since ${time(lostAt)})`}
      style={{ position: 'fixed', insetInline: 0, top: 0, zIndex: 1000 }}
    >
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm">{message} The app keeps trying by itself; what you saved before this is safe.</Text>
        <Button size="xs" variant="white" color="red" onClick={() => void probe()}>
          Try now
        </Button>
      </Group>
    </Alert>
  );
}
