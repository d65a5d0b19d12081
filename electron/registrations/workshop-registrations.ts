import { sql } from 'kysely';
import type { z } from 'zod';
import { AppError } from '../../shared/errors';
import { paymentInWords, statusInWords, type Registration, type workshopRegistrationsInput } from '../../shared/registrations';
import { formatTicketCode } from '../../shared/tickets';
import type { CoreContext } from '../core/context';
import { registrationQuery, toRegistration } from './registration-rows';
import { CSV_BOM, csvText, date, money, text, type CellValue, type Table } from '../reports/table-file';

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

/**
 * One workshop's registrations as a table (see reports/table-file.ts for CSV and XLSX). Times are the
 * workshop's wall clock, its zone in the header; the price is what the person pays once confirmed.
 */
export function registrationsTable(rows: Registration[], timeZone: string): Table & { rows: CellValue[][] } {
  const columns = [
    { header: 'Name', width: 28 },
    { header: 'Email', width: 30 },
    { header: 'Phone', width: 18 },
    { header: 'Status', width: 22 },
    { header: `Requested at (${timeZone})`, width: 20 },
    { header: `Confirmed at (${timeZone})`, width: 20 },
    { header: 'Ticket', width: 16 },
    { header: 'Price', width: 12 },
    { header: 'Payment', width: 18 },
  ];
  const data = rows.map((r) => [
    text(r.personName),
    text(r.personEmail),
    text(r.personPhone),
    text(statusInWords(r)),
    date(r.requestedAt, timeZone),
    date(r.confirmedAt, timeZone),
    text(r.ticketCode ? formatTicketCode(r.ticketCode) : null),
    money(r.amountDueMinor, r.currency),
    text(paymentInWords(r)),
  ]);
  return {
    columns,
    rows: data,
    batches: async function* () {
      yield data;
    },
  };
}

/** UTF-8 with a byte-order mark and RFC 4180 quoting: opens cleanly in Excel, LibreOffice and Numbers. */
export function registrationsCsv(rows: Registration[], timeZone: string): string {
  const table = registrationsTable(rows, timeZone);
  return `${CSV_BOM}${csvText(table.columns, table.rows)}`;
}

/** The CSV file for one workshop's registrations (same filters as the list), with a readable name. */
export async function exportRegistrationsCsv(ctx: CoreContext, input: z.output<typeof workshopRegistrationsInput>): Promise<{ filename: string; content: string }> {
  const w = await ctx.db.selectFrom('workshop').select(['title', 'starts_at', 'time_zone']).where('id', '=', input.workshopId).executeTakeFirst();
  if (!w) throw new AppError('NOT_FOUND', 'This workshop no longer exists.');
  const rows = await workshopRegistrations(ctx, input);
  const slug = w.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 50);
  return { filename: `${slug}-${new Date(w.starts_at).toISOString().slice(0, 10)}-registrations.csv`, content: registrationsCsv(rows, w.time_zone) };
}
