import { Alert, Button, Stack, Text } from '@mantine/core';
import type { KioskStatus } from '../../../../shared/kiosk';
import { safeLocale } from '../../../../shared/time';
import { TicketView } from '../registrations/TicketView';
import { useKiosk } from './kiosk.store';
import { checkInInWords, registrationInWords, type Said } from './kioskWords';
import { KioskTitle } from './KioskTitle';
import { endVisit } from './visit';

const COLOR: Record<Said['tone'], string> = { ok: 'green', info: 'blue', stop: 'orange' };

function Result({ said, children }: { said: Said; children?: React.ReactNode }) {
  return (
    <Stack gap="xl" role="status">
      <KioskTitle>{said.title}</KioskTitle>
      <Alert color={COLOR[said.tone]} variant="light">
        <Text fz={30}>{said.body}</Text>
        {said.askDesk && (
          <Text fz={30} fw={700} mt="md">
            Ask at the front desk.
          </Text>
        )}
      </Alert>
      {children}
      <Button size="xl" onClick={() => void endVisit()}>
        Done
      </Button>
    </Stack>
  );
}

export function CheckInResultScreen({ status }: { status: KioskStatus }) {
  const answer = useKiosk((s) => s.checkInResult);
  if (!answer) return null;
  return <Result said={checkInInWords(answer, safeLocale(status.locale ?? navigator.language))} />;
}

export function RegistrationResultScreen({ status }: { status: KioskStatus }) {
  const r = useKiosk((s) => s.registrationResult);
  if (!r) return null;
  return <Result said={registrationInWords(r, safeLocale(status.locale ?? navigator.language))}>{r.ticketCode && <TicketView code={r.ticketCode} label={`Your ticket for ${r.workshop.title}`} />}</Result>;
}
