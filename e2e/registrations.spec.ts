import type { Page } from '@playwright/test';
import { apiCall, expect, otherWindow, shot, signIn, STRONG, test } from './fixtures';

async function signUp(page: Page, name: string, email: string) {
  await page.getByRole('button', { name: 'Create an attendee account' }).click();
  await page.getByLabel('Full name').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(STRONG);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { name: `Welcome, ${name}` })).toBeVisible();
}

async function openWorkshop(page: Page, title: string) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Browse workshops' }).click();
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
}

test('attendee registers (instant and by request), the admin bulk-approves, the attendee sees Confirmed', async ({ page, request, browser }) => {
  await apiCall(request, 'setup:loadDemoData', {});
  const bea = await otherWindow(browser);
  await signUp(bea, 'Bea Attendee', 'bea@example.com');

  await openWorkshop(bea, 'Python for Beginners');
  await bea.getByRole('button', { name: 'Register' }).click();
  const dialog = bea.getByRole('dialog');
  await expect(dialog.getByText('Instant confirmation: your seat is confirmed as soon as you register.')).toBeVisible();
  await expect(dialog.getByText(/Price: €49\.00, fixed when you register/)).toBeVisible();
  await shot(bea, 'register-confirm-summary');
  await dialog.getByRole('button', { name: 'Register' }).click();
  await expect(bea.getByText('Confirmed', { exact: true })).toBeVisible();
  await expect(bea.getByTestId('ticket-code')).toHaveText(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
  await expect(bea.getByRole('img', { name: /QR code of ticket/ })).toBeVisible();
  await shot(bea, 'registered-confirmed-ticket');

  await openWorkshop(bea, 'Wheel-Thrown Pottery Basics');
  await bea.getByRole('button', { name: 'Request a place' }).click();
  await bea.getByRole('dialog').getByRole('button', { name: 'Request a place' }).click();
  await expect(bea.getByText('Requested — waiting for approval')).toBeVisible();
  await shot(bea, 'registered-requested');

  // The admin (demo account, after choosing a password) works through the queue.
  await page.goto('/');
  await signIn(page, 'admin@workshop.com', 'admin123');
  await page.getByLabel('Current password').fill('admin123');
  await page.getByLabel('New password').fill('lantern orchard quietly 42');
  await page.getByRole('button', { name: 'Change password' }).click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Approval queue' }).click();
  await expect(page.getByRole('row', { name: /Bea Attendee/ })).toBeVisible();
  await expect(page.getByText('1 request for 8 seats')).toBeVisible();
  await page.getByRole('checkbox', { name: 'Select Bea Attendee' }).check();
  await shot(page, 'approval-queue');
  await page.getByRole('button', { name: 'Approve 1' }).click();
  const report = page.getByRole('dialog', { name: 'What happened' });
  await expect(report.getByText('Approved: 1')).toBeVisible();
  await shot(page, 'approval-result');
  await report.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByText('No pending requests')).toBeVisible();

  await bea.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'My registrations' }).click();
  const pottery = bea.getByLabel('Registration for Wheel-Thrown Pottery Basics');
  await expect(pottery.getByText('Confirmed', { exact: true })).toBeVisible();
  await expect(pottery.getByText('£65.00 · Not paid yet')).toBeVisible();
  await shot(bea, 'my-registrations');
});

test('a cancellation gives the seat to the first person on the waiting list', async ({ request, browser }) => {
  await apiCall(request, 'setup:createFirstAdmin', { name: 'Ada Admin', email: 'ada@example.com', password: STRONG });
  const cat = await apiCall(request, 'categories:create', { name: 'Crafts' });
  const day = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
  const w = await apiCall(request, 'workshops:create', {
    title: 'Tiny bookbinding class', summary: '', description: '', categoryId: cat.id, tags: [], city: 'Berlin', venue: 'Studio', address: '', instructor: '',
    startsLocal: `${day}T10:00`, endsLocal: `${day}T12:00`, timeZone: 'Europe/Berlin', capacity: 1, priceMinor: 0, currency: 'EUR', registrationMode: 'automatic', waitlistEnabled: true,
  });
  await apiCall(request, 'workshops:publish', { id: w.id });

  const ann = await otherWindow(browser);
  await signUp(ann, 'Ann First', 'ann@example.com');
  await openWorkshop(ann, 'Tiny bookbinding class');
  await ann.getByRole('button', { name: 'Register' }).click();
  await ann.getByRole('dialog').getByRole('button', { name: 'Register' }).click();
  await expect(ann.getByText('Confirmed', { exact: true })).toBeVisible();

  const ben = await otherWindow(browser);
  await signUp(ben, 'Ben Second', 'ben@example.com');
  await openWorkshop(ben, 'Tiny bookbinding class');
  await expect(ben.getByText('Full — waiting list open')).toBeVisible();
  await ben.getByRole('button', { name: 'Join the waiting list' }).click();
  await ben.getByRole('dialog').getByRole('button', { name: 'Join the waiting list' }).click();
  await expect(ben.getByText('On the waiting list, position 1')).toBeVisible();
  await shot(ben, 'waiting-list-position');

  await ann.getByRole('button', { name: 'Cancel my registration…' }).click();
  await ann.getByRole('dialog').getByRole('button', { name: 'Cancel registration' }).click();
  await expect(ann.getByText('Cancelled', { exact: true })).toBeVisible();

  await ben.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'My registrations' }).click();
  await expect(ben.getByText('Confirmed', { exact: true })).toBeVisible();
  await expect(ben.getByTestId('ticket-code')).toBeVisible();
  await shot(ben, 'promoted-from-waiting-list');
});
