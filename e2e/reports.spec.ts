import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { APIRequestContext, Page } from '@playwright/test';
import { apiCall, createAdmin, expect, shot, signIn, STRONG, test } from './fixtures';

/** The bridge's save dialog puts exports in `folder`; the spec downloads them back through the bridge. */
const download = async (request: APIRequestContext, fileName: string) => {
  const r = await request.get(`/__test/exports/${encodeURIComponent(fileName)}`);
  expect(r.status()).toBe(200);
  return Buffer.from(await r.body());
};

async function savedName(page: Page, pattern: RegExp): Promise<string> {
  const note = page.locator('.mantine-Notification-root').filter({ hasText: pattern }).last();
  await expect(note).toBeVisible({ timeout: 20_000 });
  const text = (await note.textContent()) ?? '';
  const name = /Saved (\S+) \(/.exec(text)?.[1];
  expect(name).toBeTruthy();
  await note.getByRole('button').click().catch(() => undefined);
  return name!;
}

async function chooseOption(page: Page, label: string, option: RegExp | string) {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option }).first().click();
}

test('reports for the demo data with check-ins: charts with their tables, and one export of each kind', async ({ page, request }) => {
  test.setTimeout(150_000);
  await page.goto('/');
  await page.getByRole('button', { name: 'Load demo data' }).click();
  await expect(page.getByLabel('Email')).toHaveValue('admin@workshop.com');
  await page.getByLabel('Password', { exact: true }).fill('admin123');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByLabel('Current password').fill('admin123');
  await page.getByLabel('New password').fill('lantern orchard quietly 42');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByRole('heading', { name: 'Welcome, Workshop Admin' })).toBeVisible();
  const activity = await (await request.post('/__test/report-activity')).json();
  expect(activity.checkIns).toBeGreaterThan(20);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Reports' }).click();
  await expect(page.getByRole('heading', { name: 'Reports', level: 1 })).toBeVisible();
  for (const section of ['Fill', 'Money', 'Attendance', 'Registrations over time', 'Arrivals', 'Exports']) await expect(page.getByRole('heading', { name: section, exact: true })).toBeVisible();
  const fill = page.getByRole('region', { name: 'Fill' });
  await expect(fill.locator('.recharts-surface').first()).toBeVisible();
  await expect(fill.getByRole('table')).toContainText('Python for Beginners');
  // Sortable: the fullest first after two clicks on "Full".
  await fill.getByRole('button', { name: 'Full' }).click();
  await fill.getByRole('button', { name: /Full/ }).click();
  await expect(fill.getByRole('columnheader', { name: /Full/ })).toHaveAttribute('aria-sort', 'descending');
  const money = page.getByRole('region', { name: 'Money' });
  await expect(money.getByRole('heading', { name: /By month, in EUR/ })).toBeVisible();
  await expect(money.getByRole('table', { name: 'By category' })).toBeVisible();
  const attendance = page.getByRole('region', { name: 'Attendance' });
  await expect(attendance.locator('.recharts-surface').first()).toBeVisible();
  await expect(attendance.getByRole('table', { name: 'Per workshop' })).toContainText('(last run)');
  await shot(page, 'reports-overview');

  // One workshop: the queue at its door.
  await chooseOption(page, 'Workshop', /Python for Beginners \(last run\)/);
  const arrivals = page.getByRole('region', { name: 'Arrivals' });
  await expect(arrivals.locator('.recharts-surface')).toBeVisible();
  await expect(arrivals.getByRole('table', { name: 'Check-ins per 5 minutes' })).toContainText('min before');
  await arrivals.scrollIntoViewIfNeeded();
  await shot(page, 'reports-one-workshop');

  // Exports, through the main process's save dialog (the bridge's: a folder this spec chose).
  const folder = mkdtempSync(join(tmpdir(), 'wb-e2e-exports-'));
  await request.post('/__test/dialogs', { data: { exportFolder: folder } });
  const exportsPanel = page.getByRole('region', { name: 'Exports' });
  await exportsPanel.scrollIntoViewIfNeeded();

  // Attendance list of the chosen workshop, as XLSX.
  await chooseOption(page, 'Export', 'Attendance list');
  await expect(exportsPanel.getByTestId('export-filters-attendance')).toContainText('Python for Beginners (last run)');
  await exportsPanel.getByRole('button', { name: 'Save XLSX…' }).click();
  const xlsxName = await savedName(page, /attendance\.xlsx/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await download(request, xlsxName)) as unknown as ArrayBuffer);
  const sheet = wb.worksheets[0]!;
  expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  expect(sheet.getRow(1).getCell(6).value).toMatch(/^Checked in at \(/);
  const came = [...Array(sheet.rowCount - 1).keys()].map((i) => sheet.getRow(i + 2)).filter((r) => r.getCell(5).value === 'Yes');
  expect(came.length).toBeGreaterThan(5);
  for (const r of came) expect(r.getCell(6).value).toBeInstanceOf(Date);

  // The payments ledger (of the chosen workshop), as CSV.
  await chooseOption(page, 'Export', 'Payments ledger');
  await exportsPanel.locator('label').filter({ hasText: /^CSV$/ }).click();
  await exportsPanel.getByRole('button', { name: 'Save CSV…' }).click();
  const csvName = await savedName(page, /payments-.*\.csv/);
  const csv = (await download(request, csvName)).toString('utf8');
  expect(csv.startsWith('\uFEFF"Time (workshop zone)"')).toBe(true);
  const [header, ...rows] = Papa.parse<string[]>(csv.slice(1), { newline: '\r\n' }).data;
  expect(header).toContain('Amount');
  expect(rows.length).toBeGreaterThan(0);
  expect(rows.every((r) => r[2] === 'Python for Beginners (last run)')).toBe(true);

  // The sign-in sheet of the same workshop, as PDF.
  await exportsPanel.getByRole('button', { name: 'Save sign-in sheet (PDF)…' }).click();
  const pdfName = await savedName(page, /sign-in-sheet\.pdf/);
  const pdf = await getDocument({ data: new Uint8Array(await download(request, pdfName)), verbosity: 0 }).promise;
  const text = (await (await pdf.getPage(1)).getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join(' ');
  expect(text).toContain('Python for Beginners (last run)');
  expect(text).toMatch(/\d+ expected/);
  expect(text).toContain('Page 1 of');
  await shot(page, 'reports-exports');

  // Each saved export is in the audit log, found with its filters.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Audit log' }).click();
  await chooseOption(page, 'Action', 'Exported a report to a file');
  await expect(page.getByRole('row', { name: /Exported a report to a file/ })).toHaveCount(3);
  await page.getByLabel('Station').fill('Nowhere');
  await expect(page.getByRole('row', { name: /Exported a report to a file/ })).toHaveCount(0);
  await expect(page.getByText('Nothing recorded (with these filters)')).toBeVisible();
  await shot(page, 'reports-audit-filtered');
});

test('staff see who came and when, and print the sign-in sheet, but not the money or the lists', async ({ page, request }) => {
  await createAdmin(request);
  await apiCall(request, 'auth:signIn', { email: 'ada@example.com', password: STRONG }, 'helper');
  await apiCall(request, 'users:create', { name: 'Sam Staff', email: 'sam@example.com', role: 'staff', password: STRONG, mustChangePassword: false }, 'helper');
  await page.goto('/');
  await signIn(page, 'sam@example.com', STRONG);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Reports' }).click();
  await expect(page.getByRole('heading', { name: 'Reports', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Attendance', exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Arrivals', exact: true })).toBeVisible();
  for (const hidden of ['Fill', 'Money', 'Registrations over time']) await expect(page.getByRole('heading', { name: hidden, exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Save sign-in sheet (PDF)…' })).toBeVisible();
  await expect(page.getByRole('button', { name: /Save (CSV|XLSX)…/ })).toHaveCount(0);
  await shot(page, 'reports-staff');
});
