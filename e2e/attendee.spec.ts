import { createAdmin, expect, shot, signIn, STRONG, test } from './fixtures';

test('an attendee signs up, sees only attendee navigation, signs out and in again', async ({ page, request }) => {
  await createAdmin(request);
  await page.goto('/');
  await page.getByRole('button', { name: 'Create an attendee account' }).click();
  await expect(page.getByRole('heading', { name: 'Create your account' })).toBeVisible();
  await page.getByLabel('Full name').fill('Bea Attendee');
  await page.getByLabel('Email').fill('ada@example.com');
  await page.getByLabel('Password', { exact: true }).fill(STRONG);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('An account with this email address already exists.')).toBeVisible();
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
