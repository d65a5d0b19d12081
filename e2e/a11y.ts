import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** The rule sets the app promises to meet: WCAG 2.0, 2.1 and 2.2 at A and AA, and axe's best practice. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice'];

// Rated "moderate" by axe but promised by the app: a main landmark and one h1 on every screen, so a
// screen-reader user can jump straight to the content and knows where they are.
const ALWAYS_BLOCKING = new Set(['landmark-one-main', 'page-has-heading-one', 'landmark-no-duplicate-main', 'landmark-unique']);

const REPORT = join(import.meta.dirname, '..', 'test-results', 'axe-report.jsonl');

/**
 * Runs axe-core on the whole page as it is now (modals, menus and notifications included, as they
 * live in portals on <body>) and fails the test, softly so one run lists every screen's problems,
 * on any serious or critical violation. Every finding, minor ones included, goes to
 * test-results/axe-report.jsonl for the record.
 */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  mkdirSync(join(REPORT, '..'), { recursive: true });
  appendFileSync(REPORT, `${JSON.stringify({ screen, violations: violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length })) })}\n`);
  const blocking = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical' || ALWAYS_BLOCKING.has(v.id))
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}${n.failureSummary ? ` (${n.failureSummary.replace(/\s+/g, ' ').slice(0, 160)})` : ''}`).join('; ')}${v.nodes.length > 5 ? ` …and ${v.nodes.length - 5} more` : ''}`);
  expect.soft(blocking, `axe-core on screen "${screen}"`).toEqual([]);
}
