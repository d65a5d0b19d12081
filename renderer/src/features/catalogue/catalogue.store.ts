import { create } from 'zustand';
import type { InputOf } from '../../../../shared/ipc/contract';
import { searchFilterErrors, type SearchResult, type WorkshopCard } from '../../../../shared/workshops';
import { handleResult } from '../../lib/notify';
import { workshopsApi } from '../workshops/workshops.api';

export type CatalogueFilters = Omit<InputOf<'workshops:search'>, 'after' | 'limit'>;

export const EMPTY_FILTERS: CatalogueFilters = { tagMode: 'any' };
const PAGE = 20;

interface CatalogueState {
  filters: CatalogueFilters;
  items: WorkshopCard[];
  total: number;
  facets: SearchResult['facets'];
  textMatch: SearchResult['textMatch'];
  searchedFor: string | null;
  textSearch: SearchResult['textSearch'];
  nextCursor: string | null;
  loading: boolean;
  /** Set once a search ran: coming back from a workshop shows the same results without reloading. */
  loaded: boolean;
  setFilters(patch: Partial<CatalogueFilters>): void;
  reset(): void;
  search(): Promise<void>;
  loadMore(): Promise<void>;
}

let seq = 0;

/** Filters, search and results live here, so they survive opening a workshop and coming back. */
export const useCatalogue = create<CatalogueState>((set, get) => ({
  filters: EMPTY_FILTERS,
  items: [],
  total: 0,
  facets: { categories: [], cities: [] },
  textMatch: 'none',
  searchedFor: null,
  textSearch: 'full-text + fuzzy',
  nextCursor: null,
  loading: false,
  loaded: false,
  setFilters: (patch) => {
    set({ filters: { ...get().filters, ...patch } });
    void get().search();
  },
  reset: () => {
    set({ filters: EMPTY_FILTERS });
    void get().search();
  },
  search: async () => {
    const mine = ++seq;
    // A price range or dates the wrong way round: the filter column says so beside the field.
    if (Object.keys(searchFilterErrors(get().filters)).length) return;
    set({ loading: true });
    const r = handleResult(await workshopsApi.search({ ...get().filters, limit: PAGE }));
    if (mine !== seq) return; // a newer search superseded this one while typing
    set({ loading: false, loaded: true });
    if (r) set({ items: r.items, total: r.total, facets: r.facets, textMatch: r.textMatch, searchedFor: r.searchedFor, textSearch: r.textSearch, nextCursor: r.nextCursor });
  },
  loadMore: async () => {
    const { nextCursor, filters } = get();
    if (!nextCursor) return;
    set({ loading: true });
    const r = handleResult(await workshopsApi.search({ ...filters, limit: PAGE, after: nextCursor }));
    set({ loading: false });
    if (r) set({ items: [...get().items, ...r.items], nextCursor: r.nextCursor, total: r.total });
  },
}));
