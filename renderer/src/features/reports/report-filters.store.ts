import { create } from 'zustand';
import type { ReportFilters } from '../../../../shared/reports';

const fromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

interface FiltersState {
  filters: ReportFilters;
  set(patch: Partial<ReportFilters>): void;
}

/** The filters stay as chosen while the person moves between pages (UI state, not server state). */
export const useReportFilters = create<FiltersState>((set) => ({
  // The last month and the next two: what has happened and what is coming.
  filters: { from: fromToday(-30), to: fromToday(60) },
  set: (patch) => set((s) => ({ filters: { ...s.filters, ...patch } })),
}));
