import { Badge, Group } from '@mantine/core';
import { MODE_LABELS, STATUS_LABELS, type WorkshopCard } from '../../../../shared/workshops';
import { useFormat } from '../../app/format';

/** Seats in plain words: "5 seats left", "Full — waiting list open", "Full". */
export function seatsLabel(w: Pick<WorkshopCard, 'seatsLeft' | 'capacity' | 'waitlistEnabled'>): string {
  if (w.seatsLeft > 0) return `${w.seatsLeft} of ${w.capacity} seats left`;
  return w.waitlistEnabled ? 'Full — waiting list open' : 'Full';
}

export function WorkshopBadges({ w, showStatus = false }: { w: WorkshopCard; showStatus?: boolean }) {
  const format = useFormat();
  return (
    <Group gap={6}>
      {showStatus && w.status !== 'published' && <Badge color={w.status === 'cancelled' ? 'red' : 'gray'}>{STATUS_LABELS[w.status]}</Badge>}
      <Badge variant="light" color={w.priceMinor === 0 ? 'teal' : 'indigo'}>
        {format.price(w.priceMinor, w.currency)}
      </Badge>
      <Badge variant="light" color={w.seatsLeft > 0 ? 'green' : 'orange'}>
        {seatsLabel(w)}
      </Badge>
      <Badge variant="outline" color={w.registrationMode === 'manual' ? 'grape' : 'blue'}>
        {MODE_LABELS[w.registrationMode]}
      </Badge>
    </Group>
  );
}
