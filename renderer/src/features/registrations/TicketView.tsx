import { Button, Group, Image, Paper, Stack, Text } from '@mantine/core';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { formatTicketCode } from '../../../../shared/tickets';

/** The ticket code, large and typable, with its QR code for the desk and kiosk scanners. */
export function TicketView({ code, label }: { code: string; label?: string }) {
  const [qr, setQr] = useState<string | null>(null);
  useEffect(() => {
    void QRCode.toDataURL(code, { margin: 1, width: 160, errorCorrectionLevel: 'M' }).then(setQr);
  }, [code]);
  return (
    <Paper withBorder p="md" className="ticket">
      <Group align="center" gap="lg">
        {qr && <Image src={qr} alt={`QR code of ticket ${formatTicketCode(code)}`} w={120} h={120} />}
        <Stack gap={2}>
          <Text size="sm" c="dimmed">
            {label ?? 'Your ticket'}
          </Text>
          <Text ff="monospace" fz={28} fw={700} data-testid="ticket-code" style={{ letterSpacing: 2 }}>
            {formatTicketCode(code)}
          </Text>
          <Text size="xs" c="dimmed">
            Show this at the desk or scan it at the kiosk.
          </Text>
          <Button variant="subtle" size="compact-sm" onClick={() => window.print()} style={{ alignSelf: 'flex-start' }}>
            Print ticket
          </Button>
        </Stack>
      </Group>
    </Paper>
  );
}
