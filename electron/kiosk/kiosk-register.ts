import type { z } from 'zod';
import { AppError } from '../../shared/errors';
import { firstNameOf, type kioskRegisterInput, type KioskRegistration, type KioskWorkshop } from '../../shared/kiosk';
import type { Registration } from '../../shared/registrations';
import type { Caller } from '../core/caller';
import type { CoreContext } from '../core/context';
import { loadRegistration } from '../registrations/registration-rows';
import { register, type Person } from '../registrations/registrations.service';

const workshopOf = (r: Registration): KioskWorkshop => ({ title: r.workshopTitle, venue: r.workshopVenue, city: r.workshopCity, startsAt: r.workshopStartsAt, timeZone: r.workshopTimeZone });

/** The visitor's own registration, as the kiosk shows it: their ticket, their place, what to pay. */
export function kioskRegistrationOf(r: Registration): KioskRegistration {
  return {
    outcome: r.status === 'confirmed' ? 'confirmed' : r.status === 'pending' ? 'requested' : 'waitlisted',
    firstName: firstNameOf(r.personName),
    workshop: workshopOf(r),
    ticketCode: r.status === 'confirmed' ? r.ticketCode : null,
    waitlistPosition: r.waitlistPosition,
    amountDue: r.amountDueMinor > 0 ? { minor: r.amountDueMinor - r.paidMinor, currency: r.currency } : null,
  };
}

const ALREADY = 'You are already registered for this workshop. If you need your ticket, ask at the front desk.';

/**
 * Registers the visitor with the same service and rules as everywhere else: the account signed in
 * at this kiosk (with attendee powers only), or a guest by name, email and optional phone. A guest
 * who gives an email already registered is told so without being shown that registration.
 */
export async function kioskRegister(ctx: CoreContext, caller: Caller, input: z.output<typeof kioskRegisterInput>): Promise<KioskRegistration> {
  let person: Person;
  if (caller.user) person = { userId: caller.user.id, name: caller.user.name, email: caller.user.email, phone: null };
  else if (input.guest) person = { userId: null, name: input.guest.name, email: input.guest.email, phone: input.guest.phone || null };
  else throw new AppError('VALIDATION', 'Give your name and email, or sign in.', { fieldErrors: { 'guest.name': ['Enter your name.'], 'guest.email': ['Enter your email address.'] } });
  try {
    return kioskRegistrationOf(await register(ctx, caller, input.workshopId, person));
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== 'CONFLICT') throw e;
    if (e.details?.registrationId) throw new AppError('CONFLICT', ALREADY);
    const w = await ctx.db
      .selectFrom('workshop')
      .select(['title', 'venue', 'city', 'starts_at', 'time_zone', 'status', 'seats_taken', 'capacity', 'waitlist_enabled', 'registration_mode'])
      .where('id', '=', input.workshopId)
      .executeTakeFirst();
    if (w && w.status === 'published' && w.registration_mode === 'automatic' && !w.waitlist_enabled && w.seats_taken >= w.capacity) {
      return {
        outcome: 'full',
        firstName: firstNameOf(person.name),
        workshop: { title: w.title, venue: w.venue, city: w.city, startsAt: new Date(w.starts_at).toISOString(), timeZone: w.time_zone },
        ticketCode: null,
        waitlistPosition: null,
        amountDue: null,
      };
    }
    throw new AppError('CONFLICT', e.message);
  }
}

export const replayKioskRegister = async (ctx: CoreContext, registrationId: string): Promise<KioskRegistration> => kioskRegistrationOf(await loadRegistration(ctx.db, registrationId));
