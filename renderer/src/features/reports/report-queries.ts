import { useQuery } from '@tanstack/react-query';
import type { ReportFilters } from '../../../../shared/reports';
import { unwrap } from '../../lib/query';
import { reportsApi } from './reports.api';

/** Report figures are server state: cached per filter set, read again when the filters change. */
export const useFill = (f: ReportFilters, enabled: boolean) => useQuery({ queryKey: ['reports', 'fill', f], queryFn: () => unwrap(reportsApi.fill(f)), enabled });
export const useMoney = (f: ReportFilters, enabled: boolean) => useQuery({ queryKey: ['reports', 'money', f], queryFn: () => unwrap(reportsApi.money(f)), enabled });
export const useAttendance = (f: ReportFilters) => useQuery({ queryKey: ['reports', 'attendance', f], queryFn: () => unwrap(reportsApi.attendance(f)) });
export const useRegistrationsOverTime = (f: ReportFilters, per: 'day' | 'week', enabled: boolean) =>
  useQuery({ queryKey: ['reports', 'registrations', f, per], queryFn: () => unwrap(reportsApi.registrations({ ...f, per })), enabled });
export const useArrivals = (f: ReportFilters) => useQuery({ queryKey: ['reports', 'arrivals', f], queryFn: () => unwrap(reportsApi.arrivals(f)) });
export const useFilterOptions = () => useQuery({ queryKey: ['reports', 'filterOptions'], queryFn: () => unwrap(reportsApi.filterOptions()), staleTime: 60_000 });
