import { describe, expect, it } from 'vitest';
import { category, publishedWorkshop } from '../../test/catalogue';
import { setupAdmin, signedIn, testDatabaseKinds, useTestCore } from '../../test/test-core';

describe.each(testDatabaseKinds())('requests that found no seat, on %s', (kind) => {
  let cat: string;
  const t = useTestCore(kind, async (core) => {
    await setupAdmin(core);
    await signedIn(core, 'staff', 'desk');
    cat = await category(core, 'Arts');
  });
  const walkIn = async (workshopId: string, name: string) => {
    t.clock.advance(1000); // people arrive one after another
    return t.must('desk', 'registrations:registerPerson', { workshopId, name });
  };

  it('"not approved: full" can go to a waiting list the admin opens, in request order', async () => {
    const w = await publishedWorkshop(t, cat, { title: 'Tight', capacity: 1, registrationMode: 'manual', waitlistEnabled: false });
    const [ann, ben, cy] = [await walkIn(w.id, 'Ann'), await walkIn(w.id, 'Ben'), await walkIn(w.id, 'Cy')];
    const approved = await t.must('admin', 'registrations:bulkApprove', { selection: { ids: [ann.id, ben.id, cy.id] } });
    const full = approved.items.filter((i) => i.outcome === 'full');
    expect(full.map((i) => [i.personName, i.workshopId])).toEqual([['Ben', w.id], ['Cy', w.id]]);

    // Without a waiting list, nothing moves: they stay pending.
    const kept = await t.must('admin', 'registrations:bulkWaitlist', { selection: { ids: [cy.id, ben.id] } });
    expect(kept.counts).toMatchObject({ waitlisted: 0, full: 2 });
    expect((await t.must('admin', 'registrations:queue', {})).total).toBe(2);

    const moved = await t.must('admin', 'registrations:bulkWaitlist', { selection: { ids: [cy.id, ben.id, ann.id] }, openWaitlist: true });
    expect(moved.counts).toMatchObject({ waitlisted: 2, not_pending: 1 });
    const list = await t.must('desk', 'registrations:forWorkshop', { workshopId: w.id, statuses: ['waitlisted'] });
    expect(list.map((r) => [r.personName, r.waitlistPosition])).toEqual([['Ben', 1], ['Cy', 2]]);
    expect((await t.must('admin', 'workshops:get', { id: w.id })).waitlistEnabled).toBe(true);
    expect((await t.must('admin', 'registrations:queue', {})).total).toBe(0);
    const audit = await t.must('admin', 'audit:list', { limit: 3 });
    expect(audit.map((a) => a.action).sort()).toEqual(['registration.bulk_waitlist', 'registration.bulk_waitlist', 'workshop.open_waitlist']);
  });

  it('can reject them with a reason instead', async () => {
    const w = await publishedWorkshop(t, cat, { capacity: 1, registrationMode: 'manual' });
    const [ann, ben] = [await walkIn(w.id, 'Ann'), await walkIn(w.id, 'Ben')];
    const approved = await t.must('admin', 'registrations:bulkApprove', { selection: { ids: [ann.id, ben.id] } });
    const fullIds = approved.items.filter((i) => i.outcome === 'full').map((i) => i.id);
    const rejected = await t.must('admin', 'registrations:bulkReject', { selection: { ids: fullIds }, reason: 'The workshop is full.' });
    expect(rejected.items).toEqual([{ id: ben.id, workshopId: w.id, personName: 'Ben', workshopTitle: w.title, outcome: 'rejected' }]);
  });

  it('is for admins only', async () => {
    const w = await publishedWorkshop(t, cat, { capacity: 1, registrationMode: 'manual' });
    const ann = await walkIn(w.id, 'Ann');
    expect(await t.call('desk', 'registrations:bulkWaitlist', { selection: { ids: [ann.id] }, openWaitlist: true })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
