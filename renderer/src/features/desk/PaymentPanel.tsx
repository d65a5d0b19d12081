import { Button, Group, Kbd, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { DeskOverride, DeskPerson, DeskWorkshop } from '../../../../shared/desk';
import { BusyButton } from '../../app/BusyButton';
import { useFormat } from '../../app/format';
import { tenderedOf } from './CashChange';
import { DeskPaymentFields } from './DeskPaymentFields';
import { useDeskActions } from './desk-actions';
import { useDeskPrefs } from './desk-prefs.store';

/**
 * "Mark paid and check in" for an unpaid registration: one action, one transaction. Inline, not a
 * dialog: closing it gives the focus back to the scan field.
 */
export function PaymentPanel({ person, workshop, override, onClose }: { person: DeskPerson; workshop: DeskWorkshop; override?: DeskOverride; onClose: () => void }) {
  const fmt = useFormat();
  const method = useDeskPrefs((s) => s.method);
  const [tendered, setTendered] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { payAndCheckIn } = useDeskActions();
  const due = person.amountDueMinor - person.paidMinor;

  const submit = async () => {
    setBusy(true);
    setError(null);
    const r = await payAndCheckIn({ registrationId: person.registrationId, method, tenderedMinor: method === 'cash' ? tenderedOf(tendered, person.currency) : undefined, note, override });
    setBusy(false);
    if (r.ok) onClose();
    else setError(r.error.fieldErrors ? Object.values(r.error.fieldErrors).flat().join(' ') : r.error.message);
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="desk-pay-title">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy) void submit();
        }}
      >
        <Stack gap="sm">
          <Title order={2} size="h3" id="desk-pay-title">
            Take payment: {person.name}
          </Title>
          <Text fz="xl" fw={700}>
            {fmt.price(due, person.currency)} to pay · {workshop.title}
          </Text>
          <DeskPaymentFields tendered={tendered} onTenderedChange={setTendered} dueMinor={due} currency={person.currency} autoFocus />
          <TextInput label="Note (optional)" value={note} onChange={(e) => setNote(e.currentTarget.value)} />
          {error && (
            <Text c="red" role="alert">
              {error}
            </Text>
          )}
          <Group>
            <BusyButton type="submit" busy={busy} size="md" autoFocus={method !== 'cash'}>
              Mark paid and check in
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
