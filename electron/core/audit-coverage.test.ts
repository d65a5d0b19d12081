import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { InputOf, WriteChannel } from '../../shared/ipc/contract';
import { category, publishedWorkshop, startingIn, workshopForm } from '../../test/catalogue';
import { setupAdmin, signedIn, STRONG_PASSWORD, testDatabaseKinds, useTestCore, type TestCore } from '../../test/test-core';

interface Case {
  /** The audit action the change must leave, in its own transaction. */
  action: string;
  as?: 'admin' | 'desk' | 'kiosk';
  /** Makes what the call acts on; returns the input. */
  input(t: TestCore, ids: Fixture): Promise<unknown>;
}
interface Fixture {
  cat: string;
  workshopId: string;
}

const soon = async (t: TestCore, f: Fixture, priceMinor = 0) => (await publishedWorkshop(t, f.cat, { ...startingIn(t, 20), priceMinor, title: 'Today' })).id;
const checkedIn = async (t: TestCore, f: Fixture) => (await t.must('desk', 'desk:checkIn', { registrationId: await walkIn(t, await soon(t, f)) })).checkIn!.id;
const draft = async (t: TestCore, f: Fixture) => (await t.must('admin', 'workshops:create', workshopForm(t, f.cat))).id;
const walkIn = async (t: TestCore, workshopId: string, name = 'Walk In') => (await t.must('desk', 'registrations:registerPerson', { workshopId, name })).id;
const request = async (t: TestCore, f: Fixture) => walkIn(t, (await publishedWorkshop(t, f.cat, { registrationMode: 'manual', title: 'By request' })).id, 'Asks');

/**
 * Every write channel, called once with a real change: the audit log must gain the row that says
 * who did what from which station. Typed over the contract's write channels, so a new one does not
 * compile until it is listed here with the action it records.
 */
// Backups need the embedded database and scripted file dialogs; their audit rows are asserted in
// electron/backup/backup.test.ts ('backup.create', 'backup.restore').
const CASES: Record<Exclude<WriteChannel, 'backup:create' | 'backup:restore'>, Case> = {
  'auth:signOutOthers': { action: 'auth.sign_out_others', as: 'desk', input: async (t) => {
    await t.must('desk-2', 'auth:signIn', { email: 'desk@example.com', password: STRONG_PASSWORD });
    return {};
  } },
  'users:create': { action: 'user.create', input: async () => ({ name: 'New Desk', email: 'new.desk@example.com', role: 'staff', password: STRONG_PASSWORD }) },
  'users:setRole': { action: 'user.set_role', input: async (t) => ({ userId: await userId(t, 'desk@example.com'), role: 'attendee' }) },
  'users:setDisabled': { action: 'user.disable', input: async (t) => ({ userId: await userId(t, 'desk@example.com'), disabled: true }) },
  'workshops:create': { action: 'workshop.create', input: async (t, f) => workshopForm(t, f.cat) },
  'workshops:update': { action: 'workshop.update', input: async (t, f) => ({ ...workshopForm(t, f.cat, { title: 'Renamed' }), id: f.workshopId, expectedVersion: (await t.must('admin', 'workshops:get', { id: f.workshopId })).version }) },
  'workshops:duplicate': { action: 'workshop.duplicate', input: async (_t, f) => ({ id: f.workshopId }) },
  'workshops:publish': { action: 'workshop.publish', input: async (t, f) => ({ id: await draft(t, f) }) },
  'workshops:unpublish': { action: 'workshop.unpublish', input: async (_t, f) => ({ id: f.workshopId }) },
  'workshops:cancel': { action: 'workshop.cancel', input: async (_t, f) => ({ id: f.workshopId, reason: 'Venue closed' }) },
  'workshops:archive': { action: 'workshop.archive', input: async (_t, f) => ({ id: f.workshopId }) },
  'workshops:delete': { action: 'workshop.delete', input: async (t, f) => ({ id: await draft(t, f) }) },
  'categories:create': { action: 'category.create', input: async () => ({ name: 'Ceramics' }) },
  'categories:rename': { action: 'category.rename', input: async (_t, f) => ({ id: f.cat, name: 'Fine arts' }) },
  'categories:delete': { action: 'category.delete', input: async (t, f) => ({ id: f.cat, moveToId: await category(t, 'Other') }) },
  'tags:rename': { action: 'tag.rename', input: async (t) => ({ id: await tagId(t, 'painting'), name: 'watercolour' }) },
  'tags:merge': { action: 'tag.merge', input: async (t, f) => { await publishedWorkshop(t, f.cat, { tags: ['paint'], title: 'Second' }); return { sourceIds: [await tagId(t, 'paint')], targetId: await tagId(t, 'painting') }; } },
  'tags:delete': { action: 'tag.delete', input: async (t) => ({ id: await tagId(t, 'painting') }) },
  'registrations:register': { action: 'registration.confirm', as: 'desk', input: async (_t, f) => ({ workshopId: f.workshopId }) },
  'registrations:registerPerson': { action: 'registration.confirm', as: 'desk', input: async (_t, f) => ({ workshopId: f.workshopId, name: 'Walk In' }) },
  'registrations:cancel': { action: 'registration.cancel', as: 'desk', input: async (t, f) => ({ id: await walkIn(t, f.workshopId), reason: 'Ill' }) },
  'registrations:confirm': { action: 'registration.confirm', input: async (t, f) => ({ id: await request(t, f) }) },
  'registrations:reject': { action: 'registration.reject', input: async (t, f) => ({ id: await request(t, f), reason: 'Full this time' }) },
  'registrations:bulkApprove': { action: 'registration.bulk_approve', input: async (t, f) => ({ selection: { ids: [await request(t, f)] } }) },
  'registrations:bulkWaitlist': { action: 'registration.bulk_waitlist', input: async (t, f) => ({ selection: { ids: [await request(t, f)] }, openWaitlist: true }) },
  'registrations:bulkReject': { action: 'registration.bulk_reject', input: async (t, f) => ({ selection: { ids: [await request(t, f)] }, reason: 'Moved online' }) },
  'desk:checkIn': { action: 'checkin.check_in', as: 'desk', input: async (t, f) => ({ registrationId: await walkIn(t, await soon(t, f)) }) },
  'desk:payAndCheckIn': { action: 'checkin.check_in', as: 'desk', input: async (t, f) => ({ registrationId: await walkIn(t, await soon(t, f, 1500)), method: 'cash', tenderedMinor: 2000 }) },
  'desk:undo': { action: 'checkin.undo', as: 'desk', input: async (t, f) => ({ checkInId: await checkedIn(t, f) }) },
  'desk:reverse': { action: 'checkin.reverse', input: async (t, f) => ({ checkInId: await checkedIn(t, f), reason: 'Scanned by mistake' }) },
  'desk:walkIn': { action: 'checkin.check_in', as: 'desk', input: async (t, f) => ({ workshopId: await soon(t, f, 1500), name: 'At The Door', payment: { method: 'cash' }, checkIn: true }) },
  'kiosk:checkIn': { action: 'checkin.check_in', as: 'kiosk', input: async (t, f) => ({ ticketCode: (await t.must('desk', 'registrations:registerPerson', { workshopId: await soon(t, f), name: 'Kim Kiosk' })).ticketCode! }) },
  'kiosk:register': { action: 'registration.confirm', as: 'kiosk', input: async (_t, f) => ({ workshopId: f.workshopId, guest: { name: 'Kim Guest', email: 'kim@example.com' } }) },
  'payments:record': { action: 'payment.payment', as: 'desk', input: async (t, f) => ({ id: await walkIn(t, f.workshopId), kind: 'payment', method: 'cash' }) },
};

async function userId(t: TestCore, email: string): Promise<string> {
  return (await t.must('admin', 'users:list', { search: email })).items[0]!.id;
}
async function tagId(t: TestCore, name: string): Promise<string> {
  return (await t.must('admin', 'tags:list', {})).find((x) => x.name === name)!.id;
}

describe.each(testDatabaseKinds())('every write leaves its audit row on %s', (kind) => {
  let fixture: Fixture;
  const t = useTestCore(kind, async (core) => {
    await setupAdmin(core);
    await signedIn(core, 'staff', 'desk');
    const cat = await category(core, 'Arts');
    fixture = { cat, workshopId: (await publishedWorkshop(core, cat, { priceMinor: 1200 })).id };
  });

  it.each(Object.entries(CASES))('%s', async (channel, c) => {
    const input = await c.input(t, fixture);
    const before = await sql<{ id: string }>`select coalesce(max(id), 0)::text as id from audit_log`.execute(t.core.ctx.db);
    const caller = c.as ?? 'admin';
    const surface = caller === 'kiosk' ? 'kiosk' : 'workstation';
    await t.must(caller, channel as WriteChannel, input as InputOf<WriteChannel>, surface);
    const rows = await sql<{ action: string; station: string; actor_email: string | null; surface: string }>`select action, station, actor_email, surface from audit_log where id > ${before.rows[0]!.id}::bigint order by id`.execute(t.core.ctx.db);
    expect(rows.rows.map((r) => r.action)).toContain(c.action);
    const row = rows.rows.find((r) => r.action === c.action)!;
    // The kiosk's visitors are anonymous: its rows name the station and the kiosk, no account.
    expect(row).toMatchObject({ station: 'Test station', surface, actor_email: caller === 'admin' ? 'ada@example.com' : caller === 'desk' ? 'desk@example.com' : null });
  });
});
