import { apiCall, expect, shot, signIn, test } from './fixtures';

const NEW_PASSWORD = 'lantern orchard quietly 42';

test('renaming the station shows at once in the header and on Home; a chosen locale changes every date, pickers included', async ({ page, request }) => {
  await apiCall(request, 'setup:loadDemoData', {});
  await page.goto('/');
  await signIn(page, 'admin@workshop.com', 'admin123');
  await page.getByLabel('Current password').fill('admin123');
  await page.getByLabel('New password').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Change password' }).click();
  const header = page.getByRole('banner');
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(header.getByText('Front desk 1')).toBeVisible();

  await nav.getByRole('button', { name: 'Station settings' }).click();
  await expect(page.getByLabel('Station name')).toHaveValue('Front desk 1');
  await page.getByLabel('Station name').fill('Registration desk');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();
  await expect(header.getByText('Registration desk')).toBeVisible();
  await nav.getByRole('button', { name: 'Home' }).click();
  await expect(page.getByText(/on Registration desk\./)).toBeVisible();

  // The system's locale (British English, as the specs run) until the station chooses another.
  await nav.getByRole('button', { name: 'Browse workshops' }).click();
  await expect(page.getByText('Thu, 10 Dec 2026, 09:30–16:30 CET (Europe/Berlin)')).toBeVisible();
  await nav.getByRole('button', { name: 'Station settings' }).click();
  await page.getByRole('combobox', { name: 'Dates and times' }).click();
  await page.getByRole('option', { name: /English \(United States\)/ }).click();
  await expect(page.getByText('Dates and times now follow the new setting.')).toBeVisible();
  await shot(page, 'station-settings-locale');

  await nav.getByRole('button', { name: 'Browse workshops' }).click();
  await expect(page.getByText('Thu, Dec 10, 2026, 09:30 AM–04:30 PM GMT+1 (Europe/Berlin)')).toBeVisible();
  await page.getByRole('button', { name: 'From', exact: true }).click();
  // US calendars start on Sunday.
  await expect(page.locator('[data-dates-dropdown] thead th').first()).toHaveText('Su');
  await shot(page, 'catalogue-date-picker-en-us');
  await page.keyboard.press('Escape');
});
