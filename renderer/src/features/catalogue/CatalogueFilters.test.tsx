// @vitest-environment happy-dom
import '../../../test/setup-dom';
import { MantineProvider } from '@mantine/core';
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
    const { calls } = fakeApi({ 'workshops:filterOptions': () => ok({ categories: [], cities: [], tags: [] }), 'workshops:search': () => ok(empty) });
    render(
      <MantineProvider>
        <CatalogueFilters />
      </MantineProvider>,
    );
    const searches = () => calls.filter((c) => c.channel === 'workshops:search').map((c) => c.input as InputOf<'workshops:search'>);

    await userEvent.type(screen.getByLabelText('Price up to'), '20');
    await userEvent.type(screen.getByLabelText('Price from'), '50');
    expect(await screen.findByText('The minimum price is above the maximum.')).toBeTruthy();
    expect(searches().some((s) => (s.priceMin ?? 0) > (s.priceMax ?? Infinity))).toBe(false);

    await userEvent.clear(screen.getByLabelText('Price from'));
    await userEvent.type(screen.getByLabelText('Price from'), '5');
    await waitFor(() => expect(searches().at(-1)).toMatchObject({ priceMin: 500, priceMax: 2000 }));
    expect(screen.queryByText('The minimum price is above the maximum.')).toBeNull();
  });
});
