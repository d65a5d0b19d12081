import { Alert, Button, Card, Group, Loader, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { formatPrice } from '../../../../shared/money';
import { formatWorkshopTime, safeLocale } from '../../../../shared/time';
import type { SearchWorkshopsInput } from '../../../../shared/workshops';
import { unwrap } from '../../lib/query';
import { kioskApi } from './kiosk.api';
import { useKiosk } from './kiosk.store';
import { KioskTitle } from './KioskTitle';

const localToday = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** The catalogue's own search and filters, with kiosk-sized controls: today's and upcoming published workshops. */
export function FindScreen({ locale: chosen }: { locale: string | null }) {
  const locale = safeLocale(chosen ?? navigator.language);
  const search = useKiosk((s) => s.search);
  const show = useKiosk((s) => s.show);
  const set = (patch: Partial<typeof search>) => useKiosk.setState({ search: { ...search, ...patch } });
  const [q] = useDebouncedValue(search.q.trim(), 250);
  const options = useQuery({ queryKey: ['kiosk-filters'], queryFn: () => unwrap(kioskApi.filterOptions()) });
  const today = localToday();
  const input: SearchWorkshopsInput = {
    q: q || undefined,
    categoryIds: search.categoryId ? [search.categoryId] : undefined,
    ...(search.when === 'today' ? { from: today, to: today } : {}),
    freeOnly: search.freeOnly || undefined,
    sort: q ? 'relevance' : 'soonest',
    limit: 30,
  };
  const results = useQuery({ queryKey: ['kiosk-search', input], queryFn: () => unwrap(kioskApi.search(input)) });
  const toggle = (pressed: boolean) => ({ variant: pressed ? 'filled' : 'default', 'aria-pressed': pressed }) as const;

  return (
    <Stack gap="xl">
      <KioskTitle>Find a workshop</KioskTitle>
      <TextInput
        label="Search"
        placeholder="Title, topic, instructor or tag"
        size="xl"
        value={search.q}
        onChange={(e) => set({ q: e.currentTarget.value })}
        styles={{ label: { fontSize: 24 }, input: { fontSize: 26 } }}
      />
      <Stack gap="sm" component="section" aria-label="Filters">
        <Group gap="md">
          <Button size="xl" {...toggle(search.when === 'today')} onClick={() => set({ when: 'today' })}>
            Today
          </Button>
          <Button size="xl" {...toggle(search.when === 'upcoming')} onClick={() => set({ when: 'upcoming' })}>
            Upcoming
          </Button>
          <Button size="xl" {...toggle(search.freeOnly)} onClick={() => set({ freeOnly: !search.freeOnly })}>
            Free only
          </Button>
        </Group>
        {options.data && options.data.categories.length > 0 && (
          <Group gap="md" role="group" aria-label="Category">
            <Button size="lg" {...toggle(search.categoryId === null)} onClick={() => set({ categoryId: null })}>
              All categories
            </Button>
            {options.data.categories.map((c) => (
              <Button key={c.id} size="lg" {...toggle(search.categoryId === c.id)} onClick={() => set({ categoryId: search.categoryId === c.id ? null : c.id })}>
                {c.name}
              </Button>
            ))}
          </Group>
        )}
      </Stack>
      <Group justify="space-between">
        <Text fz={24} aria-live="polite">
          {results.data ? `${results.data.total} workshop${results.data.total === 1 ? '' : 's'}` : 'Searching…'}
        </Text>
        {results.isFetching && <Loader size="sm" aria-label="Searching" />}
      </Group>
      {results.data?.textMatch === 'fuzzy' && (
        <Alert color="yellow">
          <Text fz={22}>
            No exact match for “{q}”. Showing results for “{results.data.searchedFor}”.
          </Text>
        </Alert>
      )}
      {results.isError && (
        <Alert color="red">
          <Text fz={22}>{results.error.message}</Text>
        </Alert>
      )}
      {results.data?.items.length === 0 && (
        <Alert color="gray">
          <Text fz={22}>No workshop matches. Try another word, or remove a filter.</Text>
        </Alert>
      )}
      <Stack gap="lg">
        {results.data?.items.map((w) => (
          <Card key={w.id} withBorder padding="lg" component="article" aria-labelledby={`kiosk-w-${w.id}`}>
            <Stack gap="xs">
              <Title order={2} fz={32} id={`kiosk-w-${w.id}`}>
                {w.title}
              </Title>
              <Text fz={22}>{formatWorkshopTime(w.startsAt, w.endsAt, w.timeZone, locale)}</Text>
              <Text fz={22}>
                {w.venue}, {w.city} · {w.priceMinor > 0 ? formatPrice(w.priceMinor, w.currency, locale) : 'Free'} · {w.seatsLeft > 0 ? `${w.seatsLeft} seat${w.seatsLeft === 1 ? '' : 's'} left` : 'Full'}
              </Text>
              <Button size="xl" mt="sm" onClick={() => show({ name: 'workshop', workshopId: w.id })} aria-describedby={`kiosk-w-${w.id}`}>
                See details and register
              </Button>
            </Stack>
          </Card>
        ))}
      </Stack>
    </Stack>
  );
}
