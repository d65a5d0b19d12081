import { Center, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** The centred card used by sign-in, sign-up, first-run setup and the forced password change. */
export function AuthLayout({ title, subtitle, children, width = 440 }: { title: string; subtitle?: ReactNode; children: ReactNode; width?: number }) {
  return (
    <Center mih="100vh" p="md" bg="gray.0" component="main">
      <Paper withBorder shadow="sm" p="xl" radius="md" w={width} maw="100%">
        <Stack gap="md">
          <div>
            <Text size="sm" c="dimmed" fw={600} tt="uppercase">
              Workshop Booking
            </Text>
            <Title order={1} size="h2">
              {title}
            </Title>
            {subtitle && (
              <Text c="dimmed" mt={4}>
                {subtitle}
              </Text>
            )}
          </div>
          {children}
        </Stack>
      </Paper>
    </Center>
  );
}

export const PASSWORD_HINT = '12 to 128 characters, in any language. A few unrelated words work well; passwords that are easy to guess (common ones, keyboard rows, repeats, your own name) are refused.';
