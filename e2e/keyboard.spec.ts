import type { Locator, Page } from '@playwright/test';
import { apiCall, expect, otherWindow, shot, STRONG, test } from './fixtures';

/**
 * What has the keyboard focus, and whether a person can see it: a focus ring (an outline) on the
 * element, or on the visible stand-in some controls draw it on (a switch's track, the box around a
 * tags field, a label).
 */
async function focusState(page: Page): Promise<{ lost: boolean; visible: boolean; what: string }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body || el === document.documentElement) return { lost: true, visible: false, what: 'the page itself (<body>)' };
    const ring = (e: Element | null) => {
      if (!e) return false;
      const s = getComputedStyle(e);
      const box = e.getBoundingClientRect();
      return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 1 && s.visibility !== 'hidden' && box.width > 0 && box.height > 0;
    };
    const name = el.getAttribute('aria-label') ?? (el as HTMLInputElement).labels?.[0]?.textContent ?? el.textContent ?? '';
    const what = `<${el.tagName.toLowerCase()}${el.getAttribute('type') ? ` type=${el.getAttribute('type')}` : ''}> "${name.trim().slice(0, 60)}"`;
    return { lost: false, visible: [el, el.nextElementSibling, el.parentElement, el.parentElement?.parentElement ?? null, el.closest('label')].some(ring), what };
  });
}

async function expectFocusVisible(page: Page, after: string): Promise<void> {
  // A dialog hands the focus back when its closing transition ends (on a slow machine, later than the
  // key press returns): what a person meets is where the focus settles, within a moment.
  let f = await focusState(page);
  for (const until = Date.now() + 1500; (f.lost || !f.visible) && Date.now() < until; f = await focusState(page)) await page.waitForTimeout(50);
  expect(f.lost, `after ${after}, the focus fell back to the page itself`).toBe(false);
  expect(f.visible, `after ${after}, ${f.what} has the focus but shows no focus ring`).toBe(true);
}

/** Presses one key, then checks the focus is still somewhere a person can see. */
async function press(page: Page, key: string, towards = ''): Promise<void> {
  const before = (await focusState(page)).what;
  await page.keyboard.press(key);
  await expectFocusVisible(page, `${key} from ${before}${towards}`);
}

/** Whether the focus is on the page's last stop for Tab: the next Tab leaves the page, as in any browser. */
const atLastStop = (page: Page) =>
  page.evaluate(() => {
    const stops = [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [tabindex]')].filter(
      (e) => e.tabIndex >= 0 && !(e as HTMLButtonElement).disabled && e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden',
    );
    return stops.at(-1) === document.activeElement;
  });

/**
 * Tabs forward until `target` has the focus, checking the focus ring at every stop on the way. Past
 * the page's last stop the focus leaves the page and the next Tab starts again from the top.
 */
async function tabTo(page: Page, target: Locator, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await atLastStop(page)) await page.keyboard.press('Tab');
    await press(page, 'Tab', ` (on the way to ${target})`);
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
  }
  throw new Error(`Tab never reached ${target}`);
}

async function typeInto(page: Page, field: Locator, text: string): Promise<void> {
  await tabTo(page, field);
  await page.keyboard.type(text);
}

const ADMIN_PASSWORD = 'lantern orchard quietly 42';

test('keyboard only: sign in, browse, register, and work the approval queue, the focus always visible and never lost', async ({ page, request, browser }) => {
  await apiCall(request, 'setup:loadDemoData', {});
  // The demo admin's own password, chosen beforehand (that screen is covered elsewhere).
  await apiCall(request, 'auth:signIn', { email: 'admin@workshop.com', password: 'admin123' });
  await apiCall(request, 'auth:changePassword', { currentPassword: 'admin123', newPassword: ADMIN_PASSWORD });
  const cat = (await apiCall(request, 'categories:list', {}))[0].id;
  const day = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
  const tiny = await apiCall(request, 'workshops:create', {
    title: 'One-seat letterpress', summary: 'Set type and print a card.', description: '', categoryId: cat, tags: [], city: 'Berlin', venue: 'Print shop', address: '', instructor: '',
    startsLocal: `${day}T10:00`, endsLocal: `${day}T12:00`, timeZone: 'Europe/Berlin', capacity: 1, priceMinor: 0, currency: 'EUR', registrationMode: 'manual', waitlistEnabled: false,
  });
  await apiCall(request, 'workshops:publish', { id: tiny.id });
  await apiCall(request, 'auth:signUp', { name: 'Kim Keys', email: 'kim@example.com', password: STRONG }, 'kim-helper');
  // Someone asked for the one seat first.
  await apiCall(request, 'auth:signUp', { name: 'Early Bird', email: 'early@example.com', password: STRONG }, 'early');
  await apiCall(request, 'registrations:register', { workshopId: tiny.id }, 'early');

  // Sign in: the email field has the focus from the start.
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByLabel('Email')).toBeFocused();
  await expectFocusVisible(page, 'opening the sign-in screen');
  await page.keyboard.type('kim@example.com');
  await typeInto(page, page.getByLabel('Password', { exact: true }), STRONG);
  await press(page, 'Enter');
  await expect(page.getByRole('heading', { name: 'Welcome, Kim Keys' })).toBeFocused();
  await shot(page, 'keyboard-signed-in');

  // Browse: to the catalogue through the navigation, then a search.
  const nav = page.getByRole('navigation', { name: 'Main' });
  await tabTo(page, nav.getByRole('button', { name: 'Browse workshops' }));
  await press(page, 'Enter');
  await expect(page.getByLabel('Search workshops')).toBeFocused();
  await page.keyboard.type('letterpress');
  await expect(page.getByText('1 workshop', { exact: true })).toBeVisible();
  const card = page.getByRole('link', { name: 'One-seat letterpress' });
  await tabTo(page, card);
  await shot(page, 'keyboard-catalogue-card-focused');
  await press(page, 'Enter');
  await expect(page.getByRole('heading', { name: 'One-seat letterpress', level: 1 })).toBeFocused();

  // Register: open the summary, leave it with Escape (the focus comes back), then confirm with Space.
  const requestButton = page.getByRole('button', { name: 'Request a place' });
  await tabTo(page, requestButton);
  await press(page, 'Enter');
  const dialog = page.getByRole('dialog', { name: /Request a place: One-seat letterpress/ });
  await expect(dialog.getByRole('button', { name: 'Request a place' })).toBeFocused();
  await shot(page, 'keyboard-register-dialog');
  await press(page, 'Escape');
  await expect(dialog).toBeHidden();
  await expect(requestButton).toBeFocused();
  await press(page, 'Space');
  await expect(dialog.getByRole('button', { name: 'Request a place' })).toBeFocused();
  await press(page, 'Space');
  await expect(page.getByText('Requested — waiting for approval')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Your registration' })).toBeFocused();
  await expectFocusVisible(page, 'requesting a place');
  await shot(page, 'keyboard-registered');

  await tabTo(page, page.getByRole('button', { name: 'Sign out' }), 120);
  await press(page, 'Enter');
  await expect(page.getByLabel('Email')).toBeFocused();

  // The approval queue, as the admin.
  await page.getByLabel('Email').fill('');
  await page.keyboard.type('admin@workshop.com');
  await typeInto(page, page.getByLabel('Password', { exact: true }), ADMIN_PASSWORD);
  await press(page, 'Enter');
  await expect(page.getByRole('heading', { name: 'Welcome, Workshop Admin' })).toBeFocused();
  await tabTo(page, nav.getByRole('button', { name: 'Approval queue' }));
  await press(page, 'Enter');
  await expect(page.getByText('2 pending requests')).toBeVisible();
  await tabTo(page, page.getByRole('checkbox', { name: 'Select all on this page' }));
  await press(page, 'Space');
  await expect(page.getByText('2 selected')).toBeVisible();
  await shot(page, 'keyboard-queue-selected');
  await tabTo(page, page.getByRole('button', { name: 'Approve 2' }));
  await press(page, 'Enter');
  const report = page.getByRole('dialog', { name: 'What happened' });
  await expect(report.getByText('1 request found no free seat')).toBeVisible();
  await expectFocusVisible(page, 'approving');
  await shot(page, 'keyboard-queue-report-full');
  await tabTo(page, report.getByRole('button', { name: 'Open a waiting list for One-seat letterpress and move it there' }));
  await press(page, 'Enter');
  await expect(page.getByRole('dialog', { name: 'What happened' }).getByText('Waiting list: 1')).toBeVisible();
  await expectFocusVisible(page, 'moving the request to the waiting list');
  await press(page, 'Escape');
  await expect(report).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Approval queue' })).toBeFocused();
  await expect(page.getByText('No pending requests')).toBeVisible();
  await shot(page, 'keyboard-queue-done');

  // What the two attendees see now.
  const kim = await otherWindow(browser);
  await kim.getByLabel('Email').fill('kim@example.com');
  await kim.getByLabel('Password', { exact: true }).fill(STRONG);
  await kim.getByRole('button', { name: 'Sign in' }).click();
  await kim.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'My registrations' }).click();
  await expect(kim.getByLabel('Registration for One-seat letterpress').getByText('On the waiting list, position 1')).toBeVisible();
});
