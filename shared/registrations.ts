import { z } from 'zod';
import { boundedInt, calendarDate, idText, INT4_MAX, text } from './text';
import { emailSchema, personNameSchema } from './auth';
import type { Currency } from './money';
import type { RegistrationMode } from './workshops';

export const REGISTRATION_STATUSES = ['pending', 'confirmed', 'waitlisted', 'rejected', 'cancelled'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];
export const PAYMENT_STATUSES = ['not_required', 'unpaid', 'paid', 'refunded', 'waived'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];
export const PAYMENT_METHODS = ['cash', 'card', 'transfer', 'other'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** Money is taken for a confirmed seat only: a request or a waiting-list place owes nothing yet. */
export const owesPayment = (r: { status: RegistrationStatus; paymentStatus: PaymentStatus }): boolean => r.status === 'confirmed' && r.paymentStatus === 'unpaid';

/** States in plain words, as people at a desk would say them. */
export function statusInWords(r: { status: RegistrationStatus; waitlistPosition: number | null }): string {
  switch (r.status) {
    case 'pending':
      return 'Requested — waiting for approval';
    case 'confirmed':
      return 'Confirmed';
    case 'waitlisted':
      return r.waitlistPosition ? `On the waiting list, position ${r.waitlistPosition}` : 'On the waiting list';
    case 'rejected':
      return 'Not approved';
    case 'cancelled':
      return 'Cancelled';
  }
}

export function paymentInWords(r: { status: RegistrationStatus; paymentStatus: PaymentStatus }): string {
  if (r.status === 'cancelled' && r.paymentStatus === 'paid') return 'Refund due';
  // A request or a place on the waiting list holds no seat, so nothing is owed until it is confirmed.
  if ((r.status === 'pending' || r.status === 'waitlisted') && r.paymentStatus === 'unpaid') return 'Nothing to pay yet';
  return { not_required: 'Nothing to pay', unpaid: 'Not paid yet', paid: 'Paid', refunded: 'Refunded', waived: 'Waived' }[r.paymentStatus];
}

export interface Registration {
  id: string;
  workshopId: string;
  workshopTitle: string;
  workshopStartsAt: string;
  workshopEndsAt: string;
  workshopTimeZone: string;
  workshopCity: string;
  workshopVenue: string;
  workshopStatus: 'draft' | 'published' | 'cancelled' | 'archived';
  registrationMode: RegistrationMode;
  userId: string | null;
  personName: string;
  personEmail: string | null;
  personPhone: string | null;
  status: RegistrationStatus;
  waitlistPosition: number | null;
  requestedAt: string;
  confirmedAt: string | null;
  rejectReason: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
  amountDueMinor: number;
  paidMinor: number;
  currency: Currency;
  paymentStatus: PaymentStatus;
  ticketCode: string | null;
}

export const registerSelfInput = z.object({ workshopId: idText('Choose a workshop.') });

export const registerPersonInput = z.object({
  workshopId: idText('Choose a workshop.'),
  name: personNameSchema,
  email: z.union([emailSchema, z.literal('').transform(() => undefined)]).optional(),
  phone: text().trim().max(40, 'Keep the phone number under 40 characters.').optional(),
});

export const registrationIdInput = z.object({ id: idText() });
export const cancelRegistrationInput = z.object({ id: idText(), reason: text().trim().max(500).default('') });
export const rejectReasonSchema = text().trim().min(3, 'Give a reason (the person will see it).').max(500);

export const queueFilter = z.object({
  workshopId: idText().optional(),
  categoryId: idText().optional(),
  /** Workshop start date range, YYYY-MM-DD. */
  from: calendarDate().optional(),
  to: calendarDate().optional(),
});
export type QueueFilter = z.infer<typeof queueFilter>;

export const queueInput = queueFilter.extend({
  direction: z.enum(['asc', 'desc']).default('asc'),
  limit: boundedInt(1, 1000, 'The page size').default(100),
  offset: boundedInt(0, INT4_MAX, 'The position').default(0),
});

/** Either the rows the admin ticked, or "everything pending that matches this filter". */
export const selectionInput = z.union([z.object({ ids: z.array(idText()).min(1, 'Select at least one request.').max(20_000) }), z.object({ filter: queueFilter })]);

export const bulkApproveInput = z.object({ selection: selectionInput });
export const bulkRejectInput = z.object({ selection: selectionInput, reason: rejectReasonSchema });
/** Requests that found no seat: onto their workshop's waiting list; `openWaitlist` opens one where there is none. */
export const bulkWaitlistInput = z.object({ selection: selectionInput, openWaitlist: z.boolean().default(false) });

export type BulkOutcome = 'approved' | 'waitlisted' | 'full' | 'rejected' | 'not_pending';
export interface BulkResult {
  counts: Record<BulkOutcome, number>;
  /** workshopId, personName and workshopTitle are '' for a request that was already handled. */
  items: { id: string; workshopId: string; personName: string; workshopTitle: string; outcome: BulkOutcome }[];
}

export interface QueueRow {
  id: string;
  workshopId: string;
  workshopTitle: string;
  workshopStartsAt: string;
  workshopTimeZone: string;
  categoryName: string;
  personName: string;
  personEmail: string | null;
  requestedAt: string;
}

export interface QueueWorkshopSummary {
  workshopId: string;
  title: string;
  startsAt: string;
  timeZone: string;
  capacity: number;
  seatsLeft: number;
  pending: number;
  waitlisted: number;
  waitlistEnabled: boolean;
}

export interface QueuePage {
  items: QueueRow[];
  total: number;
  workshops: QueueWorkshopSummary[];
}

export const workshopRegistrationsInput = z.object({
  workshopId: idText('Choose a workshop.'),
  statuses: z.array(z.enum(REGISTRATION_STATUSES)).max(REGISTRATION_STATUSES.length, `Choose at most ${REGISTRATION_STATUSES.length} statuses.`).optional(),
  payment: z.enum([...PAYMENT_STATUSES, 'refund_due']).optional(),
  q: text().trim().max(200).optional(),
});

export const recordPaymentInput = z.object({
  id: idText(),
  kind: z.enum(['payment', 'refund', 'waiver']),
  method: z.enum(PAYMENT_METHODS).optional(),
  note: text().trim().max(500).default(''),
});

export interface OutstandingRow {
  workshopId: string;
  workshopTitle: string;
  currency: Currency;
  unpaidCount: number;
  unpaidMinor: number;
  refundDueCount: number;
  refundDueMinor: number;
}
