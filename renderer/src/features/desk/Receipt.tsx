import { Button, Paper, Stack, Text } from '@mantine/core';
import type { DeskPayment } from '../../../../shared/desk';
import { useFormat } from '../../app/format';

/** A desk payment as the person takes it away: printed from the page (the rest hides in print). */
export function Receipt({ payment, name, workshop }: { payment: DeskPayment; name: string; workshop: string }) {
  const fmt = useFormat();
  return (
    <Paper withBorder p="sm" className="desk-receipt" aria-label="Receipt" component="section">
      <Stack gap={2}>
        <Text fw={700}>Receipt</Text>
        <Text size="sm">{name}</Text>
        <Text size="sm">{workshop}</Text>
        <Text size="sm">
          {fmt.price(payment.amountMinor, payment.currency)} paid by {payment.method}
          {payment.tenderedMinor !== null && ` · handed over ${fmt.price(payment.tenderedMinor, payment.currency)} · change ${payment.changeMinor ? fmt.price(payment.changeMinor, payment.currency) : 'none'}`}
        </Text>
        <Text size="sm">
          {fmt.dateTime(payment.at)} · {payment.station}
          {payment.byName && ` · ${payment.byName}`} · no. {payment.id}
        </Text>
        <Button variant="default" size="compact-sm" onClick={() => window.print()} style={{ alignSelf: 'flex-start' }}>
          Print receipt
        </Button>
      </Stack>
    </Paper>
  );
}
