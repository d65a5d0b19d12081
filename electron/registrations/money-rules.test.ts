import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { category, publishedWorkshop, workshopForm } from '../../test/catalogue';
import { setupAdmin, signedIn, testDatabaseKinds, useTestCore } from '../../test/test-core';

/** Each money rule, by recording payments through the dispatcher and reading what was stored. */
describe.each(testDatabaseKinds())('money rules on %s', (kind) => {
  let cat: string;
  const t = useTestCore(kind, async (core) => {
    await setupAdmin(core);
    await signedIn(core, 'staff', 'desk');
    cat = await category(core, 'Arts');
  });
  const payments = async (registrationId: string) =>
    (await sql<{ kind: string; amount_minor: number; method: string; station: string }>`select kind, amount_minor, method, station from payment where registration_id = ${registrationId} order by id`.execute(t.core.ctx.db)).rows;
  const lastAudit = async (entityId: string) => (await t.must('admin', 'audit:list', { entityId, limit: 1 }))[0];

  it('a payment is for the amount fixed at registration, not the price the workshop has now', async () => {
    const w = await publishedWorkshop(t, cat, { priceMinor: 2500 });
    const reg = await t.must('desk', 'registrations:registerPerson', { workshopId: w.id, name: 'Early Bird' });
    await t.must('admin', 'workshops:update', { ...workshopForm(t, cat, { priceMinor: 4000 }), id: w.id, expectedVersion: w.version });
    const paid = await t.must('desk', 'payments:record', { id: reg.id, kind: 'payment', method: 'card', note: 'at the door' });
    expect(paid).toMatchObject({ paymentStatus: 'paid', amountDueMinor: 2500, paidMinor: 2500 });
    expect(await payments(reg.id)).toEqual([{ kind: 'payment', amount_minor: 2500, method: 'card', station: 'Test station' }]);
    expect(await lastAudit(reg.id)).toMatchObject({ action: 'payment.payment', entityType: 'registration', actorEmail: 'desk@example.com', before: { paymentStatus: 'unpaid' }, after: { paymentStatus: 'paid', amount: '€25.00', method: 'card', note: 'at the door' } });
  });

  it('a refund gives back what was paid and leaves "refund due" behind', async () => {
    const w = await publishedWorkshop(t, cat, { priceMinor: 1800 });
    const reg = await t.must('desk', 'registrations:registerPerson', { workshopId: w.id, name: 'Changes Mind' });
    await t.must('desk', 'payments:record', { id: reg.id, kind: 'payment', method: 'cash' });
    const cancelled = await t.must('desk', 'registrations:cancel', { id: reg.id, reason: 'ill' });
    expect(cancelled).toMatchObject({ status: 'cancelled', paymentStatus: 'paid' });
    expect((await t.must('desk', 'payments:outstanding', { workshopId: w.id }))[0]).toMatchObject({ refundDueCount: 1, refundDueMinor: 1800, unpaidCount: 0 });
    const refunded = await t.must('desk', 'payments:record', { id: reg.id, kind: 'refund', method: 'cash' });
    expect(refunded.paymentStatus).toBe('refunded');
    expect((await payments(reg.id)).map((p) => [p.kind, p.amount_minor])).toEqual([['payment', 1800], ['refund', 1800]]);
    expect(await t.must('desk', 'payments:outstanding', { workshopId: w.id })).toEqual([]);
  });

  it('only an unpaid amount can be waived: a paid one keeps its refund due', async () => {
    const w = await publishedWorkshop(t, cat, { priceMinor: 900 });
    const reg = await t.must('desk', 'registrations:registerPerson', { workshopId: w.id, name: 'Paid Up' });
    await t.must('desk', 'payments:record', { id: reg.id, kind: 'payment', method: 'cash' });
    expect(await t.call('desk', 'payments:record', { id: reg.id, kind: 'waiver' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'Only an unpaid amount can be waived.' } });
    expect(await payments(reg.id)).toHaveLength(1);
    const other = await t.must('desk', 'registrations:registerPerson', { workshopId: w.id, name: 'Scholarship' });
    expect(await t.must('desk', 'payments:record', { id: other.id, kind: 'waiver', note: 'bursary' })).toMatchObject({ paymentStatus: 'waived' });
    expect(await payments(other.id)).toEqual([expect.objectContaining({ kind: 'waiver', amount_minor: 900, method: 'none' })]);
  });

  it('money outstanding counts confirmed people only: requests and the waiting list owe nothing yet', async () => {
    const w = await publishedWorkshop(t, cat, { priceMinor: 3000, capacity: 1, waitlistEnabled: true });
    await t.must('desk', 'registrations:registerPerson', { workshopId: w.id, name: 'Seated' });
    const waiting = await t.must('desk', 'registrations:registerPerson', { workshopId: w.id, name: 'Waiting' });
    expect(waiting.status).toBe('waitlisted');
    const m = await publishedWorkshop(t, cat, { priceMinor: 5000, registrationMode: 'manual', title: 'By request' });
    await t.must('desk', 'registrations:registerPerson', { workshopId: m.id, name: 'Asking' });
    expect(await t.call('desk', 'payments:record', { id: waiting.id, kind: 'payment', method: 'cash' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/Nothing is owed yet/) } });
    const rows = await t.must('desk', 'payments:outstanding', {});
    expect(rows).toEqual([expect.objectContaining({ workshopId: w.id, unpaidCount: 1, unpaidMinor: 3000, refundDueCount: 0 })]);
  });

  it('an approval of a request for an archived workshop is refused, and nothing changes', async () => {
    const m = await publishedWorkshop(t, cat, { registrationMode: 'manual' });
    const req = await t.must('desk', 'registrations:registerPerson', { workshopId: m.id, name: 'Too Late' });
    await t.must('admin', 'workshops:archive', { id: m.id });
    expect(await t.call('admin', 'registrations:confirm', { id: req.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/not open/) } });
    const bulk = await t.must('admin', 'registrations:bulkApprove', { selection: { ids: [req.id] } });
    expect(bulk.counts.approved).toBe(0);
    expect((await t.must('admin', 'workshops:get', { id: m.id })).seatsTaken).toBe(0);
  });

  it('a cancellation writes its audit row: who, from what, why, and who was promoted', async () => {
    const w = await publishedWorkshop(t, cat, { capacity: 1, waitlistEnabled: true });
    const seated = await t.must('desk', 'registrations:registerPerson', { workshopId: w.id, name: 'Seated' });
    const next = await t.must('desk', 'registrations:registerPerson', { workshopId: w.id, name: 'Next' });
    await t.must('desk', 'registrations:cancel', { id: seated.id, reason: 'Train strike' });
    expect(await lastAudit(seated.id)).toMatchObject({ action: 'registration.cancel', actorEmail: 'desk@example.com', station: 'Test station', before: { status: 'confirmed' }, after: { status: 'cancelled', reason: 'Train strike', promoted: next.id } });
    expect(await lastAudit(next.id)).toMatchObject({ action: 'registration.promote', before: { status: 'waitlisted' }, after: { status: 'confirmed' } });
  });
});
