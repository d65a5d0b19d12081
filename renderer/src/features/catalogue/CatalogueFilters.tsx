import { Button, Checkbox, Group, MultiSelect, NumberInput, SegmentedControl, Select, Stack, Switch, Text } from '@mantine/core';
import { CURRENCIES, type Currency } from '../../../../shared/money';
import { searchFilterErrors, type FilterOptions } from '../../../../shared/workshops';
import { useCatalogue } from './catalogue.store';
import { useCatalogueResults, useFilterOptions } from './catalogue.queries';
import { DateField } from '../../app/DateFields';

/** The filter column. Facet counts beside categories and cities reflect the other filters. */
export function CatalogueFilters() {
  const { filters, setFilters, reset } = useCatalogue();
  const { facets } = useCatalogueResults();
  const options: FilterOptions = useFilterOptions().data ?? { categories: [], cities: [], tags: [], currencies: [] };

  const toggle = (list: string[] | undefined, value: string, on: boolean) => {
    const next = new Set(list ?? []);
    if (on) next.add(value);
    else next.delete(value);
    return [...next];
  };
  const errors = searchFilterErrors(filters);
  // A price range is in one currency: the chosen one, else the catalogue's most used.
  const currency: Currency = filters.currency ?? options.currencies[0] ?? 'EUR';
  const several = options.currencies.length > 1;
  const digits = CURRENCIES[currency];
  const money = (minor: number | undefined) => (minor !== undefined ? minor / 10 ** digits : '');
  const toMinor = (v: string | number) => (typeof v === 'number' ? Math.round(v * 10 ** digits) : undefined);
  const setPrice = (patch: { priceMin?: number; priceMax?: number }) => setFilters({ ...patch, currency: options.currencies.length ? currency : undefined });
  const catCount = (id: string) => facets.categories.find((c) => c.id === id)?.count ?? 0;
  const cityCount = (city: string) => facets.cities.find((c) => c.city === city)?.count ?? 0;

  return (
    <Stack gap="md" component="section" aria-label="Filters">
      <div>
        <Text fw={600} size="sm" mb={4}>
          Category
        </Text>
        <Stack gap={4}>
          {options.categories.map((c) => (
            <Checkbox
              key={c.id}
              label={`${c.name} (${catCount(c.id)})`}
              checked={filters.categoryIds?.includes(c.id) ?? false}
              onChange={(e) => setFilters({ categoryIds: toggle(filters.categoryIds, c.id, e.currentTarget.checked) })}
            />
          ))}
        </Stack>
      </div>
      <div>
        <Text fw={600} size="sm" mb={4}>
          City
        </Text>
        <Stack gap={4}>
          {options.cities.map((city) => (
            <Checkbox
              key={city}
              label={`${city} (${cityCount(city)})`}
              checked={filters.cities?.includes(city) ?? false}
              onChange={(e) => setFilters({ cities: toggle(filters.cities, city, e.currentTarget.checked) })}
            />
          ))}
        </Stack>
      </div>
      <DateField label="From" placeholder="Any date" value={filters.from ?? null} error={errors.from} onChange={(from) => setFilters({ from: from ?? undefined })} />
      <DateField label="To" placeholder="Any date" value={filters.to ?? null} onChange={(to) => setFilters({ to: to ?? undefined })} />
      <Switch label="Free only" checked={filters.freeOnly ?? false} onChange={(e) => setFilters({ freeOnly: e.currentTarget.checked || undefined })} />
      <div>
        <Group gap="xs" grow align="flex-start">
          <NumberInput label="Price from" min={0} decimalScale={digits} value={money(filters.priceMin)} error={errors.priceMin} onChange={(v) => setPrice({ priceMin: toMinor(v) })} disabled={filters.freeOnly} />
          <NumberInput label="Price up to" min={0} decimalScale={digits} value={money(filters.priceMax)} onChange={(v) => setPrice({ priceMax: toMinor(v) })} disabled={filters.freeOnly} />
        </Group>
        {several ? (
          <Select
            mt="xs"
            label="Prices in"
            data={options.currencies}
            value={currency}
            allowDeselect={false}
            disabled={filters.freeOnly}
            onChange={(c) => {
              // The amounts typed stay as typed ("40"), now in the other currency's minor units.
              const next = (c as Currency | null) ?? currency;
              const convert = (minor: number | undefined) => (minor === undefined ? undefined : Math.round((minor / 10 ** digits) * 10 ** CURRENCIES[next]));
              setFilters({ currency: next, priceMin: convert(filters.priceMin), priceMax: convert(filters.priceMax) });
            }}
            description="Workshops priced in other currencies are left out; free ones stay."
          />
        ) : (
          <Text size="xs" c="dimmed" mt={4}>
            In {currency}
          </Text>
        )}
      </div>
      <MultiSelect label="Tags" data={options.tags} searchable clearable value={filters.tags ?? []} onChange={(tags) => setFilters({ tags })} />
      {(filters.tags?.length ?? 0) > 1 && (
        <SegmentedControl
          aria-label="Tag matching"
          data={[
            { value: 'any', label: 'Any tag' },
            { value: 'all', label: 'All tags' },
          ]}
          value={filters.tagMode ?? 'any'}
          onChange={(v) => setFilters({ tagMode: v as 'any' | 'all' })}
        />
      )}
      <Switch label="Has seats left" checked={filters.hasSeats ?? false} onChange={(e) => setFilters({ hasSeats: e.currentTarget.checked || undefined })} />
      <Select
        label="Registration"
        placeholder="Any"
        clearable
        data={[
          { value: 'automatic', label: 'Instant confirmation' },
          { value: 'manual', label: 'Needs approval' },
        ]}
        value={filters.mode ?? null}
        onChange={(v) => setFilters({ mode: (v as 'automatic' | 'manual' | null) ?? undefined })}
      />
      <Switch label="Include past workshops" checked={filters.includePast ?? false} onChange={(e) => setFilters({ includePast: e.currentTarget.checked })} />
      <Button variant="subtle" onClick={reset}>
        Clear all filters
      </Button>
    </Stack>
  );
}
