import { describe, expect, it } from 'vitest';
import { actionInWords } from '../../shared/audit';
import { category, publishedWorkshop } from '../../test/catalogue';
import { setupAdmin, signedIn, testDatabaseKinds, useTestCore } from '../../test/test-core';

describe.each(testDatabaseKinds())('the audit log on %s', (kind) => {
  const t = useTestCore(kind, setupAdmin);

  it('names what was acted on as people know it and says the action in words', async () => {
    await signedIn(t, 'staff', 'desk');
    const arts = await category(t, 'Arts');
    const w = await publishedWorkshop(t, arts, { title: 'Pottery basics', capacity: 1, registrationMode: 'manual', waitlistEnabled: true });
    const ann = await t.must('desk', 'registrations:registerPerson', { workshopId: w.id, name: 'Ann Lee' });
    t.clock.advance(1000); // Ann asked first
    const ben = await t.must('desk', 'registrations:registerPerson', { workshopId: w.id, name: 'Ben Ode' });
    await t.must('admin', 'registrations:bulkApprove', { selection: { ids: [ann.id, ben.id] } });
    const doomed = await category(t, 'Doomed');
    await t.must('admin', 'categories:delete', { id: doomed });

    const entries = await t.must('admin', 'audit:list', { limit: 20 });
    const said = entries.map((e) => [actionInWords(e), e.entityName]);
    expect(said).toContainEqual(['Approved a request', 'Ann Lee — Pottery basics']);
    expect(said).toContainEqual(['Approved a request, onto the waiting list (no seat free)', 'Ben Ode — Pottery basics']);
    expect(said).toContainEqual(['Published a workshop', 'Pottery basics']);
    expect(said).toContainEqual(['Created an account', 'staff desk (desk@example.com)']);
    // Deleted since: the name the entry recorded.
    expect(said).toContainEqual(['Deleted a category', 'Doomed']);
    expect(said).toContainEqual(['Set up the app and created the first administrator', 'Ada Admin (ada@example.com)']);
  });

  it('still says something for an action it has no words for', () => {
    expect(actionInWords({ action: 'kiosk.check_in', after: null })).toBe('Kiosk check in');
  });
});
