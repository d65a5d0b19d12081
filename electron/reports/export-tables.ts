import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { z } from 'zod';
import { actionInWords } from '../../shared/audit';
import { AppError } from '../../shared/errors';
import type { exportInput, ExportKind } from '../../shared/reports';
import { formatTicketCode } from '../../shared/tickets';
import { listAudit } from '../audit/audit.service';
import type { CoreContext } from '../core/context';
import type { Database } from '../db/schema';
import { registrationsTable, workshopRegistrations } from '../registrations/workshop-registrations';
import { workshopScope } from './report-scope';
import { date, money, number, text, type CellValue, type Table, type TableColumn } from './table-file';

/*
 * What each export holds. Long ones (ledger, check-in log, audit) are read in batches, so the main
 * process writes a batch while the next is fetched and never holds the whole set of rows.
 */

type ExportSpec = z.output<typeof exportInput>;
export const BATCH_ROWS = 2000;

export interface NamedTable extends Table {
  /** Start of the file name, e.g. "payments-2026-11-01-to-2026-11-30". */
  fileStem: string;
  sheetName: string;
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 50) || 'workshop';

async function workshopOf(db: Kysely<Database>, id: string) {
  const w = await db.selectFrom('workshop').select(['id', 'title', 'starts_at', 'time_zone']).where('id', '=', id).executeTakeFirst();
  if (!w) throw new AppError('NOT_FOUND', 'This workshop no longer exists.');
  return { ...w, stem: `${slug(w.title)}-${new Date(w.starts_at).toISOString().slice(0, 10)}` };
}

/**
 * Rows of a long export — the payments or check-in events of the workshops in range, with what
 * WHEN_AND_WHO shows. The ids of the range first, in order, in one pass (narrowing the range again
 * for each batch read every row of it once per batch: a 54,000-row ledger took 27 such passes),
 * then the rows a batch at a time by id.
 */
async function* rangeRows(ctx: CoreContext, spec: ExportSpec, table: 'payment' | 'checkin_event', columns: RawBuilder<unknown>, toCells: (r: Record<string, unknown>) => CellValue[]): AsyncIterable<CellValue[][]> {
  const from = sql.table(table);
  const ids = (await sql<{ id: string }>`with w as (${workshopScope(spec)}) select x.id::text as id from ${from} x join w on w.id = x.workshop_id order by x.id`.execute(ctx.db)).rows.map((r) => r.id);
  for (let i = 0; i < ids.length; i += BATCH_ROWS) {
    const batch = await sql<Record<string, unknown>>`select x.id, x.at, ${columns}, r.person_name, r.ticket_code, w.title, w.time_zone
      from ${from} x join registration r on r.id = x.registration_id join workshop w on w.id = x.workshop_id
      where x.id = any(${ids.slice(i, i + BATCH_ROWS)}::bigint[])
      order by x.id`.execute(ctx.db);
    if (batch.rows.length) yield batch.rows.map(toCells);
  }
}

async function registrations(ctx: CoreContext, spec: ExportSpec): Promise<NamedTable> {
  const w = await workshopOf(ctx.db, spec.workshopId!);
  const rows = await workshopRegistrations(ctx, { workshopId: w.id });
  return { ...registrationsTable(rows, w.time_zone), fileStem: `${w.stem}-registrations`, sheetName: 'Registrations' };
}

const ticket = (code: unknown) => text(code ? formatTicketCode(String(code)) : null);

const PAYMENT_WORDS: Record<string, string> = { payment: 'Payment', refund: 'Refund', waiver: 'Waiver', void: 'Payment undone' };

async function attendance(ctx: CoreContext, spec: ExportSpec): Promise<NamedTable> {
  const w = await workshopOf(ctx.db, spec.workshopId!);
  const zone = w.time_zone;
  const rows = await sql<Record<string, unknown>>`
    select r.person_name, r.person_email, r.person_phone, r.ticket_code, r.payment_status, r.amount_due_minor, r.currency, e.at, e.station, e.actor_name
    from registration r left join checkin_event e on e.id = r.checkin_id
    where r.workshop_id = ${w.id} and (r.status = 'confirmed' or r.checkin_id is not null)
    order by lower(r.person_name), r.id`.execute(ctx.db);
  const data = rows.rows.map((r) => [
    text(String(r.person_name)),
    text(r.person_email as string | null),
    text(r.person_phone as string | null),
    ticket(r.ticket_code),
    text(r.at ? 'Yes' : 'No'),
    date(r.at as Date | null, zone),
    text(r.station as string | null),
    text(r.actor_name as string | null),
    money(r.payment_status === 'unpaid' ? Number(r.amount_due_minor) : null, String(r.currency)),
  ]);
  return {
    fileStem: `${w.stem}-attendance`,
    sheetName: 'Attendance',
    columns: [
      { header: 'Name', width: 28 },
      { header: 'Email', width: 30 },
      { header: 'Phone', width: 18 },
      { header: 'Ticket', width: 16 },
      { header: 'Checked in', width: 12 },
      { header: `Checked in at (${zone})`, width: 22 },
      { header: 'Station', width: 16 },
      { header: 'Checked in by', width: 20 },
      { header: 'Still to pay', width: 14 },
    ],
    batches: async function* () {
      yield data;
    },
  };
}

const range = (spec: ExportSpec) => `${spec.from}-to-${spec.to}`;

/** The ledger and the check-in log begin alike: when, in the workshop's own zone, which workshop, and who. */
const WHEN_AND_WHO: TableColumn[] = [
  { header: 'Time (workshop zone)', width: 20 },
  { header: 'Time zone', width: 20 },
  { header: 'Workshop', width: 30 },
  { header: 'Person', width: 26 },
  { header: 'Ticket', width: 16 },
];
/** The cells under WHEN_AND_WHO, from a row that selected at, time_zone, title, person_name and ticket_code. */
const whenAndWho = (r: Record<string, unknown>): CellValue[] => [
  date(r.at as Date, String(r.time_zone)),
  text(String(r.time_zone)),
  text(String(r.title)),
  text(String(r.person_name)),
  ticket(r.ticket_code),
];

function payments(ctx: CoreContext, spec: ExportSpec): NamedTable {
  return {
    fileStem: `payments-${range(spec)}`,
    sheetName: 'Payments',
    columns: [
      ...WHEN_AND_WHO,
      { header: 'Kind', width: 16 },
      { header: 'Method', width: 10 },
      { header: 'Amount', width: 14 },
      { header: 'Currency', width: 9 },
      { header: 'Station', width: 16 },
      { header: 'Note', width: 30 },
    ],
    batches: () =>
      rangeRows(
        ctx,
        spec,
        'payment',
        sql`x.kind, x.method, x.amount_minor, x.currency, x.station, x.note`,
        (r) => [
          ...whenAndWho(r),
          text(PAYMENT_WORDS[String(r.kind)] ?? String(r.kind)),
          text(String(r.method)),
          money(Number(r.amount_minor), String(r.currency)),
          text(String(r.currency)),
          text(String(r.station)),
          text(String(r.note)),
        ],
      ),
  };
}

function checkins(ctx: CoreContext, spec: ExportSpec): NamedTable {
  return {
    fileStem: `check-ins-${range(spec)}`,
    sheetName: 'Check-ins',
    columns: [
      ...WHEN_AND_WHO,
      { header: 'Event', width: 14 },
      { header: 'Event no.', width: 10 },
      { header: 'Reverses no.', width: 12 },
      { header: 'Station', width: 16 },
      { header: 'Window', width: 12 },
      { header: 'By', width: 20 },
      { header: 'Reason', width: 30 },
    ],
    batches: () =>
      rangeRows(
        ctx,
        spec,
        'checkin_event',
        sql`x.kind, x.reverses_id, x.station, x.surface, x.actor_name, x.reason`,
        (r) => [
          ...whenAndWho(r),
          text(r.kind === 'reversal' ? 'Reversal' : 'Check-in'),
          number(Number(r.id)),
          number(r.reverses_id === null ? null : Number(r.reverses_id)),
          text(String(r.station)),
          text(r.surface === 'kiosk' ? 'Kiosk' : 'Desk'),
          text(r.actor_name as string | null),
          text(r.reason as string | null),
        ],
      ),
  };
}

function audit(ctx: CoreContext, spec: ExportSpec): NamedTable {
  const zone = spec.timeZone ?? 'UTC';
  return {
    fileStem: `audit-log-${range(spec)}`,
    sheetName: 'Audit log',
    columns: [
      { header: `Time (${zone})`, width: 20 },
      { header: 'Who', width: 28 },
      { header: 'Station', width: 16 },
      { header: 'Action', width: 40 },
      { header: 'Action key', width: 24 },
      { header: 'About', width: 14 },
      { header: 'Name', width: 30 },
      { header: 'Before', width: 40 },
      { header: 'After', width: 40 },
    ],
    // Newest first, as the audit page shows it, paged with the page's own cursor.
    batches: async function* () {
      let beforeId: string | undefined;
      for (;;) {
        const page = await listAudit(ctx.db, { limit: 500, beforeId, from: spec.from, to: spec.to, timeZone: zone });
        if (page.length) {
          yield page.map((e) => [
            date(e.at, zone),
            text(e.actorEmail),
            text(e.station),
            text(actionInWords(e)),
            text(e.action),
            text(e.entityType),
            text(e.entityName),
            text(e.before === null ? null : JSON.stringify(e.before)),
            text(e.after === null ? null : JSON.stringify(e.after)),
          ]);
        }
        if (page.length < 500) return;
        beforeId = page[page.length - 1]!.id;
      }
    },
  };
}

export async function exportTable(ctx: CoreContext, spec: ExportSpec): Promise<NamedTable> {
  const make: Record<ExportKind, () => NamedTable | Promise<NamedTable>> = {
    registrations: () => registrations(ctx, spec),
    attendance: () => attendance(ctx, spec),
    payments: () => payments(ctx, spec),
    checkins: () => checkins(ctx, spec),
    audit: () => audit(ctx, spec),
  };
  return make[spec.kind]();
}
