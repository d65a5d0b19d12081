import { expect, shot, signIn, STRONG, test } from './fixtures';

test('first run: create the admin, see the admin navigation, sign out and back in', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Set up Workshop Booking' })).toBeVisible();
  await expect(page.getByText('Front desk 1')).toBeVisible();
  await shot(page, 'first-run-setup');

  // Bad input is explained next to each field before anything is sent.
  await page.getByRole('button', { name: 'Create administrator' }).click();
  await expect(page.getByText('Enter a name.')).toBeVisible();
  await page.getByLabel('Your name').fill('Ada Admin');
  await page.getByLabel('Email').fill('ada@example.com');
  await page.getByLabel('Password', { exact: true }).fill('qwerty123456');
  await page.getByRole('button', { name: 'Create administrator' }).click();
  // The common-password list lives in the main process: its answer comes back as a field error.
  await expect(page.getByText(/commonly used passwords/)).toBeVisible();
  await shot(page, 'first-run-password-refused');

  await page.getByLabel('Password', { exact: true }).fill(STRONG);
  await page.getByRole('button', { name: 'Create administrator' }).click();
  await expect(page.getByRole('heading', { name: 'Welcome, Ada Admin' })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const item of ['Home', 'Browse workshops', 'My registrations', 'Manage workshops', 'Approval queue', 'Desk', 'Categories & tags', 'Users', 'Audit log', 'Station settings', 'My account']) await expect(nav.getByRole('button', { name: item })).toBeVisible();
  await shot(page, 'admin-home');

  // A reload keeps the session (the main process holds it for this window).
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Welcome, Ada Admin' })).toBeVisible();

  await nav.getByRole('button', { name: 'Audit log' }).click();
  // Said in words, naming what was acted on.
  await expect(page.getByRole('row', { name: /Set up the app and created the first administrator/ }).getByText('Ada Admin (ada@example.com)')).toBeVisible();
  await shot(page, 'audit-log');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await signIn(page, 'ada@example.com', 'wrong password here');
  await expect(page.getByRole('alert').filter({ hasText: 'Email or password is incorrect.' })).toBeVisible();
  await shot(page, 'sign-in-wrong-password');
  await signIn(page, 'ada@example.com', STRONG);
  await expect(page.getByRole('heading', { name: 'Welcome, Ada Admin' })).toBeVisible();
});
