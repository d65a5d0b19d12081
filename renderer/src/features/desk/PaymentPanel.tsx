import { Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { DeskOverride, DeskPerson, DeskWorkshop } from '../../../../shared/desk';
import { useFormat } from '../../app/format';
import { tenderedOf } from './CashChange';
import { DeskFormPanel } from './DeskFormPanel';
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
    <DeskFormPanel titleId="desk-pay-title" title={`Take payment: ${person.name}`} submitLabel="Mark paid and check in" busy={busy} onSubmit={() => void submit()} onClose={onClose} submitAutoFocus={method !== 'cash'}>
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
    </DeskFormPanel>
  );
}
