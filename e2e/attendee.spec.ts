import { createAdmin, expect, otherWindow, shot, signIn, STRONG, test } from './fixtures';

test('an attendee signs up, sees only attendee navigation, signs out and in again', async ({ page, request }) => {
  await createAdmin(request);
  await page.goto('/');
  await page.getByRole('button', { name: 'Create an attendee account' }).click();
  await expect(page.getByRole('heading', { name: 'Create your account' })).toBeVisible();
  await page.getByLabel('Full name').fill('Bea Attendee');
  await page.getByLabel('Email').fill('ada@example.com');
  await page.getByLabel('Password', { exact: true }).fill(STRONG);
  await page.getByRole('button', { name: 'Create account' }).click();
  // Neutral: it must not tell whoever types an email that it has an account.
  await expect(page.getByRole('alert')).toContainText('If you already have an account, sign in instead');
  await expect(page.getByText(/already exists/)).toHaveCount(0);
  await shot(page, 'sign-up-email-taken');

  await page.getByLabel('Email').fill('bea@example.com');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { name: 'Welcome, Bea Attendee' })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('button')).toHaveText(['Home', 'Browse workshops', 'My registrations', 'My account']);
  await shot(page, 'attendee-home');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, 'bea@example.com', STRONG);
  await expect(page.getByRole('heading', { name: 'Welcome, Bea Attendee' })).toBeVisible();
});

test('My account shows where the account is signed in and signs the other windows out', async ({ page, request, browser }) => {
  await createAdmin(request);
  await page.goto('/');
  await signIn(page, 'ada@example.com', STRONG);
  const other = await otherWindow(browser);
  await signIn(other, 'ada@example.com', STRONG);
  await expect(other.getByRole('heading', { name: 'Welcome, Ada Admin' })).toBeVisible();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'My account' }).click();
  const table = page.getByRole('table', { name: 'Signed-in stations' });
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(table.getByRole('row', { name: /This window/ })).toContainText('Front desk 1');
  await shot(page, 'account-signed-in-stations');
  await page.getByRole('button', { name: 'Sign out everywhere else' }).click();
  await expect(page.getByText('Signed out 1 other session.')).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(2);

  // The other window finds out at its next action.
  await other.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'My account' }).click();
  await expect(other.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(other.getByText(/signed out elsewhere/)).toBeVisible();
});
