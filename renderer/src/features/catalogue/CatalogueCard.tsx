import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import type { WorkshopCard } from '../../../../shared/workshops';
import { useFormat } from '../../app/format';
import { WorkshopBadges } from '../workshops/WorkshopBadges';

/**
 * One search result: an article named by its title, whose link says where it leads and is described
 * by the facts people choose by (when, where, price, seats, how to register), so a screen reader
 * announces them with the link. The link covers the whole card for pointer users.
 */
export function CatalogueCard({ w, onOpen }: { w: WorkshopCard; onOpen: () => void }) {
  const format = useFormat();
  const titleId = useId();
  const detailsId = useId();
  return (
    <Card withBorder padding="md" component="article" aria-labelledby={titleId} className="card-with-link">
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Title order={2} size="h4">
            <Anchor
              href={`#workshop-${w.id}`}
              id={titleId}
              aria-describedby={detailsId}
              className="card-link"
              c="inherit"
              onClick={(e) => {
                e.preventDefault();
                onOpen();
              }}
            >
              {w.title}
            </Anchor>
          </Title>
          <Text size="sm" c="dimmed">
            {w.categoryName}
          </Text>
        </Group>
        <Stack gap={6} id={detailsId}>
          <Text size="sm">{format.workshopTime(w.startsAt, w.endsAt, w.timeZone)}</Text>
          <Text size="sm" c="dimmed">
            {w.city} · {w.venue}
            {w.instructor ? ` · with ${w.instructor}` : ''}
          </Text>
          {w.summary && <Text size="sm">{w.summary}</Text>}
          <WorkshopBadges w={w} />
        </Stack>
      </Stack>
    </Card>
  );
}
