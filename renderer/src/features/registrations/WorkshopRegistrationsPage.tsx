import { ActionIcon, Alert, Button, Group, Menu, Modal, MultiSelect, Paper, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { PageTitle } from '../../app/PageTitle';
import { useForm } from '@mantine/form';
import { DataTable } from 'mantine-datatable';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { owesPayment, PAYMENT_METHODS, paymentInWords, REGISTRATION_STATUSES, registerPersonInput, type PaymentMethod, type Registration, type RegistrationStatus } from '../../../../shared/registrations';
import { formatTicketCode } from '../../../../shared/tickets';
import { BackLink } from '../../app/BackLink';
import { canUse, useNav } from '../../app/navigation';
import { handleResult, notifySuccess } from '../../lib/notify';
import { queryClient, unwrap } from '../../lib/query';
import { useSession } from '../auth/session.store';
import { workshopsApi } from '../workshops/workshops.api';
import { StatusBadge } from './RegistrationState';
import { registrationKeys, registrationsApi } from './registrations.api';
import { useFormat } from '../../app/format';
import { PageLoading } from '../../app/PageLoading';

const STATUS_OPTIONS: { value: RegistrationStatus; label: string }[] = [
  { value: 'confirmed', label: 'Confirmed' },
  { value: 'pending', label: 'Requested' },
  { value: 'waitlisted', label: 'Waiting list' },
  { value: 'rejected', label: 'Not approved' },
  { value: 'cancelled', label: 'Cancelled' },
];
const PAYMENT_OPTIONS = [
  { value: 'unpaid', label: 'Not paid yet' },
  { value: 'paid', label: 'Paid' },
  { value: 'refund_due', label: 'Refund due' },
  { value: 'refunded', label: 'Refunded' },
  { value: 'waived', label: 'Waived' },
  { value: 'not_required', label: 'Nothing to pay' },
];
const METHOD_LABELS: Record<PaymentMethod, string> = { cash: 'Cash', card: 'Card', transfer: 'Bank transfer', other: 'Other' };

type Ask = { kind: 'cancel' | 'reject'; r: Registration } | null;

/** Everyone registered for one workshop: states, payments, walk-ins, export. */
export function WorkshopRegistrationsPage() {
  const { workshopId, go } = useNav();
  const role = useSession((s) => s.session?.user.role);
  const format = useFormat();
  const [statuses, setStatuses] = useState<string[]>(['confirmed', 'pending', 'waitlisted']);
  const [payment, setPayment] = useState<string | null>(null);
  const [q, setQ] = useState('');
  const [typed] = useDebouncedValue(q, 200);
  const [ask, setAsk] = useState<Ask>(null);
  const [reason, setReason] = useState('');
  const isAdmin = role ? canUse(role, 'registrations:confirm') : false;

  const walkIn = useForm({
    mode: 'uncontrolled',
    initialValues: { name: '', email: '', phone: '' },
    validate: (v) => {
      const r = registerPersonInput.safeParse({ workshopId: workshopId ?? '', ...v });
      return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [String(i.path[0]), i.message]));
    },
  });

  // Server state through react-query, under the workshop's key: a change at any station (a
  // booking, a payment, a check-in) marks it stale, and the list reads itself again (lib/query.ts).
  const filter = { workshopId: workshopId ?? '', statuses: statuses.length ? (statuses as RegistrationStatus[]) : undefined, payment: (payment as never) ?? undefined, q: typed || undefined };
  const detail = useQuery({ queryKey: registrationKeys.workshop(filter.workshopId), queryFn: () => unwrap(workshopsApi.get(filter.workshopId)), enabled: Boolean(workshopId) });
  const list = useQuery({ queryKey: registrationKeys.list(filter), queryFn: () => unwrap(registrationsApi.forWorkshop(filter)), enabled: Boolean(workshopId), placeholderData: keepPreviousData });
  const money = useQuery({ queryKey: registrationKeys.outstanding(filter.workshopId), queryFn: () => unwrap(registrationsApi.outstanding(filter.workshopId)), enabled: Boolean(workshopId) });
  const w = detail.data ?? null;
  const rows = list.data ?? [];
  const owed = money.data?.[0] ?? null;
  const load = () => queryClient.invalidateQueries({ queryKey: registrationKeys.all(filter.workshopId) });

  const act = async (p: Promise<Parameters<typeof handleResult>[0]>, message: string) => {
    if (handleResult(await p)) {
      notifySuccess(message);
      await load();
    }
  };

  const exportCsv = async () => {
    if (!workshopId) return;
    const r = handleResult(await registrationsApi.exportCsv({ workshopId, statuses: statuses.length ? (statuses as RegistrationStatus[]) : undefined, payment: (payment as never) ?? undefined, q: q || undefined }));
    if (!r) return;
    const url = URL.createObjectURL(new Blob([r.content], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = r.filename;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  const failed = detail.error ?? list.error ?? money.error;
  if (!w) return failed ? <Alert color="red" title="The registrations could not be shown">{failed.message}</Alert> : <PageLoading label="Loading registrations" />;
  return (
    <Stack>
      <BackLink label="Back to workshop management" onClick={() => go('workshops')} />
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <PageTitle>{`Registrations: ${w.title}`}</PageTitle>
          <Text c="dimmed">
            {format.workshopTime(w.startsAt, w.endsAt, w.timeZone)} · {w.seatsTaken} of {w.capacity} seats confirmed
          </Text>
        </Stack>
        <Button variant="default" onClick={exportCsv}>
          Export CSV
        </Button>
      </Group>
      {owed && (owed.unpaidCount > 0 || owed.refundDueCount > 0) && (
        <Alert color="yellow" title="Money outstanding">
          {owed.unpaidCount > 0 && `${owed.unpaidCount} confirmed not paid yet: ${format.price(owed.unpaidMinor, owed.currency)}. `}
          {owed.refundDueCount > 0 && `${owed.refundDueCount} refund${owed.refundDueCount === 1 ? '' : 's'} due: ${format.price(owed.refundDueMinor, owed.currency)}.`}
        </Alert>
      )}
      {w.status === 'published' && (
        <Paper withBorder p="md">
          <form
            noValidate
            onSubmit={walkIn.onSubmit(async (v) => {
              const r = handleResult(await registrationsApi.registerPerson({ workshopId: w.id, ...v }), walkIn);
              if (r) {
                notifySuccess(`${r.personName}: ${r.status === 'confirmed' ? 'confirmed' : r.status === 'pending' ? 'request recorded' : 'on the waiting list'}.`);
                walkIn.reset();
                await load();
              }
            })}
          >
            <Group align="flex-start">
              <TextInput label="Register a person" placeholder="Full name" {...walkIn.getInputProps('name')} key={walkIn.key('name')} w={240} />
              <TextInput label="Email (optional)" type="email" {...walkIn.getInputProps('email')} key={walkIn.key('email')} w={240} />
              <TextInput label="Phone (optional)" {...walkIn.getInputProps('phone')} key={walkIn.key('phone')} w={180} />
              <Button type="submit" mt={25}>
                Register
              </Button>
            </Group>
          </form>
        </Paper>
      )}
      <Group align="flex-end">
        <TextInput aria-label="Search registrations" placeholder="Name or email" value={q} onChange={(e) => setQ(e.currentTarget.value)} w={240} />
        <MultiSelect aria-label="States" placeholder="All states" data={STATUS_OPTIONS} value={statuses} onChange={setStatuses} clearable w={360} />
        <Select aria-label="Payment" placeholder="Any payment" data={PAYMENT_OPTIONS} value={payment} onChange={setPayment} clearable w={200} />
      </Group>
      <DataTable
        withTableBorder
        striped
        minHeight={200}
        fetching={list.isFetching}
        records={rows}
        noRecordsText="Nobody matches"
        columns={[
          { accessor: 'personName', title: 'Person', render: (r) => (<Stack gap={0}><Text size="sm" fw={600}>{r.personName}</Text><Text size="xs" c="dimmed">{[r.personEmail, r.personPhone].filter(Boolean).join(' · ')}</Text></Stack>) },
          { accessor: 'status', title: 'State', render: (r) => <StatusBadge r={r} /> },
          { accessor: 'paymentStatus', title: 'Payment', render: (r) => (r.amountDueMinor ? `${format.price(r.amountDueMinor, r.currency)} · ${paymentInWords(r)}` : paymentInWords(r)) },
          { accessor: 'ticketCode', title: 'Ticket', render: (r) => (r.ticketCode ? <Text ff="monospace" size="sm">{formatTicketCode(r.ticketCode)}</Text> : '—') },
          {
            accessor: 'actions',
            title: <span className="sr-only">Actions</span>,
            textAlign: 'right',
            render: (r) => (
              <Menu position="bottom-end" withinPortal>
                <Menu.Target>
                  <ActionIcon variant="subtle" aria-label={`Actions for ${r.personName}`}>⋯</ActionIcon>
                </Menu.Target>
                <Menu.Dropdown>
                  {isAdmin && (r.status === 'pending' || r.status === 'waitlisted') && (
                    <Menu.Item onClick={() => act(registrationsApi.confirm(r.id), `${r.personName}: done.`)}>{r.status === 'pending' ? 'Approve' : 'Move from waiting list'}</Menu.Item>
                  )}
                  {isAdmin && (r.status === 'pending' || r.status === 'waitlisted') && <Menu.Item onClick={() => { setReason(''); setAsk({ kind: 'reject', r }); }}>Reject…</Menu.Item>}
                  {owesPayment(r) && (
                    <>
                      <Menu.Label>Mark paid</Menu.Label>
                      {PAYMENT_METHODS.map((m) => (
                        <Menu.Item key={m} onClick={() => act(registrationsApi.recordPayment({ id: r.id, kind: 'payment', method: m }), `Payment recorded (${METHOD_LABELS[m].toLowerCase()}).`)}>
                          Paid by {METHOD_LABELS[m].toLowerCase()}
                        </Menu.Item>
                      ))}
                      <Menu.Item onClick={() => act(registrationsApi.recordPayment({ id: r.id, kind: 'waiver' }), 'Amount waived.')}>Waive the amount</Menu.Item>
                    </>
                  )}
                  {r.paymentStatus === 'paid' && (
                    <>
                      <Menu.Label>Refund</Menu.Label>
                      {PAYMENT_METHODS.map((m) => (
                        <Menu.Item key={m} onClick={() => act(registrationsApi.recordPayment({ id: r.id, kind: 'refund', method: m }), 'Refund recorded.')}>
                          Refunded by {METHOD_LABELS[m].toLowerCase()}
                        </Menu.Item>
                      ))}
                    </>
                  )}
                  {(REGISTRATION_STATUSES.slice(0, 3) as string[]).includes(r.status) && (
                    <Menu.Item color="red" onClick={() => { setReason(''); setAsk({ kind: 'cancel', r }); }}>Cancel registration…</Menu.Item>
                  )}
                </Menu.Dropdown>
              </Menu>
            ),
          },
        ]}
      />
      <Modal opened={ask !== null} onClose={() => setAsk(null)} title={ask?.kind === 'reject' ? `Reject ${ask.r.personName}` : `Cancel ${ask?.r.personName}'s registration`}>
        <Stack>
          <Textarea label={ask?.kind === 'reject' ? 'Reason (they will see it)' : 'Reason (optional)'} value={reason} onChange={(e) => setReason(e.currentTarget.value)} data-autofocus />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAsk(null)}>Back</Button>
            <Button
              color="red"
              onClick={async () => {
                if (!ask) return;
                await act(ask.kind === 'reject' ? registrationsApi.reject(ask.r.id, reason) : registrationsApi.cancel(ask.r.id, reason), ask.kind === 'reject' ? 'Rejected.' : 'Registration cancelled.');
                setAsk(null);
              }}
            >
              {ask?.kind === 'reject' ? 'Reject' : 'Cancel registration'}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
