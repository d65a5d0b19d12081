import Papa from 'papaparse';
import { sql } from 'kysely';
import type { z } from 'zod';
import { AppError } from '../../shared/errors';
import { formatPrice } from '../../shared/money';
import { paymentInWords, statusInWords, type Registration, type workshopRegistrationsInput } from '../../shared/registrations';
import { formatTicketCode } from '../../shared/tickets';
import { zonedMinute } from '../../shared/time';
import type { CoreContext } from '../core/context';
import { registrationQuery, toRegistration } from './registration-rows';

/** Everyone registered for one workshop, for organisers: filter by state and payment, search name/email. */
export async function workshopRegistrations(ctx: CoreContext, input: z.output<typeof workshopRegistrationsInput>): Promise<Registration[]> {
  let q = registrationQuery(ctx.db).where('r.workshop_id', '=', input.workshopId);
  if (input.statuses?.length) q = q.where('r.status', 'in', input.statuses);
  if (input.payment === 'refund_due') q = q.where('r.payment_status', '=', 'paid').where('r.status', 'in', ['cancelled', 'rejected']);
  else if (input.payment) q = q.where('r.payment_status', '=', input.payment);
  if (input.q) {
    const like = `%${input.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb(sql`lower(r.person_name)`, 'like', like), eb(sql`lower(coalesce(r.person_email, ''))`, 'like', like)]));
  }
  const rows = await q
    .orderBy(sql`case r.status when 'confirmed' then 0 when 'pending' then 1 when 'waitlisted' then 2 else 3 end`)
    .orderBy(sql`r.waitlist_seq nulls first`)
    .orderBy('r.requested_at')
    .orderBy('r.id')
    .execute();
  return rows.map(toRegistration);
}

// A cell starting with one of these is a formula to a spreadsheet program: quote it as text.
const FORMULA_START = /^[=+\-@\t\r]/;
const safe = (v: string) => (FORMULA_START.test(v) ? `'${v}` : v);

/**
 * UTF-8 with a byte-order mark and RFC 4180 quoting: opens cleanly in Excel, LibreOffice and Numbers.
 * Times are the workshop's wall clock to the minute ("2026-12-01 19:13", its zone in the header),
 * which spreadsheets read as dates; the price is what the person pays once confirmed.
 */
export function registrationsCsv(rows: Registration[], timeZone: string): string {
  const requestedAt = `Requested at (${timeZone})`;
  const confirmedAt = `Confirmed at (${timeZone})`;
  const fields = ['Name', 'Email', 'Phone', 'Status', requestedAt, confirmedAt, 'Ticket', 'Price', 'Payment'];
  const data = rows.map((r) => [
    safe(r.personName),
    safe(r.personEmail ?? ''),
    safe(r.personPhone ?? ''),
    statusInWords(r),
    zonedMinute(r.requestedAt, timeZone),
    r.confirmedAt ? zonedMinute(r.confirmedAt, timeZone) : '',
    r.ticketCode ? formatTicketCode(r.ticketCode) : '',
    r.amountDueMinor ? formatPrice(r.amountDueMinor, r.currency, 'en-GB') : '',
    paymentInWords(r),
  ]);
  return `\uFEFF${Papa.unparse({ fields, data }, { quotes: true, newline: '\r\n' })}`;
}

/** The CSV file for one workshop's registrations (same filters as the list), with a readable name. */
export async function exportRegistrationsCsv(ctx: CoreContext, input: z.output<typeof workshopRegistrationsInput>): Promise<{ filename: string; content: string }> {
  const w = await ctx.db.selectFrom('workshop').select(['title', 'starts_at', 'time_zone']).where('id', '=', input.workshopId).executeTakeFirst();
  if (!w) throw new AppError('NOT_FOUND', 'This workshop no longer exists.');
  const rows = await workshopRegistrations(ctx, input);
  const slug = w.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 50);
  return { filename: `${slug}-${new Date(w.starts_at).toISOString().slice(0, 10)}-registrations.csv`, content: registrationsCsv(rows, w.time_zone) };
}
