import type { APIRequestContext, Page } from '@playwright/test';
import { apiCall, expect, otherWindow, shot, signIn, STRONG, test } from './fixtures';

const PORTRAIT = { width: 1080, height: 1920 };
const LANDSCAPE = { width: 1920, height: 1080 };

/** "2026-12-01T14:20" in UTC, `minutes` from now. */
const utcIn = (minutes: number) => new Date(Math.floor((Date.now() + minutes * 60_000) / 60_000) * 60_000).toISOString().slice(0, 16);

async function workshop(request: APIRequestContext, categoryId: string, over: Record<string, unknown>): Promise<{ id: string }> {
  const w = await apiCall(request, 'workshops:create', {
    title: 'Sourdough basics',
    summary: 'Starter, dough, bake.',
    description: 'Flour and aprons provided.',
    categoryId,
    tags: ['bread'],
    city: 'Berlin',
    venue: 'Room 2',
    address: '',
    instructor: 'Mara Klein',
    startsLocal: utcIn(20),
    endsLocal: utcIn(140),
    timeZone: 'UTC',
    capacity: 12,
    priceMinor: 0,
    currency: 'EUR',
    registrationMode: 'automatic',
    waitlistEnabled: false,
    ...over,
  });
  await apiCall(request, 'workshops:publish', { id: w.id });
  return w;
}

const ticket = async (request: APIRequestContext, workshopId: string, name: string): Promise<{ id: string; ticketCode: string }> =>
  apiCall(request, 'registrations:registerPerson', { workshopId, name, email: `${name.split(' ')[0]!.toLowerCase()}@example.com`, phone: '+44 20 7946 0123' });

/** An admin (signed in as the spec's helper client) and a small catalogue. */
async function seed(request: APIRequestContext) {
  await apiCall(request, 'setup:createFirstAdmin', { name: 'Ada Admin', email: 'ada@example.com', password: STRONG });
  const cat = (await apiCall(request, 'categories:create', { name: 'Baking' })).id as string;
  const sourdough = await workshop(request, cat, {});
  const paid = await workshop(request, cat, { title: 'Pasta night', venue: 'Kitchen', priceMinor: 1500 });
  const evening = await workshop(request, cat, { title: 'Evening bread', startsLocal: utcIn(240), endsLocal: utcIn(300) });
  const doomed = await workshop(request, cat, { title: 'Pretzels', venue: 'Room 3' });
  return { cat, sourdough, paid, evening, doomed };
}

async function startCheckIn(page: Page) {
  await expect(page.getByRole('heading', { name: 'Welcome', exact: true })).toBeVisible();
  await page.getByRole('button', { name: /^Check in/ }).click();
  await expect(page.getByRole('heading', { name: 'Check in' })).toBeVisible();
}

async function checkInTyped(page: Page, code: string) {
  await startCheckIn(page);
  await page.getByLabel('Ticket code').fill(code);
  await page.getByRole('button', { name: 'Check in', exact: true }).click();
}

/** What a visitor reads, then Done: back to the start for the next one. */
async function expectAnswer(page: Page, heading: string | RegExp, text?: string | RegExp, screenshot?: string) {
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  if (text) await expect(page.getByRole('main').getByText(text)).toBeVisible();
  if (screenshot) await shot(page, screenshot);
  await page.getByRole('button', { name: 'Done' }).click();
}

/** Nothing of a visitor anywhere in the page: not on screen, not hidden in the DOM. */
async function expectForgotten(page: Page, ...traces: string[]) {
  await expect(page.getByRole('heading', { name: 'Welcome', exact: true })).toBeVisible();
  const html = await page.content();
  for (const t of traces) expect(html, t).not.toContain(t);
}

test.describe('the self-service kiosk (portrait)', () => {
  test.use({ viewport: PORTRAIT });

  test('checks in by typed code, by scanner-speed typing and on-screen keys, and words every refusal', async ({ page, request }) => {
    const { sourdough, paid, evening, doomed } = await seed(request);
    const ada = await ticket(request, sourdough.id, 'Ada Lovelace');
    const grace = await ticket(request, sourdough.id, 'Grace Hopper');
    const unpaid = await ticket(request, paid.id, 'Paul Payer');
    const early = await ticket(request, evening.id, 'Eve Early');
    const cancelled = await ticket(request, sourdough.id, 'Carl Cancel');
    await apiCall(request, 'registrations:cancel', { id: cancelled.id, reason: 'Ill' });
    const pretzel = await ticket(request, doomed.id, 'Pat Pretzel');
    await apiCall(request, 'workshops:cancel', { id: doomed.id, reason: 'Oven broke' });

    await page.goto('/#kiosk');
    await expect(page.getByRole('heading', { name: 'Welcome', exact: true })).toBeVisible();
    await shot(page, 'kiosk-start-portrait');

    await startCheckIn(page);
    await shot(page, 'kiosk-check-in-portrait');
    await page.getByLabel('Ticket code').fill(ada.ticketCode.toLowerCase());
    await page.getByRole('button', { name: 'Check in', exact: true }).click();
    await expectAnswer(page, 'Welcome, Ada', "You're checked in to Sourdough basics, Room 2.", 'kiosk-checked-in');

    // A scanner types the whole code and Enter in a few milliseconds.
    await startCheckIn(page);
    await page.getByLabel('Ticket code').pressSequentially(`${grace.ticketCode.slice(0, 4)}-${grace.ticketCode.slice(4)}`, { delay: 2 });
    await page.keyboard.press('Enter');
    await expectAnswer(page, 'Welcome, Grace', "You're checked in to Sourdough basics, Room 2.");

    await checkInTyped(page, ada.ticketCode);
    await expectAnswer(page, "You're already checked in", 'Sourdough basics, Room 2. Enjoy the workshop!');
    await checkInTyped(page, unpaid.ticketCode);
    await expectAnswer(page, 'Please see the front desk to pay €15.00', "Once you have paid, you're checked in to Pasta night.", 'kiosk-unpaid');
    await checkInTyped(page, early.ticketCode);
    await expectAnswer(page, 'Check-in is not open yet', /Check-in for Evening bread opens .* Please come back then\./);
    await checkInTyped(page, cancelled.ticketCode);
    await expectAnswer(page, 'This registration was cancelled', 'The ticket for Sourdough basics is no longer valid.');
    await checkInTyped(page, pretzel.ticketCode);
    await expectAnswer(page, 'This workshop was cancelled', 'Pretzels is not taking place.');
    const typo = (ada.ticketCode[0] === 'A' ? 'B' : 'A') + ada.ticketCode.slice(1);
    await checkInTyped(page, typo);
    await expectAnswer(page, 'That code has a typo', 'One of its characters is not right. Check the code on your ticket and try again.', 'kiosk-typo');

    // By touch alone: the on-screen keys.
    await startCheckIn(page);
    for (const k of '22222222') await page.getByRole('group', { name: 'On-screen keys' }).getByRole('button', { name: k, exact: true }).click();
    await expect(page.getByLabel('Ticket code')).toHaveValue('22222222');
    await page.getByRole('button', { name: 'Check in', exact: true }).click();
    await expect(page.getByRole('heading', { name: /We could not find this ticket|That code has a typo/ })).toBeVisible();
    await expect(page.getByRole('main').getByText(/Ask at the front desk|Check the code/).first()).toBeVisible();
    await page.getByRole('button', { name: 'Done' }).click();

    // The desk's list shows the kiosk's check-ins; the kiosk never showed an email or a full name.
    const list = await apiCall(request, 'desk:checkIns', { workshopId: sourdough.id });
    expect(list.in.map((x: { person: { name: string } }) => x.person.name).sort()).toEqual(['Ada Lovelace', 'Grace Hopper']);
    await expectForgotten(page, 'Lovelace', 'ada@example.com', 'Hopper', ada.ticketCode);
  });

  test('registers a guest to a confirmed ticket with its QR, then resets 5 s after the result; Back brings nothing back', async ({ page, request }) => {
    await seed(request);
    await page.clock.install();
    await page.goto('/#kiosk');
    await page.getByRole('button', { name: /^Find a workshop/ }).click();
    await expect(page.getByRole('heading', { name: 'Find a workshop' })).toBeVisible();
    await page.getByLabel('Search').fill('sourdough');
    await page.clock.runFor(400);
    await expect(page.getByRole('article', { name: 'Sourdough basics' })).toBeVisible();
    await expect(page.getByRole('article')).toHaveCount(1);
    await shot(page, 'kiosk-find-portrait');
    await page.getByRole('article', { name: 'Sourdough basics' }).getByRole('button', { name: 'See details and register' }).click();
    await expect(page.getByRole('heading', { name: 'Sourdough basics' })).toBeVisible();
    await shot(page, 'kiosk-workshop-portrait');
    await page.getByRole('button', { name: 'Register', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Register for Sourdough basics' })).toBeVisible();
    await page.getByLabel('Your name').fill('Grace Hopper');
    await page.getByLabel('Email').fill('grace.hopper@example.com');
    await shot(page, 'kiosk-register-guest');
    await page.getByRole('button', { name: 'Register', exact: true }).click();

    await expect(page.getByRole('heading', { name: "You're booked, Grace" })).toBeVisible();
    const code = (await page.getByTestId('ticket-code').textContent())!;
    expect(code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    await expect(page.getByRole('img', { name: `QR code of ticket ${code}` })).toBeVisible();
    await shot(page, 'kiosk-registered-ticket');
    const regs = await apiCall(request, 'registrations:forWorkshop', { workshopId: (await apiCall(request, 'workshops:search', { q: 'sourdough' })).items[0].id });
    expect(regs.map((r: { personName: string; userId: string | null }) => [r.personName, r.userId])).toEqual([['Grace Hopper', null]]);

    await page.clock.runFor(5_500);
    await expectForgotten(page, 'Grace', 'grace.hopper', code, code.replace('-', ''));
    await page.goBack();
    await expectForgotten(page, 'Grace', 'grace.hopper', code, code.replace('-', ''));
    await page.goBack();
    await expectForgotten(page, 'Grace', 'grace.hopper', code);
  });

  test('starts over after a minute without a touch, with a "Still there?" countdown; a touch keeps the screen', async ({ page, request }) => {
    await seed(request);
    await page.clock.install();
    await page.goto('/#kiosk');
    await page.getByRole('button', { name: /^Find a workshop/ }).click();
    await page.getByRole('article', { name: 'Sourdough basics' }).getByRole('button', { name: 'See details and register' }).click();
    await page.getByRole('button', { name: 'Register', exact: true }).click();
    await page.getByLabel('Your name').fill('Linus Visitor');
    await page.getByLabel('Email').fill('linus@example.com');

    await page.clock.runFor(50_500);
    const still = page.getByRole('dialog', { name: 'Still there?' });
    await expect(still).toBeVisible();
    await expect(still.getByText(/This screen starts over in (10|9) seconds\./)).toBeVisible();
    await shot(page, 'kiosk-still-there');
    await still.getByRole('button', { name: "I'm still here" }).click();
    await expect(still).toBeHidden();
    await expect(page.getByLabel('Your name')).toHaveValue('Linus Visitor');

    await page.clock.runFor(61_000);
    await expectForgotten(page, 'Linus', 'linus@example.com');
    await page.goBack();
    await expectForgotten(page, 'Linus', 'linus@example.com');
  });

  test('closes by the staff PIN an admin set in Station settings, refusing a wrong one', async ({ page, request, browser }) => {
    await seed(request);
    const desk = await otherWindow(browser);
    await signIn(desk, 'ada@example.com', STRONG);
    await desk.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Station settings' }).click();
    const panel = desk.getByRole('region', { name: 'Self-service kiosk' });
    await expect(panel.getByText("No staff PIN is set: only an administrator's sign-in closes the kiosk.")).toBeVisible();
    await panel.getByRole('textbox', { name: 'Staff PIN' }).fill('2468');
    await panel.getByRole('button', { name: 'Save PIN' }).click();
    await expect(panel.getByText('A staff PIN is set.')).toBeVisible();
    await expect(panel.getByRole('textbox', { name: 'New staff PIN' })).toHaveValue('');
    await shot(desk, 'kiosk-settings-pin-set');
    await desk.close();

    await page.goto('/#kiosk');
    await page.getByRole('button', { name: 'Staff' }).click();
    await expect(page.getByRole('heading', { name: 'Close the kiosk' })).toBeVisible();
    await page.getByRole('textbox', { name: 'Staff PIN' }).fill('1111');
    await page.getByRole('button', { name: 'Close the kiosk' }).click();
    await expect(page.getByText('That PIN is not right.')).toBeVisible();
    await shot(page, 'kiosk-staff-pin');
    await page.getByRole('textbox', { name: 'Staff PIN' }).fill('2468');
    await page.getByRole('button', { name: 'Close the kiosk' }).click();
    await expect(page.getByRole('heading', { name: 'The kiosk is closed' })).toBeVisible();
    const audit = await apiCall(request, 'audit:list', { entityType: 'station', limit: 10 });
    expect(audit.map((a: { action: string; surface: string }) => `${a.action}@${a.surface}`)).toEqual(['kiosk.exit@kiosk', 'kiosk.exit_refused@kiosk', 'kiosk.settings@workstation']);
  });

  test('says a station nobody set up is not ready, and refuses the demo admin', async ({ page, request }) => {
    await page.goto('/#kiosk');
    await expect(page.getByRole('heading', { name: 'This kiosk is not ready — ask a member of staff' })).toBeVisible();
    await expect(page.getByText(/admin123|Load demo data|Create administrator/)).toHaveCount(0);
    await shot(page, 'kiosk-not-ready');

    await apiCall(request, 'setup:loadDemoData', {});
    await page.reload();
    await page.getByRole('button', { name: /^Find a workshop/ }).click();
    await page.getByRole('button', { name: 'See details and register' }).first().click();
    await page.getByRole('button', { name: 'Register', exact: true }).click();
    await page.getByRole('radio', { name: 'Sign in to my account' }).check({ force: true });
    await page.getByLabel('Email').fill('admin@workshop.com');
    await page.getByLabel('Password', { exact: true }).fill('admin123');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText('Sign in at a staff workstation first.')).toBeVisible();
    await shot(page, 'kiosk-demo-admin-refused');
  });
});

test.describe('the self-service kiosk (landscape)', () => {
  test.use({ viewport: LANDSCAPE });

  test('start, check-in and find screens at 1920×1080', async ({ page, request }) => {
    await seed(request);
    await page.goto('/#kiosk');
    await expect(page.getByRole('heading', { name: 'Welcome', exact: true })).toBeVisible();
    await shot(page, 'kiosk-start-landscape');
    await startCheckIn(page);
    await shot(page, 'kiosk-check-in-landscape');
    await page.getByRole('button', { name: 'Start over' }).click();
    await page.getByRole('button', { name: /^Find a workshop/ }).click();
    await expect(page.getByRole('article', { name: 'Sourdough basics' })).toBeVisible();
    await shot(page, 'kiosk-find-landscape');
  });
});
