import { sql } from 'kysely';
import type { z } from 'zod';
import { AppError } from '../../shared/errors';
import type { DeskMatch, similarPeopleInput, WalkInResult, walkInInput } from '../../shared/desk';
import { statusInWords } from '../../shared/registrations';
import type { Caller } from '../core/caller';
import type { CoreContext } from '../core/context';
import { transact } from '../core/requests';
import { isUniqueViolation } from '../db/errors';
import { checkIn } from '../checkin/checkin.service';
import { loadPeople, seatCounts, toCheckInRecord, toDeskWorkshop, toPerson, type Db } from '../checkin/desk-rows';
import { alreadyRegisteredError, seatWalkIn } from '../registrations/registrations.service';
import { takeDeskPayment } from './desk-payments';

const digits = (s: string) => s.replace(/\D/g, '');
const normalName = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * People in this workshop who look like the one about to be registered: the same email, the same
 * phone number, or the same name. Cancelled and rejected registrations are left out.
 */
export async function similarPeople(db: Db, input: z.output<typeof similarPeopleInput>): Promise<DeskMatch[]> {
  const email = input.email.toLowerCase();
  const phone = digits(input.phone);
  const name = normalName(input.name);
  if (!email && phone.length < 4 && name.length < 2) return [];
  const rows = await loadPeople(
    db,
    sql`r.workshop_id = ${input.workshopId} and r.status in ('pending', 'confirmed', 'waitlisted') and (
      ${email ? sql`lower(r.person_email) = ${email}` : sql`false`}
      or ${phone.length >= 4 ? sql`r.person_phone_digits = ${phone}` : sql`false`}
      or ${name.length >= 2 ? sql`regexp_replace(lower(trim(r.person_name)), '\\s+', ' ', 'g') = ${name}` : sql`false`})
      order by r.person_name limit 10`,
  );
  return rows.map((r) => ({ person: toPerson(r), workshop: toDeskWorkshop(r), checkIn: toCheckInRecord(r), matchedBy: r.person_email?.toLowerCase() === email && email ? 'email' : phone && digits(r.person_phone ?? '') === phone ? 'phone' : 'name', today: true }));
}

/**
 * Someone who stands at the desk: registered (a free seat in either mode, late arrivals welcome),
 * paid and checked in, as one action and one transaction. People who look the same are shown first;
 * staff confirm to go ahead.
 */
export async function walkIn(ctx: CoreContext, caller: Caller, input: z.output<typeof walkInInput>): Promise<WalkInResult> {
  const now = ctx.now();
  const person = { userId: null, name: input.name, email: input.email ?? null, phone: input.phone || null };
  try {
    return await transact(ctx, caller, async (trx) => {
      if (!input.confirmDuplicate) {
        const same = await similarPeople(trx, { workshopId: input.workshopId, name: input.name, email: input.email ?? '', phone: input.phone ?? '' });
        if (same.length) {
          const list = same.map((m) => `${m.person.name}${m.person.email ? ` (${m.person.email})` : m.person.phone ? ` (${m.person.phone})` : ''}: ${statusInWords(m.person)}`).join('; ');
          throw new AppError('CONFLICT', `Already registered for this workshop? ${list}. Check, then register anyway if this is someone else.`);
        }
      }
      const inner = { ...caller, request: null };
      const reg = await seatWalkIn(trx, inner, input.workshopId, person, now, input.waitlistIfFull);
      const payment = input.payment && reg.status === 'confirmed' && reg.amountDueMinor > 0 ? await takeDeskPayment(trx, inner, reg.id, input.payment, now) : null;
      let checkInRecord = null;
      if (input.checkIn && reg.status === 'confirmed') {
        // Registered at the desk while the workshop runs or is about to: they are here, so they are in.
        const done = await checkIn(ctx, inner, trx, { registrationId: reg.id }, { override: 'not_open' });
        if (done.outcome === 'checked_in') checkInRecord = done.checkIn;
      }
      const row = (await loadPeople(trx, sql`r.id = ${reg.id}`))[0]!;
      return { person: toPerson(row), workshop: toDeskWorkshop(row), checkIn: checkInRecord, payment, counts: await seatCounts(trx, reg.workshopId) };
    });
  } catch (e) {
    if (isUniqueViolation(e, 'registration_active_')) throw await alreadyRegisteredError(ctx.db, input.workshopId, person);
    throw e;
  }
}
