import { expect, shot, test } from './fixtures';

test('demo data: the default admin must choose a new password before anything else', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Load demo data' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByLabel('Email')).toHaveValue('admin@workshop.com');
  await page.getByLabel('Password', { exact: true }).fill('admin123');
  await page.getByRole('button', { name: 'Sign in' }).click();

  await expect(page.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
  await shot(page, 'demo-admin-forced-change');
  // The main process refuses everything else too, not only this screen.
  const refused = await page.evaluate(() => window.api.invoke('users:list', {}));
  expect(refused).toMatchObject({ ok: false, error: { code: 'PASSWORD_CHANGE_REQUIRED' } });

  await page.getByLabel('Current password').fill('admin123');
  await page.getByLabel('New password').fill('short');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('Use at least 12 characters.')).toBeVisible();
  await page.getByLabel('New password').fill('lantern orchard quietly 42');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByRole('heading', { name: 'Welcome, Workshop Admin' })).toBeVisible();
  await shot(page, 'demo-admin-home');
});
