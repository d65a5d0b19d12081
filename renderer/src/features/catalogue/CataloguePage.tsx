import { Alert, Grid, Group, Loader, Select, Stack, Text, TextInput } from '@mantine/core';
import { PageTitle } from '../../app/PageTitle';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';
import type { WorkshopSort } from '../../../../shared/workshops';
import { useNav } from '../../app/navigation';
import { CatalogueCard } from './CatalogueCard';
import { CatalogueFilters } from './CatalogueFilters';
import { useCatalogue } from './catalogue.store';
import { useCatalogueResults } from './catalogue.queries';
import { BusyButton } from '../../app/BusyButton';

const SORT_OPTIONS: { value: WorkshopSort; label: string }[] = [
  { value: 'relevance', label: 'Best match' },
  { value: 'soonest', label: 'Soonest' },
  { value: 'price', label: 'Lowest price' },
  { value: 'newest', label: 'Newest' },
  { value: 'popular', label: 'Most popular' },
];

export function CataloguePage() {
  const { filters, setFilters } = useCatalogue();
  const { items, total, textMatch, searchedFor, textSearch, hasMore, loading, loaded, error, loadMore } = useCatalogueResults();
  const go = useNav((s) => s.go);
  const [text, setText] = useState(filters.q ?? '');
  const applyText = useDebouncedCallback((q: string) => setFilters({ q: q || undefined }), 250);

  return (
    <Stack>
      <PageTitle>Browse workshops</PageTitle>
      <Group align="flex-end">
        <TextInput
          aria-label="Search workshops"
          placeholder="Search by title, topic, instructor or tag"
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            applyText(e.currentTarget.value);
          }}
          style={{ flex: 1 }}
          size="md"
          autoFocus
        />
        <Select
          aria-label="Sort by"
          data={SORT_OPTIONS.filter((o) => o.value !== 'relevance' || filters.q)}
          value={filters.sort ?? (filters.q ? 'relevance' : 'soonest')}
          onChange={(v) => setFilters({ sort: (v as WorkshopSort) ?? undefined })}
          allowDeselect={false}
          w={180}
          size="md"
        />
      </Group>
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 3 }}>
          <CatalogueFilters />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 9 }}>
          <Stack>
            <Group justify="space-between">
              <Text c="dimmed" aria-live="polite">
                {loading && !items.length ? 'Searching…' : `${total} workshop${total === 1 ? '' : 's'}`}
              </Text>
              {loading && <Loader size="xs" />}
            </Group>
            {textMatch === 'fuzzy' && (
              <Alert color="yellow">
                No exact match for “{filters.q}”. Showing results for “{searchedFor}”.
              </Alert>
            )}
            {loaded && !loading && items.length === 0 && (
              <Alert color="gray">
                No workshop matches these filters. Try removing one.
                {filters.q && textSearch === 'full-text only' && ' This database cannot correct spelling (pg_trgm is not installed): check the words in the search box.'}
              </Alert>
            )}
            {items.map((w) => (
              <CatalogueCard key={w.id} w={w} onOpen={() => go('workshop', { workshopId: w.id })} />
            ))}
            {error && <Alert color="red" title="The search could not be run">{error.message}</Alert>}
            {hasMore && (
              <BusyButton variant="default" onClick={() => loadMore()} busy={loading}>
                Show more
              </BusyButton>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
