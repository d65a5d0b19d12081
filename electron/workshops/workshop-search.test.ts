import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InputOf } from '../../shared/ipc/contract';
import { category, publishedWorkshop } from '../../test/catalogue';
import { createTestCore, setupAdmin, testDatabaseKinds, type TestCore } from '../../test/test-core';

describe.each(testDatabaseKinds())('workshop discovery on %s', (kind) => {
  let t: TestCore;
  let arts: string;
  let tech: string;
  let food: string;
  const titles = async (input: InputOf<'workshops:search'>) => (await t.must('anon', 'workshops:search', input)).items.map((i) => i.title).sort();

  beforeAll(async () => {
    t = await createTestCore(kind);
    await setupAdmin(t);
    arts = await category(t, 'Arts');
    tech = await category(t, 'Technology');
    food = await category(t, 'Food');
    await publishedWorkshop(t, arts, { title: 'Pottery for beginners', city: 'London', timeZone: 'Europe/London', priceMinor: 6500, currency: 'GBP', tags: ['ceramics', 'hands-on'], registrationMode: 'manual', inDays: 3, instructor: 'Priya Shah' });
    await publishedWorkshop(t, arts, { title: 'Watercolour landscapes', city: 'Berlin', priceMinor: 0, tags: ['painting', 'outdoors'], inDays: 5 });
    await publishedWorkshop(t, tech, { title: 'Python programming basics', city: 'Berlin', priceMinor: 4900, tags: ['python', 'programming', 'beginner'], inDays: 8, capacity: 2 });
    await publishedWorkshop(t, tech, { title: 'Kubernetes in production', city: 'Paris', timeZone: 'Europe/Paris', priceMinor: 12000, tags: ['devops'], registrationMode: 'manual', inDays: 12 });
    await publishedWorkshop(t, food, { title: 'Sourdough bread masterclass', city: 'Paris', timeZone: 'Europe/Paris', priceMinor: 3500, tags: ['baking', 'hands-on'], inDays: 15, summary: 'Bake a crusty loaf' });
    await publishedWorkshop(t, food, { title: 'Knife skills', city: 'London', timeZone: 'Europe/London', priceMinor: 0, currency: 'GBP', tags: ['cooking'], inDays: 20 });
    const past = await publishedWorkshop(t, arts, { title: 'Last year\'s printmaking', city: 'Berlin', inDays: 30 });
    await sql`update workshop set starts_at = now() - interval '30 days', ends_at = now() - interval '30 days' + interval '2 hours' where id = ${past.id}`.execute(t.core.ctx.db);
    // Python is full.
    await sql`update workshop set seats_taken = capacity where title = 'Python programming basics'`.execute(t.core.ctx.db);
  });
  afterAll(() => t.close());

  it('shows upcoming published workshops by default, past ones on request', async () => {
    expect(await titles({})).toHaveLength(6);
    expect(await titles({ includePast: true })).toContain("Last year's printmaking");
  });

  it('filters by each criterion alone', async () => {
    expect(await titles({ categoryIds: [food] })).toEqual(['Knife skills', 'Sourdough bread masterclass']);
    expect(await titles({ cities: ['Paris'] })).toEqual(['Kubernetes in production', 'Sourdough bread masterclass']);
    expect(await titles({ freeOnly: true })).toEqual(['Knife skills', 'Watercolour landscapes']);
    expect(await titles({ priceMin: 3000, priceMax: 7000 })).toEqual(['Pottery for beginners', 'Python programming basics', 'Sourdough bread masterclass']);
    expect(await titles({ tags: ['hands-on'] })).toEqual(['Pottery for beginners', 'Sourdough bread masterclass']);
    expect(await titles({ tags: ['hands-on', 'baking'], tagMode: 'all' })).toEqual(['Sourdough bread masterclass']);
    expect(await titles({ tags: ['HANDS-ON', 'python'], tagMode: 'any' })).toEqual(['Pottery for beginners', 'Python programming basics', 'Sourdough bread masterclass']);
    expect(await titles({ hasSeats: true })).not.toContain('Python programming basics');
    expect(await titles({ mode: 'manual' })).toEqual(['Kubernetes in production', 'Pottery for beginners']);
    const day = (n: number) => new Date(t.clock.now().getTime() + n * 86_400_000).toISOString().slice(0, 10);
    expect(await titles({ from: day(4), to: day(12) })).toEqual(['Kubernetes in production', 'Python programming basics', 'Watercolour landscapes']);
  });

  it('filters a price range in one chosen currency when the catalogue has several, free ones included', async () => {
    expect(await titles({ priceMin: 3000, priceMax: 7000, currency: 'EUR' })).toEqual(['Python programming basics', 'Sourdough bread masterclass']);
    expect(await titles({ priceMin: 3000, priceMax: 7000, currency: 'GBP' })).toEqual(['Pottery for beginners']);
    expect(await titles({ priceMax: 4000, currency: 'EUR' })).toEqual(['Knife skills', 'Sourdough bread masterclass', 'Watercolour landscapes']);
    expect((await t.must('anon', 'workshops:filterOptions', {})).currencies).toEqual(['EUR', 'GBP']);
  });

  it('combines filters', async () => {
    expect(await titles({ cities: ['London', 'Berlin'], freeOnly: true, categoryIds: [food, arts] })).toEqual(['Knife skills', 'Watercolour landscapes']);
    expect(await titles({ categoryIds: [tech], hasSeats: true, mode: 'manual', q: 'kube' })).toEqual(['Kubernetes in production']);
  });

  it('gives facet counts that match the list each facet would show', async () => {
    for (const filters of [{}, { freeOnly: true }, { tags: ['hands-on'] }, { cities: ['Paris'] }, { q: 'e' }, { q: 'pott' }, { q: 'b', cities: ['Paris'] }, { q: 'b', hasSeats: true }] as InputOf<'workshops:search'>[]) {
      const r = await t.must('anon', 'workshops:search', filters);
      // Every listed workshop is in exactly one category and one city: the counts add up to the total.
      if (!Object.keys(filters).length) expect(r.total).toBeGreaterThan(0);
      expect(r.facets.categories.reduce((n, f) => n + f.count, 0), `categories with ${JSON.stringify(filters)}`).toBe(r.total);
      if (!filters.cities) expect(r.facets.cities.reduce((n, f) => n + f.count, 0), `cities with ${JSON.stringify(filters)}`).toBe(r.total);
      for (const f of r.facets.categories) expect((await t.must('anon', 'workshops:search', { ...filters, categoryIds: [f.id] })).total, `${f.name} with ${JSON.stringify(filters)}`).toBe(f.count);
      for (const f of r.facets.cities) expect((await t.must('anon', 'workshops:search', { ...filters, cities: [f.city] })).total, `${f.city} with ${JSON.stringify(filters)}`).toBe(f.count);
    }
  });

  it('finds by prefix and by a misspelt word, best match first', async () => {
    expect(await titles({ q: 'pott' })).toEqual(['Pottery for beginners']);
    expect(await titles({ q: 'potery' })).toEqual(['Pottery for beginners']);
    expect(await titles({ q: 'sourdugh' })).toEqual(['Sourdough bread masterclass']);
    expect(await titles({ q: 'priya' })).toEqual(['Pottery for beginners']);
    expect(await titles({ q: 'crusty' })).toEqual(['Sourdough bread masterclass']);
    expect(await titles({ q: 'pyth prog' })).toEqual(['Python programming basics']);
    const ranked = await t.must('anon', 'workshops:search', { q: 'beginners' });
    expect(ranked.items[0]?.title).toBe('Pottery for beginners');
    expect(ranked.textSearch).toBe('full-text + fuzzy');
    expect(ranked.textMatch).toBe('exact');
    expect((await t.must('anon', 'workshops:search', { q: 'potery' })).textMatch).toBe('fuzzy');
    expect(await titles({ q: '!!! & | :*' })).toHaveLength(6);
  });

  it('pages without duplicates or gaps while workshops are added between pages', async () => {
    for (const sort of ['soonest', 'price', 'newest', 'popular', 'relevance'] as const) {
      const seen: string[] = [];
      let after: string | undefined;
      let round = 0;
      const q = sort === 'relevance' ? 'e' : undefined;
      const before = (await t.must('anon', 'workshops:search', { sort, q, limit: 100 })).items.map((i) => i.id);
      do {
        const page = await t.must('anon', 'workshops:search', { sort, q, limit: 2, after });
        seen.push(...page.items.map((i) => i.id));
        after = page.nextCursor ?? undefined;
        // Something new appears while the user reads: it must not shift the pages they have not seen.
        if (round++ === 0) await publishedWorkshop(t, arts, { title: `Interloper ${sort} e`, inDays: 1, priceMinor: 0 });
      } while (after);
      expect(new Set(seen).size, sort).toBe(seen.length);
      for (const id of before) expect(seen, `${sort} lost a row`).toContain(id);
      await sql`delete from workshop where title like 'Interloper%'`.execute(t.core.ctx.db);
    }
  });

  it('refuses a price range or dates the wrong way round, naming the field', async () => {
    expect(await t.call('anon', 'workshops:search', { priceMin: 5000, priceMax: 2000 })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fieldErrors: { priceMin: ['The minimum price is above the maximum.'] } },
    });
    expect(await t.call('anon', 'workshops:search', { from: '2027-03-02', to: '2027-03-01' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fieldErrors: { from: ['The “from” date is after the “to” date.'] } },
    });
    expect(await titles({ priceMin: 3500, priceMax: 3500 })).toEqual(['Sourdough bread masterclass']);
  });

  it('refuses a cursor from another sort order', async () => {
    const first = await t.must('anon', 'workshops:search', { sort: 'price', limit: 1 });
    expect(await t.call('anon', 'workshops:search', { sort: 'soonest', after: first.nextCursor! })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});
