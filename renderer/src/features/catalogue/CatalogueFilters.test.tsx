// @vitest-environment happy-dom
import '../../../test/setup-dom';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { InputOf } from '../../../../shared/ipc/contract';
import type { SearchResult } from '../../../../shared/workshops';
import { fakeApi, ok } from '../../../test/fake-api';
import { CatalogueFilters } from './CatalogueFilters';
import { EMPTY_FILTERS, useCatalogue } from './catalogue.store';

const empty: SearchResult = { items: [], total: 0, nextCursor: null, facets: { categories: [], cities: [] }, textMatch: 'none', searchedFor: null, textSearch: 'full-text + fuzzy' };

describe('CatalogueFilters', () => {
  afterEach(() => {
    cleanup();
    useCatalogue.setState({ filters: EMPTY_FILTERS });
  });

  it('filters by a price range, and says so beside the field when it is the wrong way round instead of searching', async () => {
    const { calls } = fakeApi({ 'workshops:filterOptions': () => ok({ categories: [], cities: [], tags: [], currencies: ['EUR'] }), 'workshops:search': () => ok(empty) });
    render(
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <MantineProvider>
          <CatalogueFilters />
        </MantineProvider>
      </QueryClientProvider>,
    );
    const searches = () => calls.filter((c) => c.channel === 'workshops:search').map((c) => c.input as InputOf<'workshops:search'>);

    await userEvent.type(screen.getByLabelText('Price up to'), '20');
    await userEvent.type(screen.getByLabelText('Price from'), '50');
    expect(await screen.findByText('The minimum price is above the maximum.')).toBeTruthy();
    expect(searches().some((s) => (s.priceMin ?? 0) > (s.priceMax ?? Infinity))).toBe(false);

    await userEvent.clear(screen.getByLabelText('Price from'));
    await userEvent.type(screen.getByLabelText('Price from'), '5');
    await waitFor(() => expect(searches().at(-1)).toMatchObject({ priceMin: 500, priceMax: 2000, currency: 'EUR' }));
    expect(screen.queryByText('The minimum price is above the maximum.')).toBeNull();
    expect(screen.getByText('In EUR')).toBeTruthy();
  });

  it('filters prices in one chosen currency when the catalogue has several, the most used first', async () => {
    const { calls } = fakeApi({ 'workshops:filterOptions': () => ok({ categories: [], cities: [], tags: [], currencies: ['EUR', 'USD', 'JPY'] }), 'workshops:search': () => ok(empty) });
    render(
      // Test mode: dropdowns open without the transitions happy-dom never finishes.
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <MantineProvider env="test">
          <CatalogueFilters />
        </MantineProvider>
      </QueryClientProvider>,
    );
    const last = () => calls.filter((c) => c.channel === 'workshops:search').at(-1)?.input as InputOf<'workshops:search'> | undefined;
    const currency = await screen.findByRole('combobox', { name: 'Prices in' });
    expect((currency as HTMLInputElement).value).toBe('EUR');
    await userEvent.type(screen.getByLabelText('Price up to'), '40');
    await waitFor(() => expect(last()).toMatchObject({ priceMax: 4000, currency: 'EUR' }));

    await userEvent.click(currency);
    await userEvent.click(await screen.findByRole('option', { name: 'JPY' }));
    // Yen have no minor unit: 40 is ¥40, not 4000 "cents".
    await waitFor(() => expect(last()).toMatchObject({ priceMax: 40, currency: 'JPY' }));
  });
});
