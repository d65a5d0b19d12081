import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test as base, expect, type Browser, type Page, type APIRequestContext } from '@playwright/test';
import { expectAccessible } from './a11y';

export const SCREENSHOT_DIR = join(import.meta.dirname, 'screenshots');

/**
 * Injects `window.api` before the app loads. Each page gets its own client id (kept in
 * sessionStorage, so a reload keeps the session, as a window does in Electron); '#kiosk' pages
 * call as the kiosk surface.
 */
function bridgeScript(): void {
  const key = 'e2e-client-id';
  let id = sessionStorage.getItem(key);
  if (!id) {
    id = Math.random().toString(36).slice(2);
    sessionStorage.setItem(key, id);
  }
  const clientId = id;
  const surface = location.hash === '#kiosk' ? 'kiosk' : 'workstation';
  // ?station=2: this page is a second station on the same data (the bridge runs two).
  const station = new URLSearchParams(location.search).get('station') ?? '1';
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  let stream: EventSource | null = null;
  const listen = () => {
    stream ??= new EventSource(`/__bridge/events?clientId=${encodeURIComponent(clientId)}&surface=${surface}&station=${station}`);
    stream.onmessage = (e) => {
      const { name, payload } = JSON.parse(e.data) as { name: string; payload: unknown };
      for (const l of listeners.get(name) ?? []) l(payload);
    };
  };
  Object.defineProperty(window, 'api', {
    value: Object.freeze({
      invoke: async (channel: string, input: unknown, meta?: unknown) => {
        const res = await fetch('/__bridge/invoke', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ clientId, surface, channel, input, meta, station }) });
        return res.json();
      },
      on: (event: string, listener: (p: unknown) => void) => {
        listen();
        const set = listeners.get(event) ?? new Set();
        set.add(listener);
        listeners.set(event, set);
        return () => set.delete(listener);
      },
    }),
  });
}

export const STRONG = 'correct horse battery staple';

/** Calls a channel as a hidden helper client, e.g. to create the first admin before a spec. */
export async function apiCall(request: APIRequestContext, channel: string, input: unknown, clientId = 'spec-helper') {
  // Every call carries a fresh request id, as the renderer gives one per action; reads ignore it.
  const res = await request.post('/__bridge/invoke', { data: { clientId, surface: 'workstation', channel, input, meta: { requestId: randomUUID() } } });
  const body = await res.json();
  if (!body.ok) throw new Error(`${channel}: ${body.error.code} ${body.error.message}`);
  return body.data;
}

export async function createAdmin(request: APIRequestContext, email = 'ada@example.com', password = STRONG): Promise<void> {
  await apiCall(request, 'setup:createFirstAdmin', { name: 'Ada Admin', email, password });
  await apiCall(request, 'auth:signOut', {});
}

/** Saves a screenshot of the screen as it is, and holds it to the accessibility gate (e2e/a11y.ts). */
export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  // From the top: a full-page capture paints the fixed header where the window was scrolled to,
  // across the middle of the page.
  await page.evaluate(() => window.scrollTo(0, 0));
  // Finished transitions: a modal caught half-faded in says nothing about the screen.
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true, animations: 'disabled' });
  await expectAccessible(page, name);
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * Picks a wall-clock date and time ("2027-03-06T14:00") in one of the app's date-time pickers, the
 * way a person does: open it, go up to the years, choose year, month and day, type the time, confirm.
 * Assumes the en-GB locale the specs run in.
 */
export async function pickDateTime(page: Page, label: string, local: string): Promise<void> {
  const [, y, m, d, hh, mm] = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local)!;
  const month = MONTHS[Number(m) - 1]!;
  await page.getByRole('button', { name: label, exact: true }).click();
  const dropdown = page.locator('[data-dates-dropdown]');
  const button = (name: string | RegExp) => dropdown.getByRole('button', { name, exact: typeof name === 'string' });
  const header = dropdown.locator('.mantine-DateTimePicker-calendarHeaderLevel');
  const FULL_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const decade = `${y!.slice(0, 3)}0`;
  const at = async (level: RegExp) => level.test(((await header.textContent()) ?? '').trim());
  const step = async (level: RegExp, click: () => ReturnType<Page['locator']>) => {
    await expect(async () => {
      if (!(await at(level))) await click().click({ timeout: 2000 });
      expect(await at(level)).toBe(true);
    }).toPass({ timeout: 30_000 });
  };
  // Up from the month ("March 2026") to its year ("2026") and the decade ("2020 – 2029"), then
  // down to the year and month wanted. Each step clicks until the calendar shows the next level: on
  // a busy machine a click can land while the level before is still being drawn, and is then lost.
  await step(/^\d{4}$/, () => header);
  await step(new RegExp(`^${decade}\\D+\\d{4}$`), () => header);
  await step(new RegExp(`^${y}$`), () => button(y!));
  await step(new RegExp(`^${FULL_MONTHS[Number(m) - 1]} ${y}$`), () => button(month));
  await button(`${Number(d)} ${month} ${y}`).click();
  await dropdown.getByLabel('Hours').fill(hh!);
  await dropdown.getByLabel('Minutes').fill(mm!);
  await dropdown.getByRole('button', { name: 'Use this date and time' }).click();
}

/** A separate browser context: another window, another person, its own session. */
export async function otherWindow(browser: Browser, hash = ''): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB', reducedMotion: 'reduce' });
  await ctx.addInitScript(bridgeScript);
  const page = await ctx.newPage();
  await page.goto(`/${hash}`);
  return page;
}

export const test = base.extend<{ resetDb: void }>({
  resetDb: [
    async ({ request }, use) => {
      await request.post('/__test/reset');
      await use();
    },
    { auto: true },
  ],
  context: async ({ context }, use) => {
    await context.addInitScript(bridgeScript);
    await use(context);
  },
});

export { expect };
