import { Alert, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** One report: a heading, what it counts, and its chart and table once loaded. */
export function ReportSection({ title, description, loading, error, children }: { title: string; description: string; loading: boolean; error: Error | null; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Stack gap="sm">
        <Title order={2} size="h3">
          {title}
        </Title>
        <Text size="sm" c="dimmed">
          {description}
        </Text>
        {error ? <Alert color="red" title="This report could not be loaded">{error.message}</Alert> : loading ? <Loader size="sm" aria-label={`Loading ${title}`} /> : children}
      </Stack>
    </Paper>
  );
}
