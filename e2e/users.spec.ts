import { createAdmin, expect, otherWindow, shot, signIn, STRONG, test } from './fixtures';

test('an admin creates a staff account; the staff member signs in, sets a password, and sees desk navigation', async ({ page, request, browser }) => {
  await createAdmin(request);
  await page.goto('/');
  await signIn(page, 'ada@example.com', STRONG);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Users' }).click();
  await expect(page.getByRole('heading', { name: 'Users' })).toBeVisible();

  await page.getByRole('button', { name: 'New account' }).click();
  const dialog = page.getByRole('dialog', { name: 'New account' });
  await dialog.getByLabel('Full name').fill('Sam Staff');
  await dialog.getByLabel('Email').fill('sam@example.com');
  await dialog.getByLabel('Initial password').fill('welcome to the desk');
  await shot(page, 'users-new-account');
  await dialog.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('cell', { name: 'sam@example.com' })).toBeVisible();
  await expect(page.getByRole('row', { name: /Sam Staff/ }).getByText('Must set password')).toBeVisible();
  await shot(page, 'users-list');

  const desk = await otherWindow(browser);
  await signIn(desk, 'sam@example.com', 'welcome to the desk');
  await expect(desk.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
  await desk.getByLabel('Current password').fill('welcome to the desk');
  await desk.getByLabel('New password').fill('sunlit ferry crossing 9');
  await desk.getByRole('button', { name: 'Change password' }).click();
  await expect(desk.getByRole('heading', { name: 'Welcome, Sam Staff' })).toBeVisible();
  await expect(desk.getByRole('navigation', { name: 'Main' }).getByRole('button')).toHaveText(['Home', 'Browse workshops', 'My registrations', 'Manage workshops', 'My account']);
  await shot(desk, 'staff-home');

  // Disabling the account signs the desk out at its next action.
  await page.getByRole('button', { name: 'Actions for Sam Staff' }).click();
  await page.getByRole('menuitem', { name: 'Disable account' }).click();
  await expect(page.getByRole('row', { name: /Sam Staff/ }).getByText('Disabled')).toBeVisible();
  await desk.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'My account' }).click();
  await desk.getByLabel('Current password').fill('sunlit ferry crossing 9');
  await desk.getByLabel('New password').fill('another fine password 1');
  await desk.getByRole('button', { name: 'Change password' }).click();
  await expect(desk.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(desk.getByText(/disabled/)).toBeVisible();
  await shot(desk, 'staff-signed-out-disabled');
});
