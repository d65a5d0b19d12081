import { apiCall, createAdmin, expect, otherWindow, pickDateTime, shot, signIn, STRONG, test } from './fixtures';

test('an admin creates, edits, publishes and duplicates a workshop', async ({ page, request }) => {
  await createAdmin(request);
  await page.goto('/');
  await signIn(page, 'ada@example.com', STRONG);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Categories & tags' }).click();
  await page.getByLabel('New category name').fill('Arts & Crafts');
  await page.getByRole('button', { name: 'Add' }).click();
  await expect(page.getByRole('cell', { name: 'Arts & Crafts', exact: true })).toBeVisible();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Manage workshops' }).click();
  await page.getByRole('button', { name: 'New workshop' }).click();
  await page.getByLabel('Title').fill('Pottery for beginners');
  await page.getByLabel('Short summary').fill('Centre, open and pull your first bowls.');
  await page.getByRole('combobox', { name: 'Category' }).click();
  await page.getByRole('option', { name: 'Arts & Crafts' }).click();
  await page.getByLabel('City').fill('London');
  await page.getByLabel('Venue').fill('Clay Corner Studio');
  await page.getByRole('combobox', { name: 'Time zone' }).fill('Europe/London');
  await page.getByRole('option', { name: 'Europe/London' }).click();
  await pickDateTime(page, 'Starts', '2027-03-06T14:00');
  await expect(page.getByRole('button', { name: 'Starts', exact: true })).toHaveText('6 Mar 2027, 14:00');
  await pickDateTime(page, 'Ends', '2027-03-06T13:00');
  await page.getByRole('button', { name: 'Create draft' }).click();
  // The shared schema explains the mistake next to the field, before anything is saved.
  await expect(page.getByText('The end must be after the start.')).toBeVisible();
  await shot(page, 'workshop-editor-invalid');
  await pickDateTime(page, 'Ends', '2027-03-06T17:00');
  await page.getByRole('button', { name: 'Create draft' }).click();
  await expect(page.getByText('Status: Draft')).toBeVisible();

  await page.getByLabel('Title').fill('Pottery for absolute beginners');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Changes saved.')).toBeVisible();
  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByText('Status: Published')).toBeVisible();
  await shot(page, 'workshop-editor-published');

  await page.getByRole('button', { name: 'Duplicate' }).click();
  await expect(page.getByRole('heading', { name: 'Pottery for absolute beginners (copy)' })).toBeVisible();
  await expect(page.getByText('Status: Draft')).toBeVisible();
  await page.getByRole('button', { name: '← Back to workshop management' }).click();
  await expect(page.getByRole('row', { name: /Pottery for absolute beginners \(copy\)/ }).getByText('Draft')).toBeVisible();
  await expect(page.getByRole('row', { name: /^Pottery for absolute beginners Arts/ }).getByText('Published')).toBeVisible();
  await shot(page, 'workshops-admin-list');
});

test('an attendee filters, finds a workshop despite a typo, opens it and comes back to the same results', async ({ request, browser }) => {
  await apiCall(request, 'setup:loadDemoData', {});
  const attendee = await otherWindow(browser);
  await attendee.getByRole('button', { name: 'Create an attendee account' }).click();
  await attendee.getByLabel('Full name').fill('Bea Attendee');
  await attendee.getByLabel('Email').fill('bea@example.com');
  await attendee.getByLabel('Password', { exact: true }).fill(STRONG);
  await attendee.getByRole('button', { name: 'Create account' }).click();
  await attendee.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Browse workshops' }).click();
  await expect(attendee.getByText('5 workshops')).toBeVisible();
  await shot(attendee, 'catalogue');

  await attendee.getByLabel('Free only').check();
  await expect(attendee.getByText('1 workshop', { exact: true })).toBeVisible();
  await attendee.getByLabel('Free only').uncheck();
  await attendee.getByRole('checkbox', { name: /^London \(1\)/ }).check();
  await expect(attendee.getByText('1 workshop', { exact: true })).toBeVisible();
  await attendee.getByRole('checkbox', { name: /^London/ }).uncheck();

  await attendee.getByLabel('Search workshops').fill('sourdugh');
  await expect(attendee.getByText("No exact match for “sourdugh”. Showing results for “sourdough”.")).toBeVisible();
  await expect(attendee.getByRole('link', { name: 'Sourdough Bread Masterclass' })).toBeVisible();
  await expect(attendee.getByText('1 workshop', { exact: true })).toBeVisible();
  await shot(attendee, 'catalogue-typo-search');

  await attendee.getByRole('link', { name: 'Sourdough Bread Masterclass' }).click();
  await expect(attendee.getByRole('heading', { name: 'Sourdough Bread Masterclass' })).toBeVisible();
  await expect(attendee.getByText('Instant confirmation: your seat is confirmed as soon as you register.')).toBeVisible();
  await expect(attendee.getByText(/\(Europe\/Paris\)/)).toBeVisible();
  await shot(attendee, 'workshop-detail');

  await attendee.getByRole('button', { name: '← Back to results' }).click();
  await expect(attendee.getByLabel('Search workshops')).toHaveValue('sourdugh');
  await expect(attendee.getByText('1 workshop', { exact: true })).toBeVisible();
  await expect(attendee.getByRole('link', { name: 'Sourdough Bread Masterclass' })).toBeVisible();
});
