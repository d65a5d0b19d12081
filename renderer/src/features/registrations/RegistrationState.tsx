import { Alert, Badge, Stack, Text } from '@mantine/core';
import { paymentInWords, statusInWords, type Registration } from '../../../../shared/registrations';
import { TicketView } from './TicketView';
import { useFormat } from '../../app/format';

const COLORS = { pending: 'grape', confirmed: 'teal', waitlisted: 'orange', rejected: 'gray', cancelled: 'gray' } as const;

export function StatusBadge({ r }: { r: Registration }) {
  return (
    <Badge color={COLORS[r.status]} variant="light" size="lg">
      {statusInWords(r)}
    </Badge>
  );
}

/** What a person's registration means right now, and what happens next, in plain words. */
export function RegistrationState({ r, showTicket = true }: { r: Registration; showTicket?: boolean }) {
  const format = useFormat();
  const next = {
    pending: 'An organiser will look at your request. It does not hold a seat until it is approved.',
    confirmed: 'Your seat is reserved.',
    waitlisted: r.registrationMode === 'automatic' ? 'If a seat frees up, you get it automatically and your ticket appears here.' : 'If a seat frees up, an organiser can give it to you.',
    rejected: r.rejectReason ? `Reason: ${r.rejectReason}` : '',
    cancelled: r.cancelReason ?? '',
  }[r.status];
  return (
    <Stack gap="xs">
      <StatusBadge r={r} />
      {next && <Text size="sm">{next}</Text>}
      {r.amountDueMinor > 0 && (
        <Text size="sm">
          {format.price(r.amountDueMinor, r.currency)} · {paymentInWords(r)}
        </Text>
      )}
      {r.status === 'cancelled' && r.paymentStatus === 'paid' && <Alert color="yellow">A refund is due to you; the organiser will arrange it.</Alert>}
      {showTicket && r.status === 'confirmed' && r.ticketCode && <TicketView code={r.ticketCode} />}
    </Stack>
  );
}
