import { Alert, Button, Checkbox, Group, Kbd, List, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { UNDO_WINDOW_SECONDS, type WalkInResult } from '../../../../shared/desk';
import { statusInWords } from '../../../../shared/registrations';
import { useFormat } from '../../app/format';
import { unwrap } from '../../lib/query';
import { TicketView } from '../registrations/TicketView';
import { tenderedOf } from './CashChange';
import { DeskFormPanel } from './DeskFormPanel';
import { DeskPaymentFields } from './DeskPaymentFields';
import { deskApi, deskKeys } from './desk.api';
import { useDeskActions } from './desk-actions';
import { useDeskPrefs } from './desk-prefs.store';
import { useDesk } from './desk.store';
import { paymentLine } from './result-words';
import { useTodaysSessions } from './SessionsPanel';

/**
 * Someone at the desk without a registration: name (email, phone optional), a free seat taken
 * directly, paid and checked in as one action. People who look the same are shown first.
 */
export function WalkInPanel({ onClose }: { onClose: () => void }) {
  const fmt = useFormat();
  const sessions = useTodaysSessions().data ?? [];
  const deskWorkshop = useDeskPrefs((s) => s.workshopId);
  const method = useDeskPrefs((s) => s.method);
  const [workshopId, setWorkshopId] = useState<string | null>(deskWorkshop ?? (sessions.length === 1 ? sessions[0]!.workshop.id : null));
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const [tendered, setTendered] = useState('');
  const [anyway, setAnyway] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; fields?: Record<string, string[]>; full?: boolean } | null>(null);
  const [done, setDone] = useState<WalkInResult | null>(null);
  const { present } = useDeskActions();
  const workshop = sessions.find((s) => s.workshop.id === workshopId)?.workshop ?? null;
  const paid = (workshop?.priceMinor ?? 0) > 0;

  const [probe] = useDebouncedValue({ name: name.trim(), email: email.trim(), phone: phone.trim() }, 300);
  const similar = useQuery({
    queryKey: deskKeys.similar(workshopId ?? '', probe.name, probe.email, probe.phone),
    queryFn: () => unwrap(deskApi.similar({ workshopId: workshopId!, ...probe })),
    enabled: Boolean(workshopId) && Boolean(probe.name || probe.email || probe.phone) && !done,
  });
  const lookalikes = similar.data ?? [];

  const submit = async (waitlistIfFull = false) => {
    if (!workshopId) return setError({ message: 'Choose a workshop.' });
    if (lookalikes.length && !anyway) return setError({ message: 'Someone like this is already registered. Check the list, or tick “register anyway”.' });
    setBusy(true);
    setError(null);
    const r = await deskApi.walkIn({
      workshopId,
      name,
      email,
      phone: phone || undefined,
      payment: paid ? { method, tenderedMinor: method === 'cash' ? tenderedOf(tendered, workshop!.currency) : undefined } : undefined,
      checkIn: true,
      waitlistIfFull,
      confirmDuplicate: anyway,
    });
    setBusy(false);
    if (!r.ok) {
      const full = r.error.code === 'CONFLICT' && /full/i.test(r.error.message) && Boolean(workshop?.waitlistEnabled);
      return setError({ message: r.error.message, fields: r.error.fieldErrors, full });
    }
    setDone(r.data);
    if (r.data.checkIn) {
      const seq = useDesk.getState().nextSeq();
      present(seq, { outcome: 'checked_in', resultClass: 'ok', person: r.data.person, workshop: r.data.workshop, checkIn: r.data.checkIn, opensAt: null, counts: r.data.counts, undoUntil: new Date(Date.parse(r.data.checkIn.at) + UNDO_WINDOW_SECONDS * 1000).toISOString(), payment: r.data.payment });
    }
  };

  if (done) {
    return (
      <Paper withBorder p="md" component="section" aria-labelledby="desk-walkin-title">
        <Stack gap="sm">
          <Title order={2} size="h3" id="desk-walkin-title">
            Walk-in registered: {done.person.name}
          </Title>
          <Text fz="xl" fw={700}>
            {done.checkIn ? `Checked in · ${done.counts.checkedIn} of ${done.counts.confirmed} in` : statusInWords(done.person)}
          </Text>
          {done.payment && <Text>{paymentLine(done.payment, fmt)} (receipt above)</Text>}
          {done.person.ticketCode && <TicketView code={done.person.ticketCode} label={`Ticket for ${done.workshop.title}`} />}
          <Group>
            <Button onClick={onClose} rightSection={<Kbd>Esc</Kbd>} autoFocus>
              Done
            </Button>
          </Group>
        </Stack>
      </Paper>
    );
  }

  const fieldError = (f: string) => error?.fields?.[f]?.join(' ');
  const action = paid ? 'Register, take payment and check in' : 'Register and check in';
  return (
    <DeskFormPanel titleId="desk-walkin-title" title="Walk-in" submitLabel={action} busy={busy} onSubmit={() => void submit()} onClose={onClose}>
      <Text size="sm">Registered here by staff, a walk-in takes a free seat directly, even in a workshop that needs approval, and late arrivals are welcome until the workshop ends.</Text>
      <Select label="Workshop" required allowDeselect={false} value={workshopId} onChange={setWorkshopId} data={sessions.map((s) => ({ value: s.workshop.id, label: s.workshop.title }))} error={fieldError('workshopId')} />
      <TextInput label="Name" required value={name} onChange={(e) => setName(e.currentTarget.value)} error={fieldError('name')} data-autofocus autoFocus />
      <Group grow>
        <TextInput label="Email (optional)" type="email" value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={fieldError('email')} />
        <TextInput label="Phone (optional)" value={phone} onChange={(e) => setPhone(e.currentTarget.value)} error={fieldError('phone')} />
      </Group>
      {lookalikes.length > 0 && (
        <Alert color="yellow" title="Already registered for this workshop?">
          <List size="sm">
            {lookalikes.map((m) => (
              <List.Item key={m.person.registrationId}>
                {m.person.name}
                {m.person.email && ` · ${m.person.email}`}
                {m.person.phone && ` · ${m.person.phone}`} — {m.checkIn ? 'checked in' : statusInWords(m.person)} (same {m.matchedBy})
              </List.Item>
            ))}
          </List>
          <Checkbox mt="xs" label="This is someone else: register anyway" checked={anyway} onChange={(e) => setAnyway(e.currentTarget.checked)} />
        </Alert>
      )}
      {workshop && paid && (
        <>
          <Text fz="xl" fw={700}>
            {fmt.price(workshop.priceMinor, workshop.currency)} to pay
          </Text>
          <DeskPaymentFields tendered={tendered} onTenderedChange={setTendered} dueMinor={workshop.priceMinor} currency={workshop.currency} />
        </>
      )}
      {error && (
        <Alert color="red" role="alert" title="Not registered">
          {error.message}
          {error.full && (
            <Button mt="xs" variant="default" onClick={() => void submit(true)}>
              Put them on the waiting list
            </Button>
          )}
        </Alert>
      )}
    </DeskFormPanel>
  );
}
