import { apiCall, expect, shot, signIn, test } from './fixtures';

const NEW_PASSWORD = 'lantern orchard quietly 42';

test('renaming the station shows at once in the header and on Home; a chosen locale changes every date, pickers included', async ({ page, request }) => {
  await apiCall(request, 'setup:loadDemoData', {});
  // The demo's days move with today: the Python workshop's date, as each locale writes it.
  const python = (await apiCall(request, 'workshops:search', { q: 'python' })).items[0] as { startsAt: string };
  const part = (locale: string, o: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, { timeZone: 'Europe/Berlin', ...o }).format(new Date(python.startsAt));
  const [weekday, day, year] = [part('en-GB', { weekday: 'short' }), part('en-GB', { day: 'numeric' }), part('en-GB', { year: 'numeric' })];
  const britishDate = new RegExp(`^${weekday}, ${day} ${part('en-GB', { month: 'short' })} ${year}, 09:30–16:30 CES?T \\(Europe/Berlin\\)$`);
  const americanDate = new RegExp(`^${weekday}, ${part('en-US', { month: 'short' })} ${day}, ${year}, 09:30 AM–04:30 PM GMT\\+[12] \\(Europe/Berlin\\)$`);
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
  await expect(page.getByText(britishDate)).toBeVisible();
  await nav.getByRole('button', { name: 'Station settings' }).click();
  await page.getByRole('combobox', { name: 'Dates and times' }).click();
  await page.getByRole('option', { name: /English \(United States\)/ }).click();
  await expect(page.getByText('Dates and times now follow the new setting.')).toBeVisible();
  await shot(page, 'station-settings-locale');

  await nav.getByRole('button', { name: 'Browse workshops' }).click();
  await expect(page.getByText(americanDate)).toBeVisible();
  await page.getByRole('button', { name: 'From', exact: true }).click();
  // US calendars start on Sunday.
  await expect(page.locator('[data-dates-dropdown] thead th').first()).toHaveText('Su');
  await shot(page, 'catalogue-date-picker-en-us');
  await page.keyboard.press('Escape');
});
