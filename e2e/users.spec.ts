import { apiCall, createAdmin, expect, otherWindow, shot, signIn, STRONG, test } from './fixtures';

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
  await expect(desk.getByRole('navigation', { name: 'Main' }).getByRole('button')).toHaveText(['Home', 'Browse workshops', 'My registrations', 'Manage workshops', 'Desk', 'Reports', 'My account']);
  await shot(desk, 'staff-home');

  // Disabling the account signs the desk out at its next action.
  await page.getByRole('button', { name: 'Actions for Sam Staff' }).click();
  await page.getByRole('menuitem', { name: 'Disable account' }).click();
  await expect(page.getByRole('row', { name: /Sam Staff/ }).getByText('Disabled')).toBeVisible();
  // (My account asks for the account's signed-in stations as it opens: that is the next action.)
  await desk.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'My account' }).click();
  await expect(desk.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(desk.getByText(/disabled/)).toBeVisible();
  await shot(desk, 'staff-signed-out-disabled');
});

test('"Reset password…" asks first, saying the person is signed out everywhere, and resets only when confirmed', async ({ page, request, browser }) => {
  await createAdmin(request);
  await apiCall(request, 'auth:signIn', { email: 'ada@example.com', password: STRONG });
  await apiCall(request, 'users:create', { name: 'Sam Staff', email: 'sam@example.com', role: 'staff', password: 'welcome to the desk', mustChangePassword: false });
  const desk = await otherWindow(browser);
  await signIn(desk, 'sam@example.com', 'welcome to the desk');
  await expect(desk.getByRole('heading', { name: 'Welcome, Sam Staff' })).toBeVisible();

  await page.goto('/');
  await signIn(page, 'ada@example.com', STRONG);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Users' }).click();
  await page.getByRole('button', { name: 'Actions for Sam Staff' }).click();
  await expect(page.getByRole('menuitem', { name: 'Reset password…' })).toBeVisible();
  await shot(page, 'users-row-menu');
  await page.getByRole('menuitem', { name: 'Reset password…' }).click();
  const ask = page.getByRole('dialog', { name: 'Reset the password of Sam Staff?' });
  await expect(ask.getByText('Sam Staff is signed out everywhere, on every station, at once.')).toBeVisible();
  await shot(page, 'users-reset-password-confirm');
  await ask.getByRole('button', { name: 'Keep the current password' }).click();
  await expect(ask).toBeHidden();
  // Nothing happened: the desk is still signed in and works.
  await desk.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Browse workshops' }).click();
  await expect(desk.getByRole('heading', { name: 'Browse workshops' })).toBeVisible();

  await page.getByRole('button', { name: 'Actions for Sam Staff' }).click();
  await page.getByRole('menuitem', { name: 'Reset password…' }).click();
  await ask.getByRole('button', { name: 'Reset password' }).click();
  await expect(page.getByRole('dialog', { name: 'Temporary password' }).getByTestId('temporary-password')).not.toBeEmpty();
  await shot(page, 'users-temporary-password');
  await desk.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'My registrations' }).click();
  await expect(desk.getByRole('heading', { name: 'Sign in' })).toBeVisible();
});
