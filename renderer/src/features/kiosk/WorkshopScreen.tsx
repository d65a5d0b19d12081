import { Alert, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { formatPrice } from '../../../../shared/money';
import { formatWorkshopTime, safeLocale } from '../../../../shared/time';
import { unwrap } from '../../lib/query';
import { kioskApi } from './kiosk.api';
import { useKiosk } from './kiosk.store';
import { KioskTitle } from './KioskTitle';

export function WorkshopScreen({ workshopId, locale: chosen }: { workshopId: string; locale: string | null }) {
  const locale = safeLocale(chosen ?? navigator.language);
  const show = useKiosk((s) => s.show);
  const w = useQuery({ queryKey: ['kiosk-workshop', workshopId], queryFn: () => unwrap(kioskApi.workshop(workshopId)) });
  if (w.isPending) return <Loader size="xl" aria-label="Loading the workshop" />;
  if (w.isError) {
    return (
      <Stack gap="xl">
        <KioskTitle>Workshop not found</KioskTitle>
        <Alert color="red">
          <Text fz={22}>{w.error.message}</Text>
        </Alert>
        <Button size="xl" variant="default" onClick={() => history.back()}>
          Back
        </Button>
      </Stack>
    );
  }
  const d = w.data;
  const started = new Date(d.startsAt).getTime() <= Date.now();
  return (
    <Stack gap="xl">
      <KioskTitle>{d.title}</KioskTitle>
      <Text fz={28}>{d.summary}</Text>
      <Stack gap="xs">
        <Text fz={24}>{formatWorkshopTime(d.startsAt, d.endsAt, d.timeZone, locale)}</Text>
        <Text fz={24}>
          {d.venue}
          {d.address ? `, ${d.address}` : ''}, {d.city}
        </Text>
        <Text fz={24}>With {d.instructor}</Text>
        <Text fz={24}>
          {d.priceMinor > 0 ? `${formatPrice(d.priceMinor, d.currency, locale)}, paid at the front desk` : 'Free'} ·{' '}
          {d.seatsLeft > 0 ? `${d.seatsLeft} of ${d.capacity} seats left` : d.waitlistEnabled ? 'Full — waiting list open' : 'Full'}
        </Text>
        <Text fz={24}>{d.registrationMode === 'manual' ? 'Registration needs approval by the organisers.' : 'Registration is confirmed at once while seats are left.'}</Text>
      </Stack>
      {d.description && (
        <Text fz={22} style={{ whiteSpace: 'pre-line' }}>
          {d.description}
        </Text>
      )}
      <Group grow>
        <Button size="xl" variant="default" onClick={() => history.back()}>
          Back
        </Button>
        <Button size="xl" disabled={started} onClick={() => show({ name: 'register', workshopId })}>
          {started ? 'Registration closed' : 'Register'}
        </Button>
      </Group>
    </Stack>
  );
}
