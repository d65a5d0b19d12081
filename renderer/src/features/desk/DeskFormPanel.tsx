import { Button, Group, Kbd, Paper, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { BusyButton } from '../../app/BusyButton';

interface Props {
  /** Id of the heading the section is named by (its landmark name for screen readers and tests). */
  titleId: string;
  title: ReactNode;
  submitLabel: string;
  busy: boolean;
  onSubmit(): void;
  onClose(): void;
  submitAutoFocus?: boolean;
  children: ReactNode;
}

/**
 * A desk panel that is a form (take payment, walk-in): inline, never a dialog over the scan field,
 * named by its heading, Enter sends it once (not again while it is being sent), Esc or Cancel closes it.
 */
export function DeskFormPanel({ titleId, title, submitLabel, busy, onSubmit, onClose, submitAutoFocus, children }: Props) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={titleId}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy) onSubmit();
        }}
      >
        <Stack gap="sm">
          <Title order={2} size="h3" id={titleId}>
            {title}
          </Title>
          {children}
          <Group>
            <BusyButton type="submit" busy={busy} size="md" autoFocus={submitAutoFocus}>
              {submitLabel}
            </BusyButton>
            <Button variant="default" onClick={onClose} rightSection={<Kbd>Esc</Kbd>}>
              Cancel
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
