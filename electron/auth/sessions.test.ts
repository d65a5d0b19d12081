import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../core/create-core';
import { setupAdmin, STRONG_PASSWORD, testDatabaseKinds, useTestCore, type TestCore } from '../../test/test-core';

const at = (t: TestCore, stationName: string) => t.core.ctx.settings.write({ stationName, databaseUrl: null });
const rowsOf = (t: TestCore) => t.core.ctx.db.selectFrom('session').select(['token', 'station', 'expiresAt', 'createdAt']).execute();

describe.each(testDatabaseKinds())('signed-in stations on %s', (kind) => {
  const t = useTestCore(kind, async (tc) => {
    await setupAdmin(tc);
    await tc.must('admin', 'auth:signOut', {});
  });

  const signInAt = async (station: string, clientId: string, surface: 'workstation' | 'kiosk' = 'workstation') => {
    at(t, station);
    await t.must(clientId, 'auth:signIn', { email: 'ada@example.com', password: STRONG_PASSWORD }, surface);
  };

  it('lists where the account is signed in, since when and when last active', async () => {
    const start = t.clock.now().getTime();
    await signInAt('Front desk', 'desk');
    t.clock.advance(5 * 60_000);
    await signInAt('Kiosk by the door', 'kiosk', 'kiosk');
    t.clock.advance(3 * 60_000);
    await t.must('desk', 'users:list', {});
    const list = await t.must('desk', 'auth:sessions', {});
    expect(list.map(({ id: _, ...s }) => s)).toEqual([
      { station: 'Front desk', surface: 'workstation', since: new Date(start).toISOString(), lastActive: new Date(start + 8 * 60_000).toISOString(), current: true },
      { station: 'Kiosk by the door', surface: 'kiosk', since: new Date(start + 5 * 60_000).toISOString(), lastActive: new Date(start + 5 * 60_000).toISOString(), current: false },
    ]);
    // Another account sees none of them.
    await t.must('desk', 'users:create', { name: 'Sam', email: 'sam@example.com', role: 'staff', password: STRONG_PASSWORD, mustChangePassword: false });
    await t.must('sam', 'auth:signIn', { email: 'sam@example.com', password: STRONG_PASSWORD });
    expect((await t.must('sam', 'auth:sessions', {})).map((s) => s.current)).toEqual([true]);
  });

  it('signs out everywhere else: the other stations find out at their next call, this one stays', async () => {
    await signInAt('Front desk', 'desk');
    await signInAt('Kiosk', 'kiosk', 'kiosk');
    await signInAt('Back office', 'office');
    const requestId = randomUUID();
    expect(await t.must('desk', 'auth:signOutOthers', {}, 'workstation', requestId)).toEqual({ ended: 2 });
    expect(await t.call('office', 'users:list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', message: expect.stringMatching(/signed out elsewhere/) } });
    expect(await t.must('kiosk', 'auth:session', {}, 'kiosk')).toBeNull();
    expect((await t.call('desk', 'users:list', {})).ok).toBe(true);
    expect((await t.must('desk', 'auth:sessions', {})).map((s) => s.station)).toEqual(['Front desk']);
    // The same request again (a retry after a lost answer) tells the first outcome, not "0 ended".
    expect(await t.must('desk', 'auth:signOutOthers', {}, 'workstation', requestId)).toEqual({ ended: 2 });
    const audit = await t.must('desk', 'audit:list', { entityType: 'user' });
    expect(audit.filter((e) => e.action === 'auth.sign_out_others')).toHaveLength(1);
  });

  it("stores each session's expiry by the app's policy, not better-auth's default day", async () => {
    const opened = t.clock.now().getTime();
    await signInAt('Front desk', 'desk');
    const [row] = await rowsOf(t);
    // 30 idle minutes come before the 12-hour limit.
    expect(new Date(row!.expiresAt).getTime()).toBe(opened + 30 * 60_000);
    // Activity moves it on, never past 12 hours from sign-in.
    for (let i = 0; i < 24; i++) {
      t.clock.advance(29 * 60_000);
      await t.must('desk', 'users:list', {});
    }
    const [late] = await rowsOf(t);
    expect(new Date(late!.expiresAt).getTime()).toBe(opened + 12 * 3600_000);
    // Sessions past their stored expiry are no longer listed, though nothing deleted their rows
    // (as when an app is killed mid-session): here one past 12 hours, one idle for 31 minutes.
    await signInAt('Kiosk', 'kiosk', 'kiosk');
    t.clock.advance(31 * 60_000);
    await signInAt('Back office', 'office');
    expect(await rowsOf(t)).toHaveLength(3);
    expect((await t.must('office', 'auth:sessions', {})).map((s) => s.station)).toEqual(['Back office']);
  });

  it('removes the row of a window that closes', async () => {
    await signInAt('Front desk', 'desk');
    await t.core.forgetClient('desk');
    expect(await rowsOf(t)).toEqual([]);
  });
});

describe('quitting the app', () => {
  it("removes this app's own session rows and leaves other stations' alone", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wb-quit-'));
    const core = await createCore({ database: { kind: 'embedded', dataDir: join(dir, 'db') }, settingsFile: join(dir, 's.json'), bcryptCost: 4, logError: () => undefined });
    const ws = { clientId: 'w1', surface: 'workstation' as const };
    await core.dispatch(ws, 'setup:createFirstAdmin', { name: 'Ada', email: 'ada@example.com', password: STRONG_PASSWORD });
    await core.dispatch({ clientId: 'w2', surface: 'workstation' }, 'auth:signIn', { email: 'ada@example.com', password: STRONG_PASSWORD });
    // A session of another station sharing the database (inserted as that station's app would have).
    const now = new Date();
    const user = await core.ctx.db.selectFrom('user').select('id').executeTakeFirstOrThrow();
    await core.ctx.db.insertInto('session').values({ id: 'elsewhere', token: 'elsewhere-token', userId: user.id, expiresAt: new Date(now.getTime() + 3600_000), createdAt: now, updatedAt: now, ipAddress: null, userAgent: null, station: 'Kiosk', surface: 'kiosk', last_active_at: now }).execute();
    expect(await core.ctx.db.selectFrom('session').select('token').execute()).toHaveLength(3);
    await core.close();
    const reopened = await createCore({ database: { kind: 'embedded', dataDir: join(dir, 'db') }, settingsFile: join(dir, 's.json'), bcryptCost: 4, logError: () => undefined });
    try {
      expect(await reopened.ctx.db.selectFrom('session').select('token').execute()).toEqual([{ token: 'elsewhere-token' }]);
    } finally {
      await reopened.close();
    }
  }, 60_000);
});
