import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { searchFilterErrors, type SearchResult } from '../../../../shared/workshops';
import { unwrap } from '../../lib/query';
import { workshopsApi } from '../workshops/workshops.api';
import { useCatalogue } from './catalogue.store';

const PAGE = 20;

/**
 * The catalogue's results for the current filters, page after page ("Show more"). Cached per filter
 * set, so coming back from a workshop shows the same results at once; a price range or dates the
 * wrong way round search nothing (the filter column says so beside the field) and the last results
 * stay.
 */
export function useCatalogueResults() {
  const filters = useCatalogue((s) => s.filters);
  const valid = Object.keys(searchFilterErrors(filters)).length === 0;
  const q = useInfiniteQuery({
    queryKey: ['catalogue', filters],
    queryFn: ({ pageParam }) => unwrap(workshopsApi.search({ ...filters, limit: PAGE, ...(pageParam ? { after: pageParam } : {}) })),
    initialPageParam: null as string | null,
    getNextPageParam: (last: SearchResult) => last.nextCursor,
    enabled: valid,
    placeholderData: keepPreviousData,
  });
  const pages = q.data?.pages ?? [];
  const first = pages[0];
  return {
    items: pages.flatMap((p) => p.items),
    total: pages.at(-1)?.total ?? 0,
    facets: first?.facets ?? { categories: [], cities: [] },
    textMatch: first?.textMatch ?? 'none',
    searchedFor: first?.searchedFor ?? null,
    textSearch: first?.textSearch ?? 'full-text + fuzzy',
    hasMore: q.hasNextPage,
    loading: q.isFetching,
    loaded: q.isSuccess,
    error: q.error,
    loadMore: () => q.fetchNextPage(),
  };
}

/** What the filter column offers (categories, cities, tags, currencies in use). */
export const useFilterOptions = () => useQuery({ queryKey: ['catalogue-options'], queryFn: () => unwrap(workshopsApi.filterOptions()) });
