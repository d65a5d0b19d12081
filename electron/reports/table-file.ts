import { once } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { CURRENCIES, formatPrice, isCurrency } from '../../shared/money';
import { zonedMinute } from '../../shared/time';

/**
 * One table, two files: the CSV every export has always been (UTF-8 with a byte-order mark, every
 * cell quoted, formula-looking text neutralised) and an XLSX workbook with real types. Rows arrive
 * in batches and go to the file as they come, so a large export never sits whole in memory.
 */

export type CellValue =
  | { kind: 'text'; value: string | null }
  | { kind: 'number'; value: number | null }
  /** An instant shown as the wall clock of `zone` (a workshop's own zone). */
  | { kind: 'date'; at: Date | string | null; zone: string }
  | { kind: 'money'; minor: number | null; currency: string };

export interface TableColumn {
  header: string;
  /** Width in characters, for the workbook. */
  width?: number;
}

export interface Table {
  columns: TableColumn[];
  /** Batches of rows, each row one value per column. */
  batches(): AsyncIterable<CellValue[][]>;
}

export const text = (value: string | null | undefined): CellValue => ({ kind: 'text', value: value ?? null });
export const number = (value: number | null | undefined): CellValue => ({ kind: 'number', value: value ?? null });
export const date = (at: Date | string | null | undefined, zone: string): CellValue => ({ kind: 'date', at: at ?? null, zone });
export const money = (minor: number | null | undefined, currency: string): CellValue => ({ kind: 'money', minor: minor ?? null, currency });

// A cell starting with one of these is a formula to a spreadsheet program: quote it as text.
const FORMULA_START = /^[=+\-@\t\r]/;
export const neutralise = (v: string) => (FORMULA_START.test(v) ? `'${v}` : v);

const isoOf = (at: Date | string) => (at instanceof Date ? at.toISOString() : at);

function csvCell(c: CellValue): string {
  switch (c.kind) {
    case 'text':
      return neutralise(c.value ?? '');
    case 'number':
      return c.value === null ? '' : String(c.value);
    case 'date':
      return c.at === null ? '' : zonedMinute(isoOf(c.at), c.zone);
    case 'money':
      return c.minor ? formatPrice(c.minor, c.currency, 'en-GB') : '';
  }
}

const CSV_OPTIONS = { quotes: true, newline: '\r\n' } as const;
export const CSV_BOM = '\uFEFF';

/** The header line and the rows, as CSV text (no byte-order mark, no trailing newline). */
export function csvText(columns: TableColumn[], rows: CellValue[][]): string {
  return Papa.unparse({ fields: columns.map((c) => c.header), data: rows.map((r) => r.map(csvCell)) }, CSV_OPTIONS);
}

async function write(out: Writable, chunk: string | Buffer): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}

async function finish(out: Writable): Promise<void> {
  out.end();
  await once(out, 'finish');
}

export async function writeCsv(table: Table, out: Writable): Promise<number> {
  let rows = 0;
  await write(out, CSV_BOM + Papa.unparse([table.columns.map((c) => c.header)], CSV_OPTIONS));
  for await (const batch of table.batches()) {
    if (!batch.length) continue;
    await write(out, CSV_OPTIONS.newline + Papa.unparse(batch.map((r) => r.map(csvCell)), CSV_OPTIONS));
    rows += batch.length;
  }
  await finish(out);
  return rows;
}

const DATE_FORMAT = 'yyyy-mm-dd hh:mm';
const moneyFormat = (currency: string) => {
  const digits = isCurrency(currency) ? CURRENCIES[currency] : 2;
  return `#,##0${digits ? `.${'0'.repeat(digits)}` : ''} "${currency}"`;
};

/**
 * A spreadsheet date is a wall clock without a zone: the instant's wall clock in the workshop's zone,
 * written as if it were UTC (which is how the library stores dates), reads back as that time.
 */
export function wallClockDate(at: Date | string, zone: string): Date {
  return new Date(`${zonedMinute(isoOf(at), zone).replace(' ', 'T')}:00Z`);
}

/**
 * One style object per number format, shared by every cell that has it: the library recognises a
 * style it has seen by the object itself, and otherwise compares it field by field for each cell
 * (which made a 54,000-row ledger take most of its time in styles).
 */
const styles = new Map<string, Partial<ExcelJS.Style>>();
const styleOf = (numFmt: string): Partial<ExcelJS.Style> => {
  let s = styles.get(numFmt);
  if (!s) styles.set(numFmt, (s = Object.freeze({ numFmt })));
  return s;
};
const PLAIN: Partial<ExcelJS.Style> = Object.freeze({});

function xlsxCell(cell: ExcelJS.Cell, c: CellValue): void {
  switch (c.kind) {
    case 'text':
      // Codes and phone numbers stay text: no lost leading zeros, no "+49…" read as a formula.
      cell.value = c.value ?? null;
      cell.style = styleOf('@');
      return;
    case 'number':
      cell.value = c.value;
      cell.style = PLAIN;
      return;
    case 'date':
      cell.value = c.at === null ? null : wallClockDate(c.at, c.zone);
      cell.style = styleOf(DATE_FORMAT);
      return;
    case 'money': {
      const digits = isCurrency(c.currency) ? CURRENCIES[c.currency] : 2;
      cell.value = c.minor === null ? null : c.minor / 10 ** digits;
      cell.style = styleOf(moneyFormat(c.currency));
      return;
    }
  }
}

/** A workbook of one sheet, header row frozen, streamed row by row. */
export async function writeXlsx(table: Table, out: Writable, sheetName: string): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = table.columns.map((c, i) => ({ key: String(i), width: c.width ?? Math.max(12, c.header.length + 2) }));
  const header = sheet.addRow(table.columns.map((c) => c.header));
  header.font = { bold: true };
  header.commit();
  let rows = 0;
  for await (const batch of table.batches()) {
    for (const values of batch) {
      const row = sheet.addRow([]);
      values.forEach((v, i) => xlsxCell(row.getCell(i + 1), v));
      row.commit();
    }
    rows += batch.length;
  }
  sheet.commit();
  await workbook.commit();
  // The workbook ends the stream; the file is whole only once the stream says so.
  if (!out.writableFinished) await once(out, 'finish');
  return rows;
}
