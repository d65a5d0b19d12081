import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchWorkshopsInput, type SearchWorkshopsInput, type WorkshopDetail } from '../../shared/workshops';
import { category, publishedWorkshop, workshopForm } from '../../test/catalogue';
import { expectSearchStructuresExact } from '../../test/search-structures';
import { createTestCore, setupAdmin, testDatabaseKinds, type TestCore } from '../../test/test-core';
import { typedTerms, type TextTerm } from './discovery-filters';
import { nextUtcMonth, postedCells, scannedCells, summaryCells, type FacetCell } from './facet-counts';

// Facet counts for the common views come from a monthly summary, and for text searches from word
// postings, both kept by triggers. Whatever happens to workshops, they must say exactly what counting
// the rows says.
describe.each(testDatabaseKinds())('facet counts from the monthly summary on %s', (kind) => {
  let t: TestCore;
  let arts: string;
  let food: string;
  const sorted = (cells: FacetCell[]) => cells.map((c) => `${c.category_id}|${c.city}|${Number(c.n)}`).sort();

  async function expectSummaryToMatchRows(label: string) {
    const db = t.core.ctx.db;
    for (const filters of [{}, { includePast: true }] as SearchWorkshopsInput[]) {
      const input = searchWorkshopsInput.parse(filters);
      const fromSummary = (await summaryCells(input, t.clock.now()).execute(db)).rows;
      const fromRows = await scannedCells(t.core.ctx, input, t.clock.now(), []).execute();
      expect(sorted(fromSummary), `${label}, ${JSON.stringify(filters)}`).toEqual(sorted(fromRows));
    }
    await expectSearchStructuresExact(db, label);

    const textSearches: [SearchWorkshopsInput, TextTerm[]?][] = [
      [{ q: 'water' }],
      [{ q: 'pott' }],
      [{ q: 'intro wat' }],
      [{ q: 'pottery', includePast: true }],
      [{ q: 'pottery', categoryIds: [arts], cities: ['Berlin'] }],
      // With a price: the postings carry it.
      [{ q: 'pott', priceMax: 3000 }],
      [{ q: 'water', priceMin: 2600, priceMax: 9000, currency: 'EUR' }],
      [{ q: 'intro', freeOnly: true }],
      // As corrected: whole catalogue words, any of several.
      [{ q: 'landscap' }, [{ words: ['landscapes', 'wheel'], prefix: false }, { words: ['paper'], prefix: false }]],
    ];
    for (const [filters, corrected] of textSearches) {
      const input = searchWorkshopsInput.parse(filters);
      const terms = corrected ?? typedTerms(input.q);
      const fromPostings = (await postedCells(input, t.clock.now(), terms).execute(db)).rows;
      const fromRows = await scannedCells(t.core.ctx, input, t.clock.now(), terms).execute();
      expect(sorted(fromPostings), `${label}, ${JSON.stringify(filters)}`).toEqual(sorted(fromRows));
    }
  }

  beforeAll(async () => {
    t = await createTestCore(kind);
    await setupAdmin(t);
    arts = await category(t, 'Arts');
    food = await category(t, 'Food');
  });
  afterAll(() => t.close());

  it('follows every change a workshop goes through', async () => {
    const ws: WorkshopDetail[] = [];
    for (const [inDays, city, title] of [[1, 'Berlin', 'Pottery wheel'], [2, 'Paris', 'Intro to Watercolour'], [20, 'Berlin', 'Pottery glazing'], [45, 'London', 'Watercolour skies'], [80, 'Paris', 'Intro to pottery']] as const)
      ws.push(await publishedWorkshop(t, arts, { inDays, city, title }));
    const draft = await t.must('admin', 'workshops:create', workshopForm(t, food, { inDays: 3 }));
    await expectSummaryToMatchRows('published and a draft');

    // Moved to another month, another city and another category in one edit.
    const w = ws[2]!;
    await t.must('admin', 'workshops:update', { ...workshopForm(t, food, { inDays: 75, city: 'Lyon' }), id: w.id, expectedVersion: (await t.must('admin', 'workshops:get', { id: w.id })).version });
    await expectSummaryToMatchRows('edited');
    // Words only: a new title and a renamed tag.
    const v = (await t.must('admin', 'workshops:get', { id: ws[0]!.id })).version;
    await t.must('admin', 'workshops:update', { ...workshopForm(t, arts, { inDays: 1, title: 'Wheel throwing' }), id: ws[0]!.id, expectedVersion: v });
    const painting = (await t.must('admin', 'tags:list', {})).find((tag) => tag.name === 'painting')!;
    await t.must('admin', 'tags:rename', { id: painting.id, name: 'pottery-painting' });
    await expectSummaryToMatchRows('retitled, tag renamed');
    // A new price: a text search with a price limit must follow it.
    const priced = (await t.must('admin', 'workshops:get', { id: ws[1]!.id })).version;
    await t.must('admin', 'workshops:update', { ...workshopForm(t, arts, { inDays: 2, city: 'Paris', title: 'Intro to Watercolour', priceMinor: 0 }), id: ws[1]!.id, expectedVersion: priced });
    await expectSummaryToMatchRows('price changed');
    // Bookings change seats only: nothing to follow.
    await sql`update workshop set seats_taken = 1`.execute(t.core.ctx.db);
    await expectSummaryToMatchRows('seats changed');

    await t.must('admin', 'workshops:unpublish', { id: ws[1]!.id });
    await t.must('admin', 'workshops:publish', { id: draft.id });
    await t.must('admin', 'workshops:cancel', { id: ws[3]!.id, reason: 'Instructor is ill' });
    await expectSummaryToMatchRows('unpublished, published, cancelled');

    await t.must('admin', 'categories:delete', { id: food, moveToId: arts });
    await expectSummaryToMatchRows('category deleted, workshops moved');

    await t.must('admin', 'workshops:delete', { id: ws[1]!.id });
    await t.must('admin', 'workshops:delete', { id: ws[4]!.id });
    await expectSummaryToMatchRows('an unpublished and a published one deleted');
  });

  it('counts the current month from the rows, as time passes', async () => {
    // A day and a half later, the first workshop has started: it must leave the upcoming counts,
    // though its month's summary row still holds it.
    t.clock.advance(1.5 * 86_400_000);
    await expectSummaryToMatchRows('a day and a half later');
    // Exactly at the turn of a UTC month, and a moment before it.
    const turn = nextUtcMonth(t.clock.now()).getTime();
    t.clock.advance(turn - t.clock.now().getTime() - 1);
    await expectSummaryToMatchRows('a millisecond before the month turns');
    t.clock.advance(1);
    await expectSummaryToMatchRows('as the month turns');
  });

  it('answers the catalogue with the same facets either way', async () => {
    const r = await t.must('anon', 'workshops:search', {});
    const withTrivialFilter = await t.must('anon', 'workshops:search', { priceMin: 0 });
    expect(r.total).toBe(withTrivialFilter.total);
    expect(r.facets).toEqual(withTrivialFilter.facets);
  });
});
