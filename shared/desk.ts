import { z } from 'zod';
import { emailSchema, personNameSchema } from './auth';
import type { Currency } from './money';
import type { PaymentStatus, RegistrationStatus } from './registrations';
import { PAYMENT_METHODS } from './registrations';
import { boundedInt, idText, INT4_MAX, serialId, text } from './text';

/**
 * What a check-in attempt comes to. The same rules answer at the desk and at the kiosk; each
 * screen words the answer for whoever stands in front of it.
 */
export const CHECKIN_OUTCOMES = [
  'checked_in',
  'already',
  'unpaid',
  'pending',
  'waitlisted',
  'not_open',
  'ended',
  'other_workshop',
  'cancelled',
  'rejected',
  'workshop_cancelled',
  'unknown',
] as const;
export type CheckInOutcome = (typeof CHECKIN_OUTCOMES)[number];

/** The four colours of the desk: green, amber (a decision is needed), orange, red. */
export type ResultClass = 'ok' | 'attention' | 'already' | 'refused';

export const RESULT_CLASS: Record<CheckInOutcome, ResultClass> = {
  checked_in: 'ok',
  already: 'already',
  unpaid: 'attention',
  pending: 'attention',
  waitlisted: 'attention',
  not_open: 'attention',
  ended: 'attention',
  other_workshop: 'refused',
  cancelled: 'refused',
  rejected: 'refused',
  workshop_cancelled: 'refused',
  unknown: 'refused',
};

/** How long before its start a workshop's check-in opens. */
export const CHECKIN_OPENS_MINUTES_BEFORE = 60;
/** How long the station that made a check-in (or a desk payment) can undo it with one key. */
export const UNDO_WINDOW_SECONDS = 120;

export interface DeskPerson {
  registrationId: string;
  name: string;
  email: string | null;
  phone: string | null;
  ticketCode: string | null;
  status: RegistrationStatus;
  waitlistPosition: number | null;
  paymentStatus: PaymentStatus;
  amountDueMinor: number;
  paidMinor: number;
  currency: Currency;
  cancelReason: string | null;
  rejectReason: string | null;
}

export interface DeskWorkshop {
  id: string;
  title: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  venue: string;
  city: string;
  status: 'draft' | 'published' | 'cancelled' | 'archived';
  capacity: number;
  registrationMode: 'automatic' | 'manual';
  waitlistEnabled: boolean;
  priceMinor: number;
  currency: Currency;
}

export interface CheckInRecord {
  id: string;
  at: string;
  station: string;
  byName: string | null;
  surface: 'workstation' | 'kiosk';
}

export interface CheckInResult {
  outcome: CheckInOutcome;
  resultClass: ResultClass;
  person: DeskPerson | null;
  workshop: DeskWorkshop | null;
  /** The check-in just made, or the one already there ('already'). */
  checkIn: CheckInRecord | null;
  /** 'not_open': when check-in opens. */
  opensAt: string | null;
  /** Checked in / confirmed for the workshop, after this attempt. */
  counts: { checkedIn: number; confirmed: number } | null;
  /** 'checked_in' at this station: one key undoes it until then. */
  undoUntil: string | null;
  /** A desk payment made with it (pay and check in). */
  payment: DeskPayment | null;
}

export interface DeskPayment {
  id: string;
  amountMinor: number;
  currency: Currency;
  method: (typeof PAYMENT_METHODS)[number];
  tenderedMinor: number | null;
  changeMinor: number | null;
  at: string;
  station: string;
  byName: string | null;
  undoUntil: string | null;
}

/** Which of the amber/red outcomes staff may override with one more key at the desk. */
export const DESK_OVERRIDES = ['not_open', 'ended', 'other_workshop'] as const;
export type DeskOverride = (typeof DESK_OVERRIDES)[number];

/** A ticket code as typed or scanned: letters, digits, a dash, spaces. */
const ticketCodeText = text().trim().min(1, 'Scan or type a ticket code.').max(20, 'That is not a ticket code.');

export const checkInInput = z
  .object({
    ticketCode: ticketCodeText.optional(),
    registrationId: idText().optional(),
    /** The workshop the desk is set to; a ticket for another one is not checked in silently. */
    deskWorkshopId: idText().optional(),
    /** An override staff chose for this one attempt. */
    override: z.enum(DESK_OVERRIDES).optional(),
  })
  .strict()
  .refine((v) => Boolean(v.ticketCode) !== Boolean(v.registrationId), { message: 'Give either a ticket code or a registration.', path: ['ticketCode'] });

export const payAndCheckInInput = z
  .object({
    registrationId: idText(),
    method: z.enum(PAYMENT_METHODS),
    /** Cash handed over, to work out the change. */
    tenderedMinor: boundedInt(0, INT4_MAX, 'The amount handed over').optional(),
    note: text().trim().max(500).default(''),
    deskWorkshopId: idText().optional(),
    override: z.enum(DESK_OVERRIDES).optional(),
  })
  .strict();

export const undoInput = z
  .object({ checkInId: serialId().optional(), paymentId: serialId().optional() })
  .strict()
  .refine((v) => v.checkInId || v.paymentId, { message: 'Say what to undo.', path: ['checkInId'] });

export const reverseCheckInInput = z.object({ checkInId: serialId(), reason: text().trim().min(3, 'Say why this check-in is reversed.').max(500) }).strict();

export const deskSearchInput = z
  .object({
    q: text().trim().min(1, 'Type a name, email, phone or code.').max(100),
    scope: z.enum(['today', 'all']).default('today'),
    workshopId: idText().optional(),
    limit: boundedInt(1, 50, 'The number of matches').default(12),
  })
  .strict();

export interface DeskMatch {
  person: DeskPerson;
  workshop: DeskWorkshop;
  checkIn: CheckInRecord | null;
  /** How it matched, for the list: 'code', 'name', 'email', 'phone', 'near' (a near spelling). */
  matchedBy: 'code' | 'name' | 'email' | 'phone' | 'near';
  /** The workshop starts today (in its own zone). */
  today: boolean;
}

export interface DeskSearchResult {
  items: DeskMatch[];
  /** True when no exact match was found and near spellings are shown. */
  nearOnly: boolean;
}

export interface DeskSession {
  workshop: DeskWorkshop;
  checkedIn: number;
  confirmed: number;
  pending: number;
  waitlisted: number;
  unpaid: number;
}

export const walkInInput = z
  .object({
    workshopId: idText('Choose a workshop.'),
    name: personNameSchema,
    email: z.union([emailSchema, z.literal('').transform(() => undefined)]).optional(),
    phone: text().trim().max(40, 'Keep the phone number under 40 characters.').optional(),
    /** Take the money in the same step (paid workshops). */
    payment: z.object({ method: z.enum(PAYMENT_METHODS), tenderedMinor: boundedInt(0, INT4_MAX, 'The amount handed over').optional(), note: text().trim().max(500).default('') }).strict().optional(),
    checkIn: z.boolean().default(true),
    /** Full: put them on the waiting list instead (when the workshop has one). */
    waitlistIfFull: z.boolean().default(false),
    /** Staff saw the people who look the same and register this one anyway. */
    confirmDuplicate: z.boolean().default(false),
  })
  .strict();

export const similarPeopleInput = z
  .object({
    workshopId: idText('Choose a workshop.'),
    name: text().trim().max(120).default(''),
    email: text().trim().max(254).default(''),
    phone: text().trim().max(40).default(''),
  })
  .strict();

export interface WalkInResult {
  person: DeskPerson;
  workshop: DeskWorkshop;
  checkIn: CheckInRecord | null;
  payment: DeskPayment | null;
  counts: { checkedIn: number; confirmed: number };
}

export const checkInListInput = z.object({ workshopId: idText('Choose a workshop.'), q: text().trim().max(100).optional() }).strict();

export interface CheckInList {
  workshop: DeskWorkshop;
  /** Checked in, latest first. */
  in: { person: DeskPerson; checkIn: CheckInRecord }[];
  /** Confirmed and not checked in; after the workshop has ended these are its no-shows. */
  notYet: DeskPerson[];
  ended: boolean;
}

export const todayInput = z.object({}).strict().optional();
