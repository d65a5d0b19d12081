import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import Papa from 'papaparse';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { formatTicketCode } from '../../shared/tickets';
import { zonedMinute } from '../../shared/time';
import { ScriptedFileDialogs } from '../backup/test-kit';
import { REPORT_NOW, REPORT_REGISTRATIONS, seedReportData } from '../../test/report-data';
import { createTestCore, setupAdmin, signedIn, testDatabaseKinds, type TestCore } from '../../test/test-core';
import { BATCH_ROWS } from './export-tables';

/* Every file is read back by something that did not write it: papaparse, a fresh exceljs workbook, pdf.js. */

async function pdfText(bytes: Buffer): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(bytes), disableFontFace: true, useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((it) => ('str' in it ? it.str : '')).join(' '));
  }
  await doc.destroy();
  return pages;
}

async function workbook(bytes: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb.worksheets[0]!;
}

const NOVEMBER = { from: '2026-11-01', to: '2026-11-30' };

describe.each(testDatabaseKinds())('exports on %s', (kind) => {
  let t: TestCore;
  let folder: string;
  const dialogs = new ScriptedFileDialogs();

  beforeAll(async () => {
    t = await createTestCore(kind, { fileDialogs: dialogs });
  });
  afterAll(() => t?.close());
  beforeEach(async () => {
    await t.reset();
    folder = mkdtempSync(join(tmpdir(), 'wb-exports-'));
    dialogs.exportFolder = folder;
    t.clock.advance(REPORT_NOW.getTime() - t.clock.now().getTime());
    await setupAdmin(t);
    await seedReportData(t.core.ctx.db);
    const done = folder;
    return () => {
      if (process.env.KEEP_EXPORTS) console.log('exports kept in', done);
      else rmSync(done, { recursive: true, force: true });
    };
  });

  const save = async (input: Parameters<TestCore['must']>[2] & object) => {
    const r = await t.must('admin', 'reports:export', input as never);
    if (!r.saved) throw new Error('not saved');
    return { ...r, bytes: readFileSync(join(folder, r.fileName)) };
  };
  const csvRows = (bytes: Buffer) => {
    const s = bytes.toString('utf8');
    expect(s.startsWith('\uFEFF"')).toBe(true);
    return Papa.parse<string[]>(s.slice(1), { newline: '\r\n' }).data;
  };

  it('registrations of a workshop as CSV: every person, quoted, formulas neutralised', async () => {
    const r = await save({ ...NOVEMBER, kind: 'registrations', format: 'csv', workshopId: 'w-berlin' });
    expect(r.fileName).toBe('sourdough-basics-2026-11-10-registrations.csv');
    const [header, ...rows] = csvRows(r.bytes);
    expect(header).toEqual(['Name', 'Email', 'Phone', 'Status', 'Requested at (Europe/Berlin)', 'Confirmed at (Europe/Berlin)', 'Ticket', 'Price', 'Payment']);
    const expected = REPORT_REGISTRATIONS.filter((x) => x.ws === 'w-berlin').map((x) => (x.name.startsWith('=') ? `'${x.name}` : x.name));
    expect(rows.map((x) => x[0]).sort()).toEqual(expected.sort());
    expect(rows.find((x) => x[0] === 'Ben Ng')![4]).toBe('2026-11-01 23:50');
    expect(rows.find((x) => x[0] === `'=HYPERLINK("x")`)![2]).toBe("'+49 030 1234");
    expect(r.rows).toBe(expected.length);
  });

  it('the payments ledger as XLSX: dates as dates in the workshop zone, amounts as numbers in their currency, codes as text, header frozen', async () => {
    const r = await save({ ...NOVEMBER, kind: 'payments', format: 'xlsx' });
    const sheet = await workbook(r.bytes);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(['Time (workshop zone)', 'Time zone', 'Workshop', 'Person', 'Ticket', 'Kind', 'Method', 'Amount', 'Currency', 'Station', 'Note']);
    const stored = await sql<{ id: string; at: Date; amount_minor: number; currency: string; time_zone: string; person_name: string; ticket_code: string | null }>`
      select p.id, p.at, p.amount_minor, p.currency, w.time_zone, r.person_name, r.ticket_code from payment p join registration r on r.id = p.registration_id join workshop w on w.id = r.workshop_id
      where w.id not in ('w-october', 'w-draft') order by p.id`.execute(t.core.ctx.db);
    expect(sheet.rowCount - 1).toBe(stored.rows.length);
    expect(r.rows).toBe(stored.rows.length);
    stored.rows.forEach((p, i) => {
      const row = sheet.getRow(i + 2);
      const at = row.getCell(1);
      expect(at.type).toBe(ExcelJS.ValueType.Date);
      // The wall clock in the workshop's zone, to the minute.
      expect((at.value as Date).toISOString().slice(0, 16).replace('T', ' ')).toBe(zonedMinute(new Date(p.at).toISOString(), p.time_zone));
      expect(at.numFmt).toBe('yyyy-mm-dd hh:mm');
      const amount = row.getCell(8);
      expect(amount.type).toBe(ExcelJS.ValueType.Number);
      expect(amount.value).toBe(p.currency === 'JPY' ? p.amount_minor : p.amount_minor / 100);
      expect(amount.numFmt).toContain(`"${p.currency}"`);
      expect(row.getCell(9).value).toBe(p.currency);
      const ticket = row.getCell(5);
      if (p.ticket_code) {
        expect(ticket.type).toBe(ExcelJS.ValueType.String);
        expect(ticket.value).toBe(formatTicketCode(p.ticket_code));
      }
      expect(row.getCell(4).value).toBe(p.person_name);
    });
  });

  it('the attendance list: check-in time and station; phones stay text', async () => {
    const r = await save({ ...NOVEMBER, kind: 'attendance', format: 'xlsx', workshopId: 'w-tokyo' });
    const sheet = await workbook(r.bytes);
    const uma = [...Array(sheet.rowCount).keys()].map((i) => sheet.getRow(i + 1)).find((row) => row.getCell(1).value === 'Uma Ito')!;
    expect(uma.getCell(3).type).toBe(ExcelJS.ValueType.String);
    expect(uma.getCell(3).value).toBe('090-1234-5678');
    expect(uma.getCell(9).value).toBe(3500);
    expect(uma.getCell(9).numFmt).toBe('#,##0 "JPY"');

    const berlin = await save({ ...NOVEMBER, kind: 'attendance', format: 'csv', workshopId: 'w-berlin' });
    const [, ...rows] = csvRows(berlin.bytes);
    const by = Object.fromEntries(rows.map((x) => [x[0], x]));
    expect(Object.keys(by).sort()).toEqual(['Ada Lovelace', 'Ben Ng', 'Cleo Park', 'Dan Ortiz']);
    // Ben's first scan was reversed: the one that counts was 2 minutes after the 10:00 start, at the kiosk.
    expect(by['Ben Ng']!.slice(4, 7)).toEqual(['Yes', '2026-11-10 10:02', 'Kiosk']);
    expect(by['Cleo Park']!.slice(4, 6)).toEqual(['No', '']);
    expect(by['Cleo Park']![8]).toBe('€25.00');
  });

  it('the check-in log holds every check-in and every reversal', async () => {
    const r = await save({ ...NOVEMBER, kind: 'checkins', format: 'csv' });
    const [, ...rows] = csvRows(r.bytes);
    const events = await sql<{ kind: string }>`select e.kind from checkin_event e where e.workshop_id not in ('w-october') order by e.id`.execute(t.core.ctx.db);
    expect(rows.map((x) => x[5])).toEqual(events.rows.map((e) => (e.kind === 'reversal' ? 'Reversal' : 'Check-in')));
    const reversal = rows.find((x) => x[5] === 'Reversal')!;
    expect(rows.find((x) => x[6] === reversal[7])![5]).toBe('Check-in');
  });

  it('long exports are read in batches and lose no row at a batch edge', async () => {
    await sql`insert into payment (registration_id, kind, amount_minor, currency, method, note, station)
      select 'r-1', 'payment', g, 'EUR', 'cash', 'bulk', 'Bulk' from generate_series(1, ${BATCH_ROWS * 2 + 7}) g`.execute(t.core.ctx.db);
    const r = await save({ ...NOVEMBER, kind: 'payments', format: 'csv' });
    const [, ...rows] = csvRows(r.bytes);
    const bulk = rows.filter((x) => x[10] === 'bulk');
    expect(bulk).toHaveLength(BATCH_ROWS * 2 + 7);
    expect(new Set(bulk.map((x) => x[7])).size).toBe(BATCH_ROWS * 2 + 7);
  });

  it('the audit log for a range, in the viewer zone', async () => {
    const r = await save({ from: '2026-11-03', to: '2026-11-03', kind: 'audit', format: 'csv', timeZone: 'Europe/Berlin' });
    const [header, ...rows] = csvRows(r.bytes);
    expect(header![0]).toBe('Time (Europe/Berlin)');
    // Dan (waiting list, promoted) asked on the 3rd; the set-up and the seeding of others are other days.
    expect(rows.map((x) => x[4]).sort()).toEqual(['registration.promote', 'registration.request']);
    expect(rows.every((x) => x[0]!.startsWith('2026-11-03'))).toBe(true);
  });

  it('the sign-in sheet: A4, every confirmed person by name, what each owes, the totals, page numbers', async () => {
    // Enough people for a second page.
    await sql`insert into registration (id, workshop_id, person_name, status, requested_at, amount_due_minor, currency, payment_status, station, ticket_code)
      select 'bulk-' || g, 'w-berlin', 'Zed Person ' || lpad(g::text, 2, '0'), 'confirmed', now(), 2500, 'EUR', case when g % 2 = 0 then 'paid' else 'unpaid' end, 'Bulk', lpad(g::text, 12, '7')
      from generate_series(1, 40) g`.execute(t.core.ctx.db);
    const r = await t.must('admin', 'reports:signInSheet', { workshopId: 'w-berlin' });
    expect(r).toMatchObject({ saved: true, fileName: 'sourdough-basics-2026-11-10-sign-in-sheet.pdf', rows: 44 });
    const bytes = readFileSync(join(folder, 'sourdough-basics-2026-11-10-sign-in-sheet.pdf'));
    const pages = await pdfText(bytes);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    const all = pages.join('\n');
    for (const name of ['Ada Lovelace', 'Ben Ng', 'Cleo Park', 'Dan Ortiz', ...Array.from({ length: 40 }, (_, i) => `Zed Person ${String(i + 1).padStart(2, '0')}`)]) expect(all).toContain(name);
    // Not confirmed: not on the sheet.
    expect(all).not.toContain('Finn Wolf');
    expect(all).not.toContain('Eve Stone');
    // Cleo and the 20 odd-numbered bulk people owe €25 each.
    expect(pages[0]).toContain('44 expected · 23 paid or nothing to pay · €525.00 to collect from 21');
    expect(pages[0]).toContain('Sourdough basics');
    expect(pages[0]).toContain('Berlin studio');
    pages.forEach((p, i) => {
      expect(p).toContain(`Page ${i + 1} of ${pages.length}`);
      expect(p).toContain('Printed 25 Nov 2026, 13:00 (Europe/Berlin) at Test station');
    });
    // Sorted by name: Ada before Ben before Cleo before Dan before the Zeds.
    const order = ['Ada Lovelace', 'Ben Ng', 'Cleo Park', 'Dan Ortiz', 'Zed Person 01'].map((n) => all.indexOf(n));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const page = (await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise).getPage(1);
    expect((await page).view.map(Math.round)).toEqual([0, 0, 595, 842]);
  });

  it('staff print the sign-in sheet but cannot export lists; a closed dialog saves nothing', async () => {
    await signedIn(t, 'staff', 'desk');
    expect((await t.call('desk', 'reports:signInSheet', { workshopId: 'w-berlin' })).ok).toBe(true);
    expect(await t.call('desk', 'reports:export', { ...NOVEMBER, kind: 'payments', format: 'csv' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    dialogs.exportFolder = null;
    expect(await t.must('admin', 'reports:export', { ...NOVEMBER, kind: 'payments', format: 'csv' })).toEqual({ saved: false });
    expect(readdirSync(folder)).toEqual(['sourdough-basics-2026-11-10-sign-in-sheet.pdf']);
    expect(await t.call('admin', 'reports:export', { ...NOVEMBER, kind: 'attendance', format: 'csv' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});
