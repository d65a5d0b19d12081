import type { Writable } from 'node:stream';
import { once } from 'node:events';
import PDFDocument from 'pdfkit';
import { sql, type Kysely } from 'kysely';
import { AppError } from '../../shared/errors';
import { formatPrice } from '../../shared/money';
import { formatTicketCode } from '../../shared/tickets';
import { formatDateTime, formatWorkshopTime } from '../../shared/time';
import type { Database } from '../db/schema';

/** The sheet for the door: who is expected, a box to tick, what each still owes, a line to sign. */
export interface SignInSheet {
  title: string;
  when: string;
  venue: string;
  people: { name: string; ticket: string | null; paid: boolean; dueMinor: number; currency: string }[];
  printedAt: string;
}

export async function signInSheetData(db: Kysely<Database>, workshopId: string, now: Date, station: string): Promise<SignInSheet & { fileStem: string }> {
  const w = await db.selectFrom('workshop').selectAll().where('id', '=', workshopId).executeTakeFirst();
  if (!w) throw new AppError('NOT_FOUND', 'This workshop no longer exists.');
  const rows = await sql<{ person_name: string; ticket_code: string | null; payment_status: string; amount_due_minor: number; currency: string }>`
    select person_name, ticket_code, payment_status, amount_due_minor, currency from registration
    where workshop_id = ${workshopId} and status = 'confirmed'`.execute(db);
  const people = rows.rows
    .map((r) => ({ name: r.person_name, ticket: r.ticket_code ? formatTicketCode(r.ticket_code) : null, paid: r.payment_status !== 'unpaid', dueMinor: r.payment_status === 'unpaid' ? Number(r.amount_due_minor) : 0, currency: r.currency }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || (a.ticket ?? '').localeCompare(b.ticket ?? ''));
  const startsAt = new Date(w.starts_at).toISOString();
  return {
    fileStem: `${w.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 50) || 'workshop'}-${startsAt.slice(0, 10)}-sign-in-sheet`,
    title: w.title,
    when: formatWorkshopTime(startsAt, new Date(w.ends_at).toISOString(), w.time_zone, 'en-GB'),
    venue: [w.venue, w.address, w.city].filter((s) => s.trim()).join(', '),
    people,
    printedAt: `Printed ${formatDateTime(now.toISOString(), 'en-GB', w.time_zone)} (${w.time_zone}) at ${station}`,
  };
}

/** "12 expected · 9 paid or free · €75.00 to collect from 3" — also printed under the list. */
export function sheetTotals(s: SignInSheet): string {
  const owing = s.people.filter((p) => !p.paid);
  const byCurrency = new Map<string, number>();
  for (const p of owing) byCurrency.set(p.currency, (byCurrency.get(p.currency) ?? 0) + p.dueMinor);
  const toCollect = [...byCurrency].map(([c, m]) => formatPrice(m, c, 'en-GB')).join(' + ');
  return `${s.people.length} expected · ${s.people.length - owing.length} paid or nothing to pay${owing.length ? ` · ${toCollect} to collect from ${owing.length}` : ''}`;
}

const MARGIN = 40;
const ROW = 26;
const COLS = { box: MARGIN, name: MARGIN + 24, ticket: MARGIN + 210, paid: MARGIN + 300, sign: MARGIN + 385 };

function tick(doc: PDFKit.PDFDocument, x: number, y: number): void {
  doc.save().lineWidth(1.6).moveTo(x, y + 5).lineTo(x + 3.5, y + 9).lineTo(x + 10, y).stroke().restore();
}

function tableHeader(doc: PDFKit.PDFDocument, y: number): number {
  doc.font('Helvetica-Bold').fontSize(9);
  doc.text('Here', COLS.box - 4, y, { width: 26, lineBreak: false });
  doc.text('Name', COLS.name, y, { lineBreak: false });
  doc.text('Ticket', COLS.ticket, y, { lineBreak: false });
  doc.text('Paid / due', COLS.paid, y, { lineBreak: false });
  doc.text('Signature', COLS.sign, y, { lineBreak: false });
  const line = y + 14;
  doc.moveTo(MARGIN, line).lineTo(doc.page.width - MARGIN, line).lineWidth(0.8).stroke();
  return line + 6;
}

/** A4, the people sorted by name; page numbers and the printed-at line on every page. */
export async function writeSignInSheet(sheet: SignInSheet, out: Writable): Promise<void> {
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, bufferPages: true, info: { Title: `Sign-in sheet — ${sheet.title}` } });
  doc.pipe(out);
  const bottom = doc.page.height - MARGIN - 30;
  doc.font('Helvetica-Bold').fontSize(16).text(sheet.title, MARGIN, MARGIN, { width: doc.page.width - 2 * MARGIN });
  doc.font('Helvetica').fontSize(10).text(sheet.when).text(sheet.venue || ' ').moveDown(0.3);
  doc.font('Helvetica-Oblique').fontSize(9).text(sheetTotals(sheet)).moveDown(0.6);
  let y = tableHeader(doc, doc.y);
  for (const p of sheet.people) {
    if (y + ROW > bottom) {
      doc.addPage();
      y = tableHeader(doc, MARGIN);
    }
    doc.rect(COLS.box, y + 1, 11, 11).lineWidth(0.8).stroke();
    doc.font('Helvetica').fontSize(10).text(p.name, COLS.name, y + 2, { width: COLS.ticket - COLS.name - 8, height: 12, ellipsis: true, lineBreak: false });
    doc.font('Courier').fontSize(9).text(p.ticket ?? '—', COLS.ticket, y + 3, { lineBreak: false });
    if (p.paid) {
      tick(doc, COLS.paid, y + 2);
      doc.font('Helvetica').fontSize(9).text('Paid', COLS.paid + 15, y + 3, { lineBreak: false });
    } else {
      doc.font('Helvetica-Bold').fontSize(9).text(`${formatPrice(p.dueMinor, p.currency, 'en-GB')} due`, COLS.paid, y + 3, { lineBreak: false });
    }
    doc.moveTo(COLS.sign, y + 15).lineTo(doc.page.width - MARGIN, y + 15).lineWidth(0.4).strokeColor('#555555').stroke().strokeColor('#000000');
    y += ROW;
  }
  if (!sheet.people.length) doc.font('Helvetica').fontSize(10).text('Nobody is confirmed for this workshop.', COLS.name, y + 2);
  const pages = doc.bufferedPageRange();
  for (let i = 0; i < pages.count; i++) {
    doc.switchToPage(pages.start + i);
    // Below the bottom margin: lift it while writing the footer, or the text would open a new page.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('Helvetica').fontSize(8).fillColor('#333333');
    doc.text(sheet.printedAt, MARGIN, doc.page.height - MARGIN - 10, { lineBreak: false });
    doc.text(`Page ${i + 1} of ${pages.count}`, doc.page.width - MARGIN - 80, doc.page.height - MARGIN - 10, { width: 80, align: 'right', lineBreak: false });
    doc.fillColor('#000000');
    doc.page.margins.bottom = margin;
  }
  doc.end();
  await once(out, 'finish');
}
