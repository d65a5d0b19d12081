import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { TICKET_ALPHABET } from '../../../../shared/tickets';
import { unwrap } from '../../lib/query';
import { kioskApi } from './kiosk.api';
import { useKiosk } from './kiosk.store';
import { KioskTitle } from './KioskTitle';

const MAX_TYPED = 20;

/**
 * A scanner types the code and Enter into the focused field; a person types it there or on the
 * keys below. Whatever was typed goes to the main process, which alone judges it (and counts misses).
 */
export function CheckInScreen() {
  const show = useKiosk((s) => s.show);
  const [code, setCode] = useState('');
  const checkIn = useMutation({
    mutationFn: (ticketCode: string) => unwrap(kioskApi.checkIn(ticketCode)),
    onSuccess: (answer) => {
      useKiosk.setState({ checkInResult: answer });
      show({ name: 'checkInResult' }, { replace: true });
    },
  });
  const submit = () => {
    if (code.trim() && !checkIn.isPending) checkIn.mutate(code);
  };
  const type = (s: string) => setCode((c) => (c + s).slice(0, MAX_TYPED));
  return (
    <Stack gap="xl">
      <KioskTitle>Check in</KioskTitle>
      <Text fz={26}>Scan the QR code on your ticket, or type its code.</Text>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="lg">
          <TextInput
            label="Ticket code"
            size="xl"
            autoFocus
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            value={code}
            maxLength={MAX_TYPED}
            onChange={(e) => setCode(e.currentTarget.value.toUpperCase())}
            styles={{ input: { fontSize: 40, letterSpacing: 4, fontFamily: 'monospace', height: 80 }, label: { fontSize: 24 } }}
          />
          <div className="kiosk-keys" role="group" aria-label="On-screen keys">
            {[...TICKET_ALPHABET].map((k) => (
              <Button key={k} size="xl" variant="default" fz={28} onClick={() => type(k)} aria-label={k}>
                {k}
              </Button>
            ))}
          </div>
          <Group grow>
            <Button size="xl" variant="default" onClick={() => setCode((c) => c.slice(0, -1))}>
              Delete
            </Button>
            <Button size="xl" variant="default" onClick={() => setCode('')}>
              Clear
            </Button>
            <Button size="xl" type="submit" loading={checkIn.isPending}>
              Check in
            </Button>
          </Group>
        </Stack>
      </form>
      {checkIn.isError && (
        <Alert color="red" title="Not checked in">
          <Text fz={22}>{checkIn.error.message}</Text>
        </Alert>
      )}
    </Stack>
  );
}
