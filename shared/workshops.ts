import { z } from 'zod';
import { boundedInt, calendarDate, idText, INT4_MAX, isRealLocalDateTime, text } from './text';
import { CURRENCY_CODES, type Currency } from './money';
import { isValidTimeZone, LOCAL_DATETIME, zonedLocalToUtc } from './time';

export const WORKSHOP_STATUSES = ['draft', 'published', 'cancelled', 'archived'] as const;
export type WorkshopStatus = (typeof WORKSHOP_STATUSES)[number];
export const REGISTRATION_MODES = ['automatic', 'manual'] as const;
export type RegistrationMode = (typeof REGISTRATION_MODES)[number];

export const STATUS_LABELS: Record<WorkshopStatus, string> = { draft: 'Draft', published: 'Published', cancelled: 'Cancelled', archived: 'Archived' };
export const MODE_LABELS: Record<RegistrationMode, string> = { automatic: 'Instant confirmation', manual: 'Needs approval' };

const tagName = text().trim().min(1, 'A tag cannot be empty.').max(40, 'Keep each tag under 40 characters.');

const localDateTime = (what: string) =>
  text().regex(LOCAL_DATETIME, `Enter the ${what} date and time.`).refine(isRealLocalDateTime, { message: `There is no such ${what} date or time: check the day and the hour.` });

/** What an organiser fills in. Times are wall-clock times in the workshop's own time zone. */
export const workshopFields = z.object({
  title: text().trim().min(3, 'Give the workshop a title of at least 3 characters.').max(120, 'Keep the title under 120 characters.'),
  summary: text().trim().max(300, 'Keep the summary under 300 characters.').default(''),
  description: text().trim().max(10_000, 'Keep the description under 10,000 characters.').default(''),
  categoryId: idText('Choose a category.'),
  tags: z.array(tagName).max(20, 'At most 20 tags.').default([]),
  city: text().trim().min(1, 'Enter the city.').max(80),
  venue: text().trim().min(1, 'Enter the venue.').max(120),
  address: text().trim().max(200).default(''),
  instructor: text().trim().max(120).default(''),
  startsLocal: localDateTime('start'),
  endsLocal: localDateTime('end'),
  timeZone: text().max(64).refine(isValidTimeZone, 'Choose a valid time zone, like Europe/Berlin.'),
  capacity: z.number({ error: 'Enter the number of seats.' }).int('Seats must be a whole number.').min(1, 'A workshop needs at least 1 seat.').max(100_000),
  priceMinor: z.number({ error: 'Enter a price (0 for free).' }).int().min(0, 'The price cannot be negative.').max(100_000_000),
  currency: z.enum(CURRENCY_CODES as [Currency, ...Currency[]], { error: 'Choose a known currency.' }),
  registrationMode: z.enum(REGISTRATION_MODES),
  waitlistEnabled: z.boolean().default(false),
});

const endAfterStart = (v: { startsLocal: string; endsLocal: string; timeZone: string }) => {
  if (!LOCAL_DATETIME.test(v.startsLocal) || !LOCAL_DATETIME.test(v.endsLocal) || !isValidTimeZone(v.timeZone)) return true;
  return new Date(zonedLocalToUtc(v.endsLocal, v.timeZone)) > new Date(zonedLocalToUtc(v.startsLocal, v.timeZone));
};

export const createWorkshopInput = workshopFields.refine(endAfterStart, { message: 'The end must be after the start.', path: ['endsLocal'] });
export const updateWorkshopInput = workshopFields
  .extend({ id: idText(), expectedVersion: boundedInt(0, INT4_MAX, 'The version') })
  .refine(endAfterStart, { message: 'The end must be after the start.', path: ['endsLocal'] });

export const workshopIdInput = z.object({ id: idText('Choose a workshop.') });
export const cancelWorkshopInput = z.object({ id: idText('Choose a workshop.'), reason: text().trim().min(3, 'Say why the workshop is cancelled (attendees will see it).').max(500) });

export const SORTS = ['relevance', 'soonest', 'price', 'newest', 'popular'] as const;
export type WorkshopSort = (typeof SORTS)[number];

export const searchWorkshopsInput = z
  .object({
    q: text().trim().max(200).optional(),
    categoryIds: z.array(idText()).max(50).optional(),
    cities: z.array(text().max(80)).max(50).optional(),
    /** Inclusive calendar dates (YYYY-MM-DD), in each workshop's own time zone. */
    from: calendarDate().optional(),
    to: calendarDate().optional(),
    priceMin: boundedInt(0, INT4_MAX, 'The minimum price').optional(),
    priceMax: boundedInt(0, INT4_MAX, 'The maximum price').optional(),
    /** The currency priceMin/priceMax are in: workshops priced in others are left out (free ones stay). */
    currency: z.enum(CURRENCY_CODES as [Currency, ...Currency[]]).optional(),
    freeOnly: z.boolean().optional(),
    tags: z.array(text().max(40)).max(20).optional(),
    tagMode: z.enum(['any', 'all']).default('any'),
    hasSeats: z.boolean().optional(),
    mode: z.enum(REGISTRATION_MODES).optional(),
    includePast: z.boolean().default(false),
    sort: z.enum(SORTS).optional(),
    /** Opaque cursor from the previous page: keyset pagination, no duplicates or gaps when data changes. */
    after: text().max(4000).optional(),
    limit: boundedInt(1, 100, 'The page size').default(20),
  })
  .refine((v) => v.priceMin === undefined || v.priceMax === undefined || v.priceMin <= v.priceMax, { message: 'The minimum price is above the maximum.', path: ['priceMin'] })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: 'The “from” date is after the “to” date.', path: ['from'] });

export type SearchWorkshopsInput = z.input<typeof searchWorkshopsInput>;

/** The search filters' own field errors, for the filter column to show before asking the server. */
export function searchFilterErrors(v: Pick<SearchWorkshopsInput, 'priceMin' | 'priceMax' | 'from' | 'to'>): { priceMin?: string; from?: string } {
  const r = searchWorkshopsInput.safeParse({ priceMin: v.priceMin, priceMax: v.priceMax, from: v.from, to: v.to });
  if (r.success) return {};
  const errors: { priceMin?: string; from?: string } = {};
  for (const issue of r.error.issues) if (issue.path[0] === 'priceMin' || issue.path[0] === 'from') errors[issue.path[0]] = issue.message;
  return errors;
}

export const organiserListInput = z.object({
  q: text().trim().max(200).optional(),
  statuses: z.array(z.enum(WORKSHOP_STATUSES)).max(WORKSHOP_STATUSES.length, `Choose at most ${WORKSHOP_STATUSES.length} statuses.`).optional(),
  categoryId: idText().optional(),
  sort: z.enum(['starts_at', 'title', 'status', 'seats', 'created_at']).default('starts_at'),
  direction: z.enum(['asc', 'desc']).default('asc'),
  limit: boundedInt(1, 200, 'The page size').default(50),
  offset: boundedInt(0, INT4_MAX, 'The position').default(0),
});

export interface WorkshopCard {
  id: string;
  title: string;
  summary: string;
  categoryId: string;
  categoryName: string;
  tags: string[];
  city: string;
  venue: string;
  instructor: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  capacity: number;
  seatsTaken: number;
  seatsLeft: number;
  priceMinor: number;
  currency: Currency;
  registrationMode: RegistrationMode;
  waitlistEnabled: boolean;
  status: WorkshopStatus;
}

export interface WorkshopDetail extends WorkshopCard {
  description: string;
  address: string;
  cancelReason: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  /** Wall-clock values for the edit form. */
  startsLocal: string;
  endsLocal: string;
  hasRegistrations: boolean;
}

export interface OrganiserWorkshopRow extends WorkshopCard {
  pendingCount: number;
  createdAt: string;
}

export interface SearchResult {
  items: WorkshopCard[];
  total: number;
  nextCursor: string | null;
  facets: { categories: { id: string; name: string; count: number }[]; cities: { city: string; count: number }[] };
  /** How the search words matched: 'fuzzy' means no exact match, so near spellings are shown. */
  textMatch: 'none' | 'exact' | 'fuzzy';
  /** With 'fuzzy': the words the results are for, misspelt words replaced by their nearest catalogue word. */
  searchedFor: string | null;
  /** What this database can do: typo tolerance needs pg_trgm. */
  textSearch: 'full-text + fuzzy' | 'full-text only';
}

export interface Category {
  id: string;
  name: string;
  workshopCount: number;
}

export interface Tag {
  id: string;
  name: string;
  workshopCount: number;
}

export const categoryNameInput = z.object({ name: text().trim().min(2, 'Use at least 2 characters.').max(60, 'Keep it under 60 characters.') });
export const renameCategoryInput = categoryNameInput.extend({ id: idText('Choose a category.') });
export const deleteCategoryInput = z.object({ id: idText('Choose a category.'), moveToId: idText('Choose a category.').optional() });
export const renameTagInput = z.object({ id: idText('Choose a tag.'), name: tagName });
export const mergeTagsInput = z.object({ sourceIds: z.array(idText('Choose a tag.')).min(1).max(50), targetId: idText('Choose a tag.') });
export const tagIdInput = z.object({ id: idText('Choose a tag.') });

export interface FilterOptions {
  categories: { id: string; name: string }[];
  cities: string[];
  tags: string[];
  /** Currencies of the published, priced workshops, the most used first. */
  currencies: Currency[];
}
