import { create } from 'zustand';
import type { InputOf } from '../../../../shared/ipc/contract';

export type CatalogueFilters = Omit<InputOf<'workshops:search'>, 'after' | 'limit'>;

export const EMPTY_FILTERS: CatalogueFilters = { tagMode: 'any' };

interface CatalogueState {
  filters: CatalogueFilters;
  setFilters(patch: Partial<CatalogueFilters>): void;
  reset(): void;
}

/**
 * The filters (UI state), kept here so they survive opening a workshop and coming back; the results
 * are server state, in react-query (catalogue.queries.ts), cached under these filters.
 */
export const useCatalogue = create<CatalogueState>((set, get) => ({
  filters: EMPTY_FILTERS,
  setFilters: (patch) => set({ filters: { ...get().filters, ...patch } }),
  reset: () => set({ filters: EMPTY_FILTERS }),
}));
