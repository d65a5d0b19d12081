import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { category, publishedWorkshop, workshopForm } from '../../test/catalogue';
import { setupAdmin, signedIn, testDatabaseKinds, useTestCore } from '../../test/test-core';

describe.each(testDatabaseKinds())('workshop management on %s', (kind) => {
  let arts: string;
  const t = useTestCore(kind, async (core) => {
    await setupAdmin(core);
    arts = await category(core, 'Arts');
  });

  it('creates a draft with its tags, in the workshop\'s own time zone', async () => {
    const w = await t.must('admin', 'workshops:create', workshopForm(t, arts, { tags: ['Painting', 'painting', 'Outdoors'], startsLocal: '2027-07-01T10:00', endsLocal: '2027-07-01T13:00' }));
    expect(w).toMatchObject({ status: 'draft', tags: ['Outdoors', 'Painting'], timeZone: 'Europe/Berlin', startsAt: '2027-07-01T08:00:00.000Z', seatsLeft: 12, categoryName: 'Arts' });
    expect((await t.must('admin', 'audit:list', { entityType: 'workshop', entityId: w.id }))[0]).toMatchObject({ action: 'workshop.create' });
  });

  it('explains every invalid field', async () => {
    const r = await t.call('admin', 'workshops:create', {
      ...workshopForm(t, arts),
      title: '',
      startsLocal: '2027-07-01T10:00',
      endsLocal: '2027-07-01T09:00',
      capacity: 0,
      priceMinor: -1,
      currency: 'XYZ' as never,
      timeZone: 'Mars/Olympus',
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('VALIDATION');
    expect(Object.keys(r.error.fieldErrors ?? {}).sort()).toEqual(['capacity', 'currency', 'priceMinor', 'timeZone', 'title']);
    const endOnly = await t.call('admin', 'workshops:create', { ...workshopForm(t, arts), startsLocal: '2027-07-01T10:00', endsLocal: '2027-07-01T10:00' });
    expect(endOnly).toMatchObject({ ok: false, error: { fieldErrors: { endsLocal: ['The end must be after the start.'] } } });
    const noCategory = await t.call('admin', 'workshops:create', workshopForm(t, 'gone'));
    expect(noCategory).toMatchObject({ ok: false, error: { fieldErrors: { categoryId: [expect.stringMatching(/no longer exists/)] } } });
  });

  it('edits with a version check, and refuses a capacity below confirmed seats', async () => {
    const w = await publishedWorkshop(t, arts);
    const edited = await t.must('admin', 'workshops:update', { ...workshopForm(t, arts), id: w.id, expectedVersion: w.version, title: 'Watercolour II', capacity: 5 });
    expect(edited).toMatchObject({ title: 'Watercolour II', capacity: 5, version: w.version + 1 });
    const stale = await t.call('admin', 'workshops:update', { ...workshopForm(t, arts), id: w.id, expectedVersion: w.version, title: 'Lost update' });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/Someone else changed/) } });
    await sql`update workshop set seats_taken = 4 where id = ${w.id}`.execute(t.core.ctx.db);
    const low = await t.call('admin', 'workshops:update', { ...workshopForm(t, arts), id: w.id, expectedVersion: edited.version, capacity: 3 });
    expect(low).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { capacity: ['4 seats are already confirmed: capacity cannot be lower than that.'] } } });
  });

  it('duplicates into a new draft a week later, tags included', async () => {
    const w = await publishedWorkshop(t, arts, { tags: ['a', 'b'] });
    const copy = await t.must('admin', 'workshops:duplicate', { id: w.id });
    expect(copy).toMatchObject({ status: 'draft', title: 'Intro to Watercolour (copy)', tags: ['a', 'b'], seatsTaken: 0 });
    expect(new Date(copy.startsAt).getTime() - new Date(w.startsAt).getTime()).toBe(7 * 86_400_000);
    // The original is untouched: still published, on its own date.
    expect(await t.must('admin', 'workshops:get', { id: w.id })).toMatchObject({ status: 'published', startsAt: w.startsAt, title: w.title });
  });

  it('refuses to publish a workshop that has ended, and publishes one that has started but not ended', async () => {
    const ended = await t.must('admin', 'workshops:create', workshopForm(t, arts, { inDays: -1 }));
    expect(await t.call('admin', 'workshops:publish', { id: ended.id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: 'This workshop has already ended, so it cannot be published. Change its dates first.' },
    });
    expect((await t.must('admin', 'workshops:get', { id: ended.id })).status).toBe('draft');
    const now = t.clock.now();
    const under = (minutes: number) => new Date(now.getTime() + minutes * 60_000).toISOString().slice(0, 16);
    const running = await t.must('admin', 'workshops:create', workshopForm(t, arts, { timeZone: 'UTC', startsLocal: under(-60), endsLocal: under(60) }));
    expect((await t.must('admin', 'workshops:publish', { id: running.id })).status).toBe('published');
  });

  it('moves through publish, unpublish, cancel and archive, refusing what makes no sense', async () => {
    const w = await t.must('admin', 'workshops:create', workshopForm(t, arts));
    expect(await t.call('admin', 'workshops:unpublish', { id: w.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'A draft workshop cannot be unpublished.' } });
    expect((await t.must('admin', 'workshops:publish', { id: w.id })).status).toBe('published');
    expect((await t.must('admin', 'workshops:unpublish', { id: w.id })).status).toBe('draft');
    await t.must('admin', 'workshops:publish', { id: w.id });
    expect(await t.call('admin', 'workshops:cancel', { id: w.id, reason: '' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const c = await t.must('admin', 'workshops:cancel', { id: w.id, reason: 'Instructor is ill' });
    expect(c).toMatchObject({ status: 'cancelled', cancelReason: 'Instructor is ill' });
    expect(await t.call('admin', 'workshops:publish', { id: w.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((await t.must('admin', 'workshops:archive', { id: w.id })).status).toBe('archived');
    const actions = (await t.must('admin', 'audit:list', { entityType: 'workshop', entityId: w.id })).map((a) => a.action);
    expect(actions).toEqual(['workshop.archive', 'workshop.cancel', 'workshop.publish', 'workshop.unpublish', 'workshop.publish', 'workshop.create']);
  });

  it('deletes only a workshop that never had a registration', async () => {
    const a = await t.must('admin', 'workshops:create', workshopForm(t, arts));
    await t.must('admin', 'workshops:delete', { id: a.id });
    expect(await t.call('admin', 'workshops:get', { id: a.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const b = await publishedWorkshop(t, arts);
    await t.core.ctx.db
      .insertInto('registration')
      .values({ id: 'r1', workshop_id: b.id, user_id: null, person_name: 'X', person_email: null, person_phone: null, status: 'cancelled', waitlisted_at: null, requested_at: new Date(), confirmed_at: null, rejected_at: null, reject_reason: null, cancelled_at: new Date(), cancelled_by: null, cancel_reason: 'x', amount_due_minor: 0, currency: 'EUR', payment_status: 'not_required', ticket_code: null, station: 's' })
      .execute();
    expect(await t.call('admin', 'workshops:delete', { id: b.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/cannot be deleted/) } });
  });

  it('lets staff read the organiser list but not change anything', async () => {
    const w = await publishedWorkshop(t, arts);
    await t.must('admin', 'workshops:create', workshopForm(t, arts, { title: 'Draft one', inDays: 20 }));
    await signedIn(t, 'staff', 'desk');
    const list = await t.must('desk', 'workshops:listForOrganisers', {});
    expect(list.items.map((i) => [i.title, i.status, i.pendingCount])).toEqual([
      ['Intro to Watercolour', 'published', 0],
      ['Draft one', 'draft', 0],
    ]);
    expect((await t.must('desk', 'workshops:listForOrganisers', { statuses: ['draft'] })).total).toBe(1);
    for (const r of [
      await t.call('desk', 'workshops:update', { ...workshopForm(t, arts), id: w.id, expectedVersion: w.version }),
      await t.call('desk', 'workshops:publish', { id: w.id }),
      await t.call('desk', 'workshops:create', workshopForm(t, arts)),
      await t.call('desk', 'categories:create', { name: 'Sneaky' }),
    ]) {
      expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });

  it('never shows a draft to attendees or signed-out callers, through the dispatcher', async () => {
    const draft = await t.must('admin', 'workshops:create', workshopForm(t, arts, { title: 'Secret plans' }));
    await publishedWorkshop(t, arts, { title: 'Open day' });
    await signedIn(t, 'attendee', 'bea');
    for (const who of ['bea', 'nobody']) {
      expect(await t.call(who, 'workshops:get', { id: draft.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      const found = await t.must(who, 'workshops:search', { includePast: true });
      expect(found.items.map((i) => i.title)).toEqual(['Open day']);
      expect((await t.must(who, 'workshops:search', { q: 'secret' })).total).toBe(0);
    }
    expect((await t.must('admin', 'workshops:get', { id: draft.id })).title).toBe('Secret plans');
  });

  it('moves workshops when their category is deleted, never leaving one without', async () => {
    const crafts = await category(t, 'Crafts');
    await publishedWorkshop(t, arts);
    expect(await t.call('admin', 'categories:delete', { id: arts })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/1 workshop uses "Arts"/) } });
    await t.must('admin', 'categories:delete', { id: arts, moveToId: crafts });
    const cats = await t.must('admin', 'categories:list', {});
    expect(cats.map((c) => [c.name, c.workshopCount])).toEqual([['Crafts', 1]]);
    expect(await t.call('admin', 'categories:create', { name: 'crafts' })).toMatchObject({ ok: false, error: { fieldErrors: { name: [expect.stringMatching(/already exists/)] } } });
  });

  it('renames and merges tags, and search follows', async () => {
    await publishedWorkshop(t, arts, { title: 'One', tags: ['watercolor'] });
    await publishedWorkshop(t, arts, { title: 'Two', tags: ['watercolour', 'beginner'] });
    const tags = await t.must('admin', 'tags:list', {});
    const id = (n: string) => tags.find((x) => x.name === n)!.id;
    await t.must('admin', 'tags:merge', { sourceIds: [id('watercolor')], targetId: id('watercolour') });
    await t.must('admin', 'tags:rename', { id: id('watercolour'), name: 'Aquarelle' });
    const after = await t.must('admin', 'tags:list', {});
    expect(after.map((x) => [x.name, x.workshopCount])).toEqual([['Aquarelle', 2], ['beginner', 1]]);
    expect((await t.must('admin', 'workshops:search', { q: 'aquarelle' })).items.map((i) => i.title).sort()).toEqual(['One', 'Two']);
    expect((await t.must('admin', 'workshops:search', { q: 'watercolor' })).total).toBe(0);
    await t.must('admin', 'tags:delete', { id: id('beginner') });
    expect((await t.must('admin', 'workshops:search', { tags: ['beginner'] })).total).toBe(0);
  });
});
