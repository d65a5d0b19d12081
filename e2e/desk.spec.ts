import type { APIRequestContext, Page } from '@playwright/test';
import { makeTicketCode } from '../shared/tickets';
import { apiCall, createAdmin, expect, otherWindow, shot, signIn, STRONG, test } from './fixtures';

const SCAN = 'Scan a ticket, or type a name, email or phone';
const pad = (n: number) => String(n).padStart(2, '0');
/** "2026-12-01T14:20": the wall-clock time in `zone`, `minutes` from now. */
const localIn = (zone: string, minutes: number) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .format(new Date(Date.now() + minutes * 60_000))
    .replace(' ', 'T');
/**
 * "Today's sessions" are the workshops that start today in their own zone: a zone where the next
 * three hours stay on today's date, so the spec means the same at any hour it runs (in UTC after
 * 21:00 the sessions would start tomorrow; Honolulu is then around noon).
 */
const ZONE = ['UTC', 'Pacific/Honolulu'].find((z) => localIn(z, 0).slice(0, 10) === localIn(z, 180).slice(0, 10))!;

async function workshop(request: APIRequestContext, categoryId: string, title: string, priceMinor: number, capacity: number) {
  const w = await apiCall(request, 'workshops:create', {
    title, summary: '', description: '', categoryId, tags: [], city: 'Leeds', venue: 'Hall', address: '', instructor: '',
    startsLocal: localIn(ZONE, 30), endsLocal: localIn(ZONE, 180), timeZone: ZONE, capacity, priceMinor, currency: 'EUR', registrationMode: 'automatic', waitlistEnabled: true,
  });
  await apiCall(request, 'workshops:publish', { id: w.id });
  return w as { id: string; title: string };
}

async function openDesk(page: Page) {
  await signIn(page, 'ada@example.com', STRONG);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Desk' }).click();
  await expect(page.getByRole('heading', { name: 'Desk' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: SCAN })).toBeFocused();
}

/** As a USB scanner in keyboard mode sends it: the code, 30 ms between keys, then Enter. */
async function scan(page: Page, code: string) {
  await page.keyboard.type(code, { delay: 30 });
  await page.keyboard.press('Enter');
}

test('two desks: fast scanning, doubles, typos, pay and check in, undo, walk-in, live counts', async ({ page, request, browser }) => {
  test.setTimeout(240_000);
  await createAdmin(request);
  await apiCall(request, 'auth:signIn', { email: 'ada@example.com', password: STRONG });
  const cat = await apiCall(request, 'categories:create', { name: 'Crafts' });
  const morning = await workshop(request, cat.id, 'Morning pottery', 0, 40);
  const paid = await workshop(request, cat.id, 'Paid printmaking', 2500, 10);
  const people: { name: string; code: string }[] = [];
  for (let i = 1; i <= 32; i++) {
    const r = await apiCall(request, 'registrations:registerPerson', { workshopId: morning.id, name: `Person ${pad(i)}` });
    people.push({ name: r.personName, code: r.ticketCode });
  }
  const uma = await apiCall(request, 'registrations:registerPerson', { workshopId: paid.id, name: 'Uma Unpaid', email: 'uma@example.com' });

  await page.goto('/');
  await openDesk(page);
  const desk2 = await otherWindow(browser, '?station=2');
  await openDesk(desk2);
  const morningCounts2 = desk2.getByRole('region', { name: 'Session Morning pottery' }).getByTestId('session-counts');
  await expect(morningCounts2).toContainText('0 / 32');

  // A scanner sends 30 codes back to back: every one is taken, the field never loses the focus.
  const field = page.getByRole('combobox', { name: SCAN });
  for (const p of people.slice(0, 30)) {
    await scan(page, p.code);
    await expect(field).toBeFocused();
  }
  const log = page.getByTestId('scan-log');
  await expect(log.locator('li[data-tone="ok"]')).toHaveCount(30);
  for (const p of people.slice(0, 30)) await expect(log.getByText(new RegExp(`Checked in · ${p.name} ·`))).toHaveCount(1);
  const result = page.getByTestId('desk-result');
  await expect(result).toHaveAttribute('data-tone', 'ok');
  await expect(result).toContainText('Person 30');
  await expect(result).toContainText('30 of 32 in');
  // The other desk's counts follow by themselves.
  await expect(morningCounts2).toContainText('30 / 32');
  await shot(page, 'desk-green-checked-in');

  // A scanner that sends twice: the second is ignored, visibly.
  await scan(page, people[30]!.code);
  await scan(page, people[30]!.code);
  await expect(page.getByTestId('desk-notice')).toHaveText('Scanned twice — ignored');
  await expect(log.locator('li[data-tone="ok"]')).toHaveCount(31);

  // The other station scans a ticket already used here: when, where, by whom.
  await scan(desk2, people[0]!.code);
  const result2 = desk2.getByTestId('desk-result');
  await expect(result2).toHaveAttribute('data-tone', 'already');
  await expect(result2).toContainText(/Already checked in: At \d\d:\d\d, Front desk 1, by Ada Admin/);
  await expect(result2).toContainText('Person 01');
  await shot(desk2, 'desk-orange-already');

  // A typo is caught without a round trip; a well-formed code nobody has is refused.
  const code = people[31]!.code;
  await scan(page, code.slice(0, 7) + (code[7] === '2' ? '3' : '2'));
  await expect(result).toContainText('This code has a typing error');
  let unknown = makeTicketCode(() => 0);
  if (people.some((p) => p.code === unknown)) unknown = makeTicketCode(() => 1);
  await scan(page, unknown);
  await expect(result).toHaveAttribute('data-tone', 'refused');
  await expect(result).toContainText('Refused: Unknown code');
  await shot(page, 'desk-red-unknown');

  // Unpaid: amber, with the amount; F4, cash handed over, change shown, one action.
  await scan(page, uma.ticketCode);
  await expect(result).toHaveAttribute('data-tone', 'attention');
  await expect(result).toContainText('Attention: Not paid yet');
  await expect(result).toContainText('€25.00 to pay');
  await shot(page, 'desk-amber-unpaid');
  await page.keyboard.press('F4');
  const pay = page.getByRole('region', { name: 'Take payment: Uma Unpaid' });
  await expect(pay.getByLabel('Cash handed over (optional)')).toBeFocused();
  await page.keyboard.type('30');
  await expect(pay.getByTestId('change-due')).toHaveText('Change: €5.00');
  await shot(page, 'desk-payment');
  await page.keyboard.press('Enter');
  await expect(result).toHaveAttribute('data-tone', 'ok');
  await expect(result).toContainText('Paid €25.00 by cash, change €5.00');
  await expect(page.getByRole('region', { name: 'Receipt' })).toContainText('handed over €30.00');
  await expect(field).toBeFocused();
  await shot(page, 'desk-paid-and-checked-in');

  // F8 undoes it: check-in and payment, and both desks see Uma unpaid again.
  await page.keyboard.press('F8');
  await expect(result).toContainText('Check-in and payment undone: Uma Unpaid');
  const paidCounts2 = desk2.getByRole('region', { name: 'Session Paid printmaking' }).getByTestId('session-counts');
  await expect(paidCounts2).toContainText('0 / 1');
  await expect(paidCounts2.getByText('unpaid').locator('..')).toContainText('1');

  // A desk set to one workshop refuses another's ticket, says which, and checks it in there with F7.
  await desk2.getByRole('combobox', { name: 'This desk checks in for' }).click();
  await desk2.getByRole('option', { name: 'Morning pottery' }).click();
  await desk2.getByText('in / confirmed').first().click();
  await expect(desk2.getByRole('combobox', { name: SCAN })).toBeFocused();
  await scan(desk2, uma.ticketCode);
  await expect(result2).toHaveAttribute('data-tone', 'refused');
  await expect(result2).toContainText('This ticket is for Paid printmaking');
  await shot(desk2, 'desk-red-other-workshop');
  await desk2.keyboard.press('F7');
  // There, it is still unpaid: the amber answer says so, and the payment keeps the desk's override.
  await expect(result2).toContainText('Attention: Not paid yet');
  await desk2.keyboard.press('F4');
  await desk2.getByText('Card', { exact: true }).click();
  await desk2.getByRole('button', { name: 'Mark paid and check in' }).focus();
  await desk2.keyboard.press('Enter');
  await expect(result2).toHaveAttribute('data-tone', 'ok');
  await expect(result2).toContainText('Paid €25.00 by card');
  await expect(desk2.getByRole('combobox', { name: SCAN })).toBeFocused();

  // Walk-in with payment: F2, the form, one action, a ticket to take away.
  await page.keyboard.press('F2');
  const walk = page.getByRole('region', { name: 'Walk-in' });
  await expect(walk.getByRole('textbox', { name: 'Name' })).toBeFocused();
  await expect(walk).toContainText('takes a free seat directly, even in a workshop that needs approval');
  await walk.getByRole('combobox', { name: 'Workshop' }).click();
  await page.getByRole('option', { name: 'Paid printmaking' }).click();
  await walk.getByRole('textbox', { name: 'Name' }).fill('Uma Unpaid');
  // The same name in the same workshop: shown, and staff must say it is someone else.
  await expect(walk.getByText(/Uma Unpaid · uma@example.com/)).toBeVisible();
  await walk.getByRole('textbox', { name: 'Name' }).fill('Walter Walk');
  await expect(walk.getByText(/uma@example.com/)).toHaveCount(0);
  await expect(walk).toContainText('€25.00 to pay');
  // Each station remembers its own method: card at desk 2, still cash here.
  await expect(walk.getByRole('radio', { name: 'Cash' })).toBeChecked();
  await walk.getByLabel('Cash handed over (optional)').fill('50');
  await expect(walk.getByTestId('change-due')).toHaveText('Change: €25.00');
  // The next person in the queue holds out a ticket while the form is open, the focus in its Name:
  // the scan checks them in, and the form keeps what was typed and is not sent.
  await walk.getByRole('textbox', { name: 'Name' }).focus();
  await scan(page, people[31]!.code);
  await expect(result).toContainText('Person 32');
  await expect(result).toContainText('32 of 32 in');
  await expect(walk.getByRole('textbox', { name: 'Name' })).toHaveValue('Walter Walk');
  await expect(walk.getByRole('textbox', { name: 'Name' })).toBeFocused();
  await expect(walk.getByTestId('change-due')).toHaveText('Change: €25.00');
  await shot(page, 'desk-walk-in-form');
  await walk.getByRole('button', { name: 'Register, take payment and check in' }).click();
  const done = page.getByRole('region', { name: 'Walk-in registered: Walter Walk' });
  await expect(done).toContainText('Checked in · 2 of 2 in');
  await expect(done.getByTestId('ticket-code')).toHaveText(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
  await shot(page, 'desk-walk-in-done');
  await page.keyboard.press('Escape');
  await expect(field).toBeFocused();
  await expect(page.getByRole('region', { name: 'Session Paid printmaking' }).getByTestId('session-counts')).toContainText('2 / 2');

  // The check-in list: who is in, at which station, and who is not yet.
  await page.keyboard.press('F9');
  const list = page.getByRole('region', { name: 'Check-in list' });
  await list.getByRole('combobox', { name: 'Workshop' }).click();
  await page.getByRole('option', { name: 'Morning pottery' }).click();
  await expect(list.getByTestId('checkin-list-counts')).toHaveText('32 in · 0 not yet');
  await expect(list.getByRole('row', { name: /Person 01 .* Front desk 1 Ada Admin/ })).toBeVisible();
  await shot(page, 'desk-checkin-list');
  // An admin reverses a check-in with a reason: Person 02 is no longer in.
  await list.getByRole('button', { name: 'Reverse check-in of Person 02…' }).click();
  await list.getByRole('textbox', { name: "Why reverse Person 02's check-in?" }).fill('Scanned the wrong ticket');
  await list.getByRole('button', { name: 'Reverse', exact: true }).click();
  await expect(list.getByTestId('checkin-list-counts')).toHaveText('31 in · 1 not yet');
  await expect(morningCounts2).toContainText('31 / 32');
  await page.keyboard.press('Escape');
  await expect(field).toBeFocused();
});
