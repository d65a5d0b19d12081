import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { category, publishedWorkshop, workshopForm } from '../../test/catalogue';
import { expectSearchStructuresExact } from '../../test/search-structures';
import { createTestCore, setupAdmin, testDatabaseKinds, type TestCore } from '../../test/test-core';
import { slips } from './spelling';

describe('typing slips between a typed word and a catalogue word', () => {
  it('counts inserts, deletes, replacements and swaps, within a budget that grows with the word', () => {
    expect(slips('potery', 'pottery')).toBe(1);
    expect(slips('pyhton', 'python')).toBe(1);
    expect(slips('exel', 'excel')).toBe(1);
    expect(slips('photografy', 'photography')).toBe(2);
    // Four letters allow one slip, not two; very short words none.
    expect(slips('exel', 'expel')).toBe(1);
    expect(slips('exel', 'easel')).toBe(Infinity);
    expect(slips('yg', 'yoga')).toBe(Infinity);
  });

  it('accepts a slipped prefix of a longer word, half a slip behind a whole word', () => {
    expect(slips('sordou', 'sourdough')).toBe(1.5);
    expect(slips('exel', 'exercises')).toBeGreaterThan(slips('exel', 'excel'));
  });
});

// Misspelt words are corrected against a lexicon of the catalogue's words, kept by triggers. The
// lexicon must say exactly what the published workshops hold, whatever happens to them — a stale
// word would "correct" a search towards nothing, a draft's word would leak an unpublished title.
describe.each(testDatabaseKinds())('spelling correction on %s', (kind) => {
  let t: TestCore;
  let arts: string;

  const expectLexiconToMatchRows = (label: string) => expectSearchStructuresExact(t.core.ctx.db, label);
  const search = (q: string, after?: string) => t.must('anon', 'workshops:search', { q, after, limit: 2 });

  beforeAll(async () => {
    t = await createTestCore(kind);
    await setupAdmin(t);
    arts = await category(t, 'Arts');
  });
  afterAll(() => t.close());

  it('keeps the lexicon equal to the published workshops through every change', async () => {
    await expectLexiconToMatchRows('empty');
    const a = await publishedWorkshop(t, arts, { title: 'Pottery wheel basics', tags: ['ceramics', 'hands-on'], instructor: 'Priya Shah' });
    const b = await publishedWorkshop(t, arts, { title: 'Pottery glazing', tags: ['ceramics'] });
    const draft = await t.must('admin', 'workshops:create', workshopForm(t, arts, { title: 'Unannounced xylography preview' }));
    await expectLexiconToMatchRows('two published, one draft');

    await t.must('admin', 'workshops:update', { ...workshopForm(t, arts, { title: 'Raku firing', tags: ['kiln'] }), id: a.id, expectedVersion: a.version });
    await expectLexiconToMatchRows('title and tags edited');
    const kiln = (await t.must('admin', 'tags:list', {})).find((tag) => tag.name === 'kiln')!;
    await t.must('admin', 'tags:rename', { id: kiln.id, name: 'woodfired' });
    await expectLexiconToMatchRows('tag renamed');
    await t.must('admin', 'workshops:unpublish', { id: b.id });
    await expectLexiconToMatchRows('unpublished');
    await t.must('admin', 'workshops:publish', { id: b.id });
    await t.must('admin', 'workshops:cancel', { id: a.id, reason: 'Kiln broken' });
    await expectLexiconToMatchRows('republished, cancelled');
    await t.must('admin', 'workshops:delete', { id: draft.id });
    await t.must('admin', 'workshops:delete', { id: b.id });
    await expectLexiconToMatchRows('deleted');
    // Bookings change seats, not words: the lexicon must not care (and its trigger must not fire).
    await sql`update workshop set seats_taken = 1`.execute(t.core.ctx.db);
    await expectLexiconToMatchRows('seats changed');
  });

  it('corrects a misspelt word to the nearest catalogue word and says what it searched for', async () => {
    await publishedWorkshop(t, arts, { title: 'Sourdough bread masterclass', tags: ['baking'], inDays: 5 });
    await publishedWorkshop(t, arts, { title: 'Sourdough pizza night', tags: ['baking'], inDays: 6 });
    await publishedWorkshop(t, arts, { title: 'Bread rolls for kids', tags: ['baking'], inDays: 7 });

    const r = await search('sourdugh');
    expect(r.textMatch).toBe('fuzzy');
    expect(r.searchedFor).toBe('sourdough');
    expect(r.total).toBe(2);

    // One word right (kept as typed, a prefix), one wrong: only the wrong one is corrected.
    const two = await search('bre sourdugh');
    expect(two.searchedFor).toBe('bre sourdough');
    expect(two.items.map((i) => i.title)).toEqual(['Sourdough bread masterclass']);

    const exact = await search('sourdough');
    expect(exact).toMatchObject({ textMatch: 'exact', searchedFor: null, total: 2 });
  });

  it('picks the word fewest slips away, not merely the one sharing most letters', async () => {
    for (const title of ['Excel formulas', 'Exercises for a strong back', 'Python for analysts', 'Pottery wheel', 'Poetry evening', 'Poetry slam']) await publishedWorkshop(t, arts, { title, tags: [] });
    expect((await search('exel')).searchedFor).toBe('excel');
    expect((await search('pyhton')).searchedFor).toBe('python');
    // "poetry" is one swap away and more common; "pottery" one insert away and far more alike.
    const potery = await search('potery');
    expect(potery.searchedFor).toBe('pottery');
    expect(potery.items.map((i) => i.title)).toEqual(['Pottery wheel']);
  });

  it('never corrects towards a word only an unpublished workshop holds', async () => {
    await t.must('admin', 'workshops:create', workshopForm(t, arts, { title: 'Quillwork secrets' }));
    const r = await search('quillwrk');
    expect(r).toMatchObject({ total: 0, textMatch: 'exact', searchedFor: null });
  });

  it('finds nothing rather than something unrelated when no word is near', async () => {
    expect(await search('zzqqxx')).toMatchObject({ total: 0, items: [], textMatch: 'exact', searchedFor: null });
  });

  it('pages through corrected results with the same corrections', async () => {
    await publishedWorkshop(t, arts, { title: 'Sourdough starter care', tags: ['baking'], inDays: 8 });
    const first = await search('sourdugh');
    expect(first.total).toBe(3);
    const second = await search('sourdugh', first.nextCursor!);
    expect(second).toMatchObject({ textMatch: 'fuzzy', searchedFor: 'sourdough' });
    const titles = [...first.items, ...second.items].map((i) => i.title);
    expect(new Set(titles).size).toBe(3);
    expect(second.nextCursor).toBeNull();
  });

  it('pages through a long search with every word corrected', async () => {
    const words = ['ceramics', 'throwing', 'glazing', 'firing', 'trimming', 'centering', 'handbuilding', 'decorating'];
    for (const inDays of [30, 31]) await publishedWorkshop(t, arts, { title: words.join(' '), tags: [], inDays });
    const typo = words.map((w) => w.slice(0, 2) + w.slice(3)).join(' '); // one letter dropped from each
    const first = await t.must('anon', 'workshops:search', { q: typo, limit: 1 });
    expect(first).toMatchObject({ textMatch: 'fuzzy', searchedFor: words.join(' '), total: 2 });
    const second = await t.must('anon', 'workshops:search', { q: typo, limit: 1, after: first.nextCursor! });
    expect(second.items).toHaveLength(1);
    expect(second.items[0]!.id).not.toBe(first.items[0]!.id);
  });

  it('takes corrections from a cursor literally, and refuses a cursor that smuggles query syntax', async () => {
    const first = await search('sourdugh');
    const cursor = JSON.parse(Buffer.from(first.nextCursor!, 'base64url').toString('utf8')) as Record<string, unknown>;
    const encode = (c: unknown) => Buffer.from(JSON.stringify(c)).toString('base64url');
    // A lexeme may hold quotes, backslashes or operators: it is quoted, never parsed.
    const odd = await t.call('anon', 'workshops:search', { q: 'sourdugh', limit: 2, after: encode({ ...cursor, c: [{ words: ["o'brien\\ & !x:*", 'sourdough'], prefix: false }] }) });
    expect(odd).toMatchObject({ ok: true, data: { textMatch: 'fuzzy', searchedFor: "o'brien\\ & !x:*" } });
    const smuggled = await t.call('anon', 'workshops:search', { q: 'sourdugh', limit: 2, after: encode({ ...cursor, c: [{ words: ['a & !b'], prefix: true }] }) });
    expect(smuggled).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});
