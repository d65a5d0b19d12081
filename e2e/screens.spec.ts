import { apiCall, expect, shot, signIn, test } from './fixtures';

const ADMIN_PASSWORD = 'lantern orchard quietly 42';

// The screens no other spec photographs, in the states people meet them in (open menus, pickers,
// warnings, notifications): each shot() holds them to the accessibility gate.
test('the admin screens pass the accessibility gate with their menus, pickers and dialogs open', async ({ page, request }) => {
  await apiCall(request, 'setup:loadDemoData', {});
  await apiCall(request, 'auth:signIn', { email: 'admin@workshop.com', password: 'admin123' });
  await apiCall(request, 'auth:changePassword', { currentPassword: 'admin123', newPassword: ADMIN_PASSWORD });
  const python = (await apiCall(request, 'workshops:search', { q: 'python' })).items[0];
  await apiCall(request, 'registrations:registerPerson', { workshopId: python.id, name: 'Walk In', email: 'walk@example.com' });
  await page.goto('/');
  await signIn(page, 'admin@workshop.com', ADMIN_PASSWORD);
  const nav = page.getByRole('navigation', { name: 'Main' });

  await nav.getByRole('button', { name: 'Categories & tags' }).click();
  await page.getByRole('button', { name: 'Actions for category Cooking' }).click();
  await expect(page.getByRole('menuitem', { name: 'Delete…' })).toBeVisible();
  await shot(page, 'taxonomy-menu');
  await page.getByRole('menuitem', { name: 'Delete…' }).click();
  await expect(page.getByRole('dialog', { name: 'Delete category' })).toBeVisible();
  await shot(page, 'taxonomy-delete-dialog');
  await page.keyboard.press('Escape');

  await nav.getByRole('button', { name: 'Manage workshops' }).click();
  await expect(page.getByRole('row', { name: /Python for Beginners/ })).toBeVisible();
  await page.getByRole('row', { name: /Python for Beginners/ }).click();
  await expect(page.getByText('Status: Published')).toBeVisible();
  await page.getByRole('button', { name: 'Starts', exact: true }).click();
  await expect(page.locator('[data-dates-dropdown]')).toBeVisible();
  await shot(page, 'workshop-editor-date-time-picker');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Registrations', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Registrations: Python for Beginners' })).toBeVisible();
  await page.getByRole('button', { name: 'Actions for Walk In' }).click();
  await expect(page.getByRole('menuitem', { name: 'Paid by cash' })).toBeVisible();
  await shot(page, 'workshop-registrations-menu');
  await page.getByRole('menuitem', { name: 'Paid by cash' }).click();
  await expect(page.getByText('Payment recorded (cash).')).toBeVisible();
  await shot(page, 'workshop-registrations-paid');

  await nav.getByRole('button', { name: 'Approval queue' }).click();
  await page.getByRole('button', { name: 'Workshops from', exact: true }).click();
  await expect(page.locator('[data-dates-dropdown]')).toBeVisible();
  await shot(page, 'approval-queue-date-picker');
  await page.keyboard.press('Escape');

  await nav.getByRole('button', { name: 'My account' }).click();
  await expect(page.getByText(/This session ends at/)).toBeVisible();
  await shot(page, 'my-account');

  await nav.getByRole('button', { name: 'Audit log' }).click();
  await expect(page.getByRole('row', { name: /Recorded a payment/ }).getByText('Walk In — Python for Beginners')).toBeVisible();
  await shot(page, 'audit-log-in-words');
});
