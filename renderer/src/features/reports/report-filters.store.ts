import { create } from 'zustand';
import type { ReportFilters } from '../../../../shared/reports';

const today = () => new Date().toISOString().slice(0, 10);
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

interface FiltersState {
  filters: ReportFilters;
  set(patch: Partial<ReportFilters>): void;
}

/** The filters stay as chosen while the person moves between pages (UI state, not server state). */
export const useReportFilters = create<FiltersState>((set) => ({
  filters: { from: daysAgo(30), to: today() },
  set: (patch) => set((s) => ({ filters: { ...s.filters, ...patch } })),
}));
