import { describe, expect, it } from 'vitest';
import { setupAdmin, signedIn, testDatabaseKinds, useTestCore, STRONG_PASSWORD } from '../../test/test-core';

describe.each(testDatabaseKinds())('app:status on %s', (kind) => {
  const t = useTestCore(kind);
  const location = () => t.core.ctx.dbHandle.description;

  /** What the first-run and sign-in screens use, and nothing that says where the data is. */
  const expectNoLocation = (status: unknown, who: string) => {
    expect({ who, status }).toMatchObject({ who, status: { stationName: 'Test station', database: { kind }, version: expect.any(String) } });
    expect({ who, database: (status as { database: object }).database }).toEqual({ who, database: { kind } });
    expect({ who, leaks: JSON.stringify(status).includes(location()) }).toEqual({ who, leaks: false });
  };

  it('tells the first-run screen what it needs, but not where the data lives', async () => {
    const atDesk = await t.must('nobody', 'app:status', {});
    expect(atDesk.needsSetup).toBe(true);
    expectNoLocation(atDesk, 'first run, workstation');
    expectNoLocation(await t.must('nobody', 'app:status', {}, 'kiosk'), 'first run, kiosk');
  });

  it('shows where the data lives to an administrator at a workstation only', async () => {
    await setupAdmin(t);
    await signedIn(t, 'staff', 'desk');
    await signedIn(t, 'attendee', 'visitor');
    await signedIn(t, 'admin', 'kioskadmin', 'kiosk');
    expect(await t.must('admin', 'app:status', {})).toEqual({ needsSetup: false, stationName: 'Test station', locale: null, database: { kind, location: location() }, version: expect.any(String) });
    expectNoLocation(await t.must('anon', 'app:status', {}), 'signed out, workstation');
    expectNoLocation(await t.must('anon', 'app:status', {}, 'kiosk'), 'signed out, kiosk');
    expectNoLocation(await t.must('desk', 'app:status', {}), 'staff');
    expectNoLocation(await t.must('visitor', 'app:status', {}), 'attendee');
    expectNoLocation(await t.must('kioskadmin', 'app:status', {}, 'kiosk'), 'admin at the kiosk');
  });

  it('not to the demo administrator before it has chosen a new password (its password is on the setup screen)', async () => {
    const demo = await t.must('first', 'setup:loadDemoData', {});
    await t.must('demo', 'auth:signIn', { email: demo.adminEmail, password: 'admin123' });
    expectNoLocation(await t.must('demo', 'app:status', {}), 'demo admin, password not changed');
    await t.must('demo', 'auth:changePassword', { currentPassword: 'admin123', newPassword: STRONG_PASSWORD });
    expect((await t.must('demo', 'app:status', {})).database).toEqual({ kind, location: location() });
  });
});
