import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { vi } from 'vitest';

/**
 * Renders a screen with the app's own query client, freshly imported so it is bound to the live
 * events of the fake API as the app binds it (lib/query.ts). `screen` imports the component after
 * the reset, so both share those fresh modules.
 */
export async function renderWithAppQueries(screen: () => Promise<ReactElement>): Promise<void> {
  vi.resetModules();
  const { queryClient } = await import('../src/lib/query');
  const element = await screen();
  render(
    <QueryClientProvider client={queryClient}>
      <MantineProvider env="test">{element}</MantineProvider>
    </QueryClientProvider>,
  );
}
