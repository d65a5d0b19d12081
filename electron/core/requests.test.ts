import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { category, publishedWorkshop, workshopForm } from '../../test/catalogue';
import { setupAdmin, signedIn, testDatabaseKinds, useTestCore } from '../../test/test-core';
import { CHANNELS, contract } from '../../shared/ipc/contract';
import { announceAfterCommit, transact } from './requests';

/**
 * Retry-safe writes: the same request id twice does the work once and gives the first answer again,
 * whether the repeat comes after the first finished or at the same moment.
 */
describe.each(testDatabaseKinds())('repeated write requests on %s', (kind) => {
  const t = useTestCore(kind, async (tc) => {
    await setupAdmin(tc);
    await signedIn(tc, 'staff', 'desk');
  });
  const count = async (q: string) => (await sql<{ n: number }>`select count(*)::int as n from ${sql.raw(q)}`.execute(t.core.ctx.db)).rows[0]!.n;

  it('a walk-in sent twice (no email to tell them apart) is registered once, and the repeat gets the same registration', async () => {
    const w = await publishedWorkshop(t, await category(t, 'Arts'));
    const id = randomUUID();
    const first = await t.must('desk', 'registrations:registerPerson', { workshopId: w.id, name: 'Walk In' }, 'workstation', id);
    const again = await t.must('desk', 'registrations:registerPerson', { workshopId: w.id, name: 'Walk In' }, 'workstation', id);
    expect(again.id).toBe(first.id);
    expect(await count(`registration where workshop_id = '${w.id}'`)).toBe(1);
    expect(await count(`audit_log where action = 'registration.confirm'`)).toBe(1);
    // A new action (a new id) is a new registration.
    await t.must('desk', 'registrations:registerPerson', { workshopId: w.id, name: 'Walk In' });
    expect(await count(`registration where workshop_id = '${w.id}'`)).toBe(2);
  });

  it('a payment sent twice is recorded once; the repeat is not told "Already paid"', async () => {
    const w = await publishedWorkshop(t, await category(t, 'Arts'));
    const reg = await t.must('desk', 'registrations:registerPerson', { workshopId: w.id, name: 'Pays Cash' });
    const id = randomUUID();
    const first = await t.must('desk', 'payments:record', { id: reg.id, kind: 'payment', method: 'cash' }, 'workstation', id);
    const again = await t.call('desk', 'payments:record', { id: reg.id, kind: 'payment', method: 'cash' }, 'workstation', id);
    expect(again).toEqual({ ok: true, data: first });
    expect(await count(`payment where registration_id = '${reg.id}'`)).toBe(1);
  });

  it('a bulk approval sent twice returns the first report, not "no longer pending"', async () => {
    const w = await publishedWorkshop(t, await category(t, 'Arts'), { registrationMode: 'manual', capacity: 2 });
    for (const name of ['A', 'B', 'C']) await t.must('desk', 'registrations:registerPerson', { workshopId: w.id, name });
    const id = randomUUID();
    const first = await t.must('admin', 'registrations:bulkApprove', { selection: { filter: { workshopId: w.id } } }, 'workstation', id);
    expect(first.counts).toMatchObject({ approved: 2, full: 1 });
    const again = await t.must('admin', 'registrations:bulkApprove', { selection: { filter: { workshopId: w.id } } }, 'workstation', id);
    expect(again).toEqual(first);
  });

  it('two copies of one request at the same moment still act once', async () => {
    const w = await publishedWorkshop(t, await category(t, 'Arts'), { capacity: 5 });
    const id = randomUUID();
    const [a, b] = await Promise.all([
      t.call('desk', 'registrations:registerPerson', { workshopId: w.id, name: 'Twin' }, 'workstation', id),
      t.call('desk', 'registrations:registerPerson', { workshopId: w.id, name: 'Twin' }, 'workstation', id),
    ]);
    expect(a).toMatchObject({ ok: true });
    expect(b).toMatchObject({ ok: true });
    if (a.ok && b.ok) expect(a.data.id).toBe(b.data.id);
    expect(await count(`registration where workshop_id = '${w.id}'`)).toBe(1);
  });

  it('a refused write is not stored: the same request may succeed once the reason is gone', async () => {
    const cat = await category(t, 'Arts');
    const w = await publishedWorkshop(t, cat, { capacity: 1 });
    const seat = await t.must('desk', 'registrations:registerPerson', { workshopId: w.id, name: 'Has Seat' });
    const id = randomUUID();
    expect(await t.call('desk', 'registrations:registerPerson', { workshopId: w.id, name: 'Next' }, 'workstation', id)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/full/) } });
    await t.must('desk', 'registrations:cancel', { id: seat.id, reason: '' });
    expect(await t.call('desk', 'registrations:registerPerson', { workshopId: w.id, name: 'Next' }, 'workstation', id)).toMatchObject({ ok: true, data: { status: 'confirmed' } });
  });

  it('a request id is not a key to someone else\'s answer, nor to another action', async () => {
    const w = await publishedWorkshop(t, await category(t, 'Arts'));
    const id = randomUUID();
    await t.must('desk', 'registrations:registerPerson', { workshopId: w.id, name: 'Mine' }, 'workstation', id);
    expect(await t.call('admin', 'registrations:registerPerson', { workshopId: w.id, name: 'Mine' }, 'workstation', id)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/already used/) } });
    expect(await t.call('desk', 'workshops:create', workshopForm(t, w.categoryId), 'workstation', id)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call('admin', 'categories:create', { name: 'Another' }, 'workstation', id)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/already used/) } });
  });

  it('the same request id sent again with other details is refused, not answered with the first one', async () => {
    const cat = await category(t, 'Arts');
    const [a, b] = [await publishedWorkshop(t, cat), await publishedWorkshop(t, cat, { title: 'Another' })];
    const id = randomUUID();
    const first = await t.must('desk', 'registrations:registerPerson', { workshopId: a.id, name: 'First Person' }, 'workstation', id);
    expect(await t.call('desk', 'registrations:registerPerson', { workshopId: b.id, name: 'Second Person' }, 'workstation', id)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/already used/) } });
    // The very same send again still gets its first answer.
    expect(await t.call('desk', 'registrations:registerPerson', { workshopId: a.id, name: 'First Person' }, 'workstation', id)).toMatchObject({ ok: true, data: { id: first.id } });
    expect(await count('registration')).toBe(1);
  });

  it('refuses a write without a request id, or with one that is not a UUID, changing nothing', async () => {
    const before = await count('category');
    expect(await t.core.dispatch({ clientId: 'admin', surface: 'workstation' }, 'categories:create', { name: 'No id' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { _request: [expect.any(String)] } } });
    expect(await t.core.dispatch({ clientId: 'admin', surface: 'workstation' }, 'categories:create', { name: 'Bad id' }, { requestId: 'not-a-uuid' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await count('category')).toBe(before);
  });
});

describe('the contract', () => {
  it('says for every channel what it does to stored state', () => {
    for (const c of CHANNELS) expect(['read', 'write', 'repeatable'], c).toContain(contract[c].effect);
  });
});

describe.each(testDatabaseKinds())('announcements of a transaction on %s', (kind) => {
  const t = useTestCore(kind, async (tc) => setupAdmin(tc));

  it('go out once it has committed, each event once, and never when it rolls back', async () => {
    const told: { name: string; payload: unknown }[] = [];
    const ctx = { ...t.core.ctx, announce: (name: string, payload: unknown) => told.push({ name, payload }) } as typeof t.core.ctx;
    const caller = { clientId: 'x', surface: 'workstation', station: 'Test', user: null, role: 'public', sessionToken: null, request: null } as const;
    let toldInside = -1;
    await transact(ctx, caller, async (trx) => {
      announceAfterCommit(trx, 'registrations:changed', { workshopId: 'w-1' });
      announceAfterCommit(trx, 'registrations:changed', { workshopId: 'w-1' });
      announceAfterCommit(trx, 'registrations:changed', { workshopId: 'w-2' });
      toldInside = told.length;
    });
    expect(toldInside).toBe(0);
    expect(told).toEqual([
      { name: 'registrations:changed', payload: { workshopId: 'w-1' } },
      { name: 'registrations:changed', payload: { workshopId: 'w-2' } },
    ]);
    told.length = 0;
    await expect(
      transact(ctx, caller, async (trx) => {
        announceAfterCommit(trx, 'registrations:changed', { workshopId: 'w-3' });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(told).toEqual([]);
  });
});
