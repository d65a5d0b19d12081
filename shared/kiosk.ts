import { z } from 'zod';
import { emailSchema, personNameSchema, signInInput } from './auth';
import type { CheckInOutcome } from './desk';
import type { Currency } from './money';
import { boundedInt, idText, text } from './text';

/**
 * The self-service kiosk. Its answers carry only what the visitor in front of it may see: a first
 * name and their own workshop for a complete, valid ticket code; what they just typed when they
 * register. Never another person's email, phone, full name or ticket code.
 */

/** What the kiosk shows before anyone touches it; nothing about any person. */
export interface KioskStatus {
  /** False on a station nobody has set up yet: the kiosk says so instead of showing the setup screen. */
  ready: boolean;
  stationName: string;
  locale: string | null;
  /** Back to the start screen this long after a result… */
  resultResetSeconds: number;
  /** …and after this long without a touch or key anywhere else. */
  idleResetSeconds: number;
  /** Whether staff can leave kiosk mode with a PIN (otherwise only with an administrator's sign-in). */
  pinSet: boolean;
}

export const KIOSK_DEFAULTS = { resultResetSeconds: 5, idleResetSeconds: 60 } as const;
/** The visible "Still there?" countdown before an idle reset. */
export const KIOSK_WARNING_SECONDS = 10;

/** A ticket code as scanned (the scanner types it and Enter) or typed on screen. */
export const kioskCheckInInput = z
  .object({ ticketCode: text().trim().min(1, 'Scan your ticket or type its code.').max(20, 'That is not a ticket code.') })
  .strict();

/** The check-in rules' outcome, plus 'typo' for a code whose check symbol does not match. */
export type KioskCheckInOutcome = Exclude<CheckInOutcome, 'other_workshop'> | 'typo';

export interface KioskWorkshop {
  title: string;
  venue: string;
  city: string;
  startsAt: string;
  timeZone: string;
}

export interface KioskCheckInAnswer {
  outcome: KioskCheckInOutcome;
  /** The ticket holder's first name: the code is theirs (complete and valid). Null for unknown codes. */
  firstName: string | null;
  workshop: KioskWorkshop | null;
  /** 'not_open': when check-in opens. */
  opensAt: string | null;
  /** 'unpaid': what to pay at the front desk. */
  amountDue: { minor: number; currency: Currency } | null;
}

export const kioskGuestInput = z
  .object({
    name: personNameSchema,
    email: emailSchema,
    phone: z.union([text().trim().max(40, 'Keep the phone number under 40 characters.'), z.literal('')]).optional(),
  })
  .strict();

/** As a guest (name, email, optional phone), or as the account signed in at the kiosk (no guest). */
export const kioskRegisterInput = z.object({ workshopId: idText('Choose a workshop.'), guest: kioskGuestInput.optional() }).strict();

export interface KioskRegistration {
  outcome: 'confirmed' | 'requested' | 'waitlisted' | 'full';
  /** The name the visitor registered with, first name only. */
  firstName: string;
  workshop: KioskWorkshop;
  /** Confirmed: the ticket just made, for the visitor's own eyes. */
  ticketCode: string | null;
  waitlistPosition: number | null;
  /** Paid workshop: due at the front desk (the kiosk never takes money). */
  amountDue: { minor: number; currency: Currency } | null;
}

export const kioskPinSchema = text().regex(/^\d{4,12}$/, 'Use 4 to 12 digits.');

/** Leaving kiosk mode: the staff PIN, or an administrator's email and password. */
export const kioskExitInput = z.union([z.object({ pin: kioskPinSchema }).strict(), signInInput.strict()]);

export interface KioskSettings {
  pinSet: boolean;
  resultResetSeconds: number;
  idleResetSeconds: number;
}

export const kioskSettingsInput = z
  .object({
    /** A new PIN; null removes it; absent keeps it. */
    pin: kioskPinSchema.nullable().optional(),
    resultResetSeconds: boundedInt(3, 120, 'The reset after a result'),
    idleResetSeconds: boundedInt(20, 900, 'The reset when nobody is there'),
  })
  .strict();

/** The first word of a name: what the kiosk calls a person. */
export const firstNameOf = (name: string): string => name.trim().split(/\s+/)[0] ?? '';
