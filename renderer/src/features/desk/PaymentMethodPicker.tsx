import { SegmentedControl, Stack, Text } from '@mantine/core';
import { useId } from 'react';
import { DESK_METHODS, useDeskPrefs, type DeskMethod } from './desk-prefs.store';

const LABELS: Record<DeskMethod, string> = { cash: 'Cash', card: 'Card', other: 'Other' };

/** Cash, card or other; the last choice at this station is the next one's default. */
export function PaymentMethodPicker() {
  const { method, set } = useDeskPrefs();
  const id = useId();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500} id={id}>
        Payment method
      </Text>
      <SegmentedControl fullWidth role="radiogroup" aria-labelledby={id} value={method} onChange={(v) => set({ method: v as DeskMethod })} data={DESK_METHODS.map((m) => ({ value: m, label: LABELS[m] }))} />
    </Stack>
  );
}
