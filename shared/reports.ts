import { z } from 'zod';
import { calendarDate, idText, text } from './text';
import { isValidTimeZone } from './time';

/**
 * What every report is narrowed by. Dates are calendar days in each workshop's own zone: a workshop
 * at 23:30 in Auckland on the 5th counts on the 5th, whatever the zone of the station asking.
 */
const filterFields = {
  from: calendarDate(),
  to: calendarDate(),
  categoryId: idText('Choose a category.').optional(),
  city: text().trim().min(1).max(100).optional(),
  workshopId: idText('Choose a workshop.').optional(),
};
const fromBeforeTo = (v: { from: string; to: string }) => v.from <= v.to;
const RANGE_MESSAGE = { message: 'The end date must not be before the start date.', path: ['to'] };

export const reportFiltersInput = z.object(filterFields).strict().refine(fromBeforeTo, RANGE_MESSAGE);
export type ReportFilters = z.output<typeof reportFiltersInput>;

export const registrationsOverTimeInput = z
  .object({ ...filterFields, per: z.enum(['day', 'week']).default('day') })
  .strict()
  .refine(fromBeforeTo, RANGE_MESSAGE);

/** Arrivals for one workshop, or for every workshop starting on one day (`from` = `to`). */
export const arrivalsInput = z
  .object(filterFields)
  .strict()
  .refine((v) => !!v.workshopId || v.from === v.to, { message: 'Choose one workshop or one day (the same start and end date).', path: ['to'] });

export interface FillRow {
  workshopId: string;
  title: string;
  startsAt: string;
  timeZone: string;
  category: string;
  city: string;
  status: string;
  capacity: number;
  confirmed: number;
  pending: number;
  waitlisted: number;
  /** Everyone who was ever on the waiting list, and how many of them got a seat from it. */
  waited: number;
  waitedGotSeat: number;
}

/** Money in one currency, in minor units. Never added across currencies. */
export interface MoneyFigures {
  currency: string;
  /** What confirmed seats cost in all. */
  dueMinor: number;
  /** Taken, less desk payments undone; refunds are counted apart. */
  paidMinor: number;
  /** Confirmed and still unpaid. */
  outstandingMinor: number;
  refundedMinor: number;
  waivedMinor: number;
}

export interface MoneyReport {
  byWorkshop: (MoneyFigures & { workshopId: string; title: string; startsAt: string })[];
  byCategory: (MoneyFigures & { category: string })[];
  /** 'YYYY-MM' of the workshop's start in its zone. */
  byMonth: (MoneyFigures & { month: string })[];
  methods: { currency: string; method: string; payments: number; amountMinor: number }[];
}

export interface AttendanceFigures {
  confirmed: number;
  checkedIn: number;
  /** Share of confirmed people who did not come, once the workshop has ended; null before. */
  noShowRate: number | null;
}

export interface AttendanceReport {
  byWorkshop: (AttendanceFigures & { workshopId: string; title: string; startsAt: string; ended: boolean })[];
  /** Ended workshops only: a running one has no no-shows yet. */
  byCategory: (AttendanceFigures & { category: string })[];
  byCity: (AttendanceFigures & { city: string })[];
}

export interface RegistrationsOverTimeRow {
  /** First day of the period, in the workshops' own zones ('YYYY-MM-DD'; weeks start on Monday). */
  period: string;
  status: string;
  count: number;
}

export interface ArrivalBucket {
  /** Start of the 5-minute bucket, in minutes from the workshop's start (-15 = 15 to 10 minutes early). */
  offsetMinutes: number;
  checkIns: number;
}

export interface ArrivalsReport {
  workshops: number;
  buckets: ArrivalBucket[];
}

export const EXPORT_KINDS = ['registrations', 'attendance', 'payments', 'checkins', 'audit'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];
export const EXPORT_KIND_LABELS: Record<ExportKind, string> = {
  registrations: 'Registrations of a workshop',
  attendance: 'Attendance list',
  payments: 'Payments ledger',
  checkins: 'Check-in log',
  audit: 'Audit log',
};
/** The exports that are about one workshop and need it chosen. */
export const PER_WORKSHOP_EXPORTS: readonly ExportKind[] = ['registrations', 'attendance'];

export const exportInput = z
  .object({
    ...filterFields,
    kind: z.enum(EXPORT_KINDS),
    format: z.enum(['csv', 'xlsx']),
    /** The viewer's zone, for the audit log's days and times (workshop data use each workshop's zone). */
    timeZone: text().max(64).refine(isValidTimeZone, { message: 'Not a known time zone.' }).optional(),
  })
  .strict()
  .refine(fromBeforeTo, RANGE_MESSAGE)
  .refine((v) => !PER_WORKSHOP_EXPORTS.includes(v.kind) || !!v.workshopId, { message: 'Choose a workshop for this export.', path: ['workshopId'] });

export const signInSheetInput = z.object({ workshopId: idText('Choose a workshop.') }).strict();

/** A saved file: where it went (only its name), or that the dialog was closed. */
export type ExportResult = { saved: true; fileName: string; rows: number } | { saved: false };
