import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { category, publishedWorkshop, workshopForm } from '../../test/catalogue';
import { expectSearchStructuresExact } from '../../test/search-structures';
import { createTestCore, setupAdmin, testDatabaseKinds, type TestCore } from '../../test/test-core';

/**
 * Admins at several stations publishing, unpublishing, retitling and moving workshops and renaming a
 * tag they all carry, at the same moment.
 * Nearly every workshop shares common words ("to", "and"), so their lexicon rows are contended by
 * every change: changes must queue, never deadlock, and leave every search structure exact. On
 * PostgreSQL the calls interleave over the pool; PGlite runs them one after another.
 */
describe.each(testDatabaseKinds())('search structures under concurrent workshop changes on %s', (kind) => {
  let t: TestCore;
  let arts: string;

  beforeAll(async () => {
    t = await createTestCore(kind);
    await setupAdmin(t);
    arts = await category(t, 'Arts');
  });
  afterAll(() => t.close());

  it('every change succeeds and the lexicon, postings and monthly summary stay exact', async () => {
    const published = [];
    for (let i = 0; i < 24; i++) published.push(await publishedWorkshop(t, arts, { title: `Intro to watercolour and ink ${i}`, inDays: 2 + i }));
    const drafts = [];
    for (let i = 0; i < 8; i++) drafts.push(await t.must('admin', 'workshops:create', workshopForm(t, arts, { title: `Ink and wash for beginners ${i}`, inDays: 40 + i })));

    // Pairs that swap month, city and title with each other every round: each change needs what the
    // other one holds (its old cell, its old words) — the order of locking decides between queue and deadlock.
    const swapping = published.slice(16, 24);
    const looks = swapping.map((_, i) => ({ inDays: 2 + i * 20, city: i % 2 ? 'Paris' : 'Berlin', title: `Watercolour ${['dawn', 'dusk'][i % 2]} ${i}` }));
    const swap = async (i: number) => {
      const w = swapping[i]!;
      const partner = i % 2 ? i - 1 : i + 1;
      const { version } = await t.must('admin', 'workshops:get', { id: w.id });
      return t.call('admin', 'workshops:update', { ...workshopForm(t, arts, looks[partner]!), id: w.id, expectedVersion: version });
    };

    const painting = (await t.must('admin', 'tags:list', {})).find((tag) => tag.name === 'painting')!;
    for (let round = 0; round < 3; round++) {
      const results = await Promise.all([
        // A tag every workshop carries, renamed: one statement rewriting the search text of all of them.
        t.call('admin', 'tags:rename', { id: painting.id, name: `painting ${round}` }),
        ...swapping.map((_, i) => swap(i)),
        ...published.slice(0, 8).map((w) => t.call('admin', round % 2 ? 'workshops:publish' : 'workshops:unpublish', { id: w.id })),
        ...drafts.map((w) => t.call('admin', round % 2 ? 'workshops:unpublish' : 'workshops:publish', { id: w.id })),
        ...published.slice(8, 16).map(async (w) => {
          const { version } = await t.must('admin', 'workshops:get', { id: w.id });
          return t.call('admin', 'workshops:update', { ...workshopForm(t, arts, { title: `Retitled and moved ${round} ${w.id.slice(0, 4)}`, inDays: 60 + round, city: round % 2 ? 'Berlin' : 'Lyon' }), id: w.id, expectedVersion: version });
        }),
      ]);
      expect(results.filter((r) => !r.ok), `round ${round}`).toEqual([]);
      for (let i = 0; i < looks.length; i += 2) [looks[i], looks[i + 1]] = [looks[i + 1]!, looks[i]!];
      await expectSearchStructuresExact(t.core.ctx.db, `round ${round}`);
    }
  });
});
