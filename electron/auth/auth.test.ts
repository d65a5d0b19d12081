import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from './password-hash';
import { createCore } from '../core/create-core';
import { createTestCore, describeOnPostgres, OTHER_STRONG_PASSWORD, setupAdmin, signedIn, STRONG_PASSWORD, testDatabaseKinds, type TestCore, useTestCore } from '../../test/test-core';
import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { AsyncLocalStorage } from 'node:async_hooks';

describe.each(testDatabaseKinds())('accounts and sessions on %s', (kind) => {
  const t = useTestCore(kind, setupAdmin);

  it('lets an attendee sign up, signs them in, and keeps them signed in across calls', async () => {
    const s = await t.must('kiosk1', 'auth:signUp', { name: 'Bea Attendee', email: 'Bea@Example.com', password: STRONG_PASSWORD }, 'kiosk');
    expect(s.user).toMatchObject({ email: 'bea@example.com', role: 'attendee', mustChangePassword: false });
    const again = await t.must('kiosk1', 'auth:session', {}, 'kiosk');
    expect(again?.user.email).toBe('bea@example.com');
  });

  it('refuses a second account with the same email without saying that it exists', async () => {
    const r = await t.call('x', 'auth:signUp', { name: 'Ada Again', email: 'ADA@example.com', password: STRONG_PASSWORD });
    expect(r).toEqual({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/If you already have an account, sign in instead/) } });
    expect(JSON.stringify(r)).not.toMatch(/exists|taken|already registered/i);
    // The owner's account is untouched and still signs in with its own password.
    expect((await t.call('y', 'auth:signIn', { email: 'ada@example.com', password: STRONG_PASSWORD })).ok).toBe(true);
  });

  it('applies the password rules: 12 to 128 characters, not only spaces, not easy to guess', async () => {
    const short = await t.call('x', 'auth:signUp', { name: 'P', email: 'p@example.com', password: 'elevenchars' });
    expect(short).toMatchObject({ ok: false, error: { fieldErrors: { password: ['Use at least 12 characters.'] } } });
    const long = await t.call('x', 'auth:signUp', { name: 'P', email: 'p@example.com', password: 'ab'.repeat(64) + 'c' });
    expect(long).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { password: [expect.stringMatching(/at most 128 characters/)] } } });
    const common = await t.call('x', 'auth:signUp', { name: 'P', email: 'p@example.com', password: 'qwerty123456' });
    expect(common).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { password: [expect.stringMatching(/commonly used/)] } } });
    // 12 characters exactly is fine.
    await t.must('y', 'auth:signUp', { name: 'P', email: 'q@example.com', password: 'zebra-lamp-7' });
  });

  it('signs in several windows at once, each as its own account, and leaves better-auth\'s request contexts off afterwards', async () => {
    const people = ['Ana', 'Bo', 'Cy', 'Di', 'Ed'];
    for (const n of people) await t.must(`up-${n}`, 'auth:signUp', { name: n, email: `${n.toLowerCase()}@example.com`, password: STRONG_PASSWORD });
    const sessions = await Promise.all(people.map((n) => t.must(`w-${n}`, 'auth:signIn', { email: `${n.toLowerCase()}@example.com`, password: STRONG_PASSWORD })));
    expect(sessions.map((s) => s.user.email)).toEqual(people.map((n) => `${n.toLowerCase()}@example.com`));
    for (const n of people) expect((await t.must(`w-${n}`, 'auth:session', {}))?.user.name).toBe(n);
    // Left on, they keep Node 20's promise hooks on for every later call of every window (see
    // better-auth-scope.ts). Newer Node versions have no such switch, and nothing to turn off.
    const shared = (globalThis as Record<symbol, { context?: Record<string, unknown> } | undefined>)[Symbol.for('better-auth:global')];
    const stores = Object.values(shared?.context ?? {}).filter((v) => v instanceof AsyncLocalStorage);
    expect(stores.length).toBeGreaterThan(0);
    for (const store of stores) expect((store as { enabled?: boolean }).enabled ?? false).toBe(false);
  });

  it('says the same thing for a wrong password and an unknown email', async () => {
    const wrong = await t.call('c', 'auth:signIn', { email: 'ada@example.com', password: 'not the password' });
    const unknown = await t.call('c', 'auth:signIn', { email: 'nobody@example.com', password: 'not the password' });
    expect(wrong).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: 'Email or password is incorrect.' } });
    expect(unknown).toEqual(wrong);
  });

  it('throttles an account at a station after 5 failures and lets it in once the delay has passed', async () => {
    for (let i = 0; i < 5; i++) await t.call('c', 'auth:signIn', { email: 'ada@example.com', password: `wrong ${i}` });
    const locked = await t.call('c', 'auth:signIn', { email: 'ada@example.com', password: STRONG_PASSWORD });
    expect(locked).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', message: expect.stringMatching(/at this station\. Try again in 30 seconds/) } });
    // An unknown email is throttled the same way, so the answer reveals nothing.
    for (let i = 0; i < 5; i++) await t.call('c', 'auth:signIn', { email: 'ghost@example.com', password: `wrong ${i}` });
    expect(await t.call('c', 'auth:signIn', { email: 'ghost@example.com', password: 'x' })).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    t.clock.advance(31_000);
    expect((await t.call('c', 'auth:signIn', { email: 'ada@example.com', password: STRONG_PASSWORD })).ok).toBe(true);
  });

  it('grows the delay with further failures', async () => {
    for (let i = 0; i < 5; i++) await t.call('c', 'auth:signIn', { email: 'ada@example.com', password: `wrong ${i}` });
    t.clock.advance(31_000);
    await t.call('c', 'auth:signIn', { email: 'ada@example.com', password: 'wrong again' });
    t.clock.advance(31_000);
    const r = await t.call('c', 'auth:signIn', { email: 'ada@example.com', password: STRONG_PASSWORD });
    // The sixth failure in a row set 60 s, of which 31 have passed.
    expect(r).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', message: expect.stringMatching(/Try again in 29 seconds/) } });
    t.clock.advance(30_000);
    expect((await t.call('c', 'auth:signIn', { email: 'ada@example.com', password: STRONG_PASSWORD })).ok).toBe(true);
  });

  it('signs out: the next organiser call is refused', async () => {
    await t.must('admin', 'auth:signOut', {});
    expect(await t.call('admin', 'users:list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await t.must('admin', 'auth:session', {})).toBeNull();
  });

  it('ends a session after 30 idle minutes, and says why', async () => {
    t.clock.advance(29 * 60_000);
    expect((await t.call('admin', 'users:list', {})).ok).toBe(true);
    t.clock.advance(29 * 60_000); // activity above reset the idle timer
    expect((await t.call('admin', 'users:list', {})).ok).toBe(true);
    t.clock.advance(31 * 60_000);
    expect(await t.call('admin', 'users:list', {})).toEqual({
      ok: false,
      error: { code: 'UNAUTHENTICATED', message: 'You were signed out after 30 minutes without activity. Please sign in again.' },
    });
    expect(await t.must('admin', 'auth:session', {})).toBeNull();
  });

  it('ends a session 12 hours after sign-in however active it is', async () => {
    for (let i = 0; i < 24; i++) {
      t.clock.advance(29 * 60_000);
      expect((await t.call('admin', 'users:list', {})).ok, `call ${i}`).toBe(true);
    }
    t.clock.advance(29 * 60_000);
    expect(await t.call('admin', 'users:list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', message: expect.stringMatching(/12-hour limit/) } });
  });

  it('changing the password ends the account\'s other sessions but keeps this one', async () => {
    await t.must('admin-laptop', 'auth:signIn', { email: 'ada@example.com', password: STRONG_PASSWORD });
    const wrong = await t.call('admin', 'auth:changePassword', { currentPassword: 'nope nope nope', newPassword: OTHER_STRONG_PASSWORD });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { currentPassword: [expect.any(String)] } } });
    await t.must('admin', 'auth:changePassword', { currentPassword: STRONG_PASSWORD, newPassword: OTHER_STRONG_PASSWORD });
    expect((await t.call('admin', 'users:list', {})).ok).toBe(true);
    expect(await t.call('admin-laptop', 'users:list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect((await t.call('n', 'auth:signIn', { email: 'ada@example.com', password: STRONG_PASSWORD })).ok).toBe(false);
    expect((await t.call('n', 'auth:signIn', { email: 'ada@example.com', password: OTHER_STRONG_PASSWORD })).ok).toBe(true);
  });

  it('makes the demo admin choose a new password, enforced by the dispatcher', async () => {
    await t.reset();
    await t.must('setup', 'setup:loadDemoData', {});
    const s = await t.must('demo', 'auth:signIn', { email: 'admin@workshop.com', password: 'admin123' });
    expect(s.user.mustChangePassword).toBe(true);
    expect(await t.call('demo', 'users:list', {})).toMatchObject({ ok: false, error: { code: 'PASSWORD_CHANGE_REQUIRED' } });
    expect(await t.call('demo', 'audit:list', {})).toMatchObject({ ok: false, error: { code: 'PASSWORD_CHANGE_REQUIRED' } });
    const bad = await t.call('demo', 'auth:changePassword', { currentPassword: 'admin123', newPassword: 'password1234' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const changed = await t.must('demo', 'auth:changePassword', { currentPassword: 'admin123', newPassword: OTHER_STRONG_PASSWORD });
    expect(changed.user.mustChangePassword).toBe(false);
    expect((await t.call('demo', 'users:list', {})).ok).toBe(true);
  });

  it('refuses first-run setup once an account exists', async () => {
    const r = await t.call('late', 'setup:createFirstAdmin', { name: 'Eve', email: 'eve@example.com', password: STRONG_PASSWORD });
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await t.call('late', 'setup:loadDemoData', {})).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('writes audit rows for sign-up and sign-in in the same database', async () => {
    await t.must('k', 'auth:signUp', { name: 'Cy', email: 'cy@example.com', password: STRONG_PASSWORD });
    await t.must('k2', 'auth:signIn', { email: 'cy@example.com', password: STRONG_PASSWORD });
    const log = await t.must('admin', 'audit:list', {});
    expect(log.map((e) => e.action)).toEqual(expect.arrayContaining(['auth.sign_up', 'auth.sign_in', 'setup.create_first_admin']));
    expect(log.every((e) => e.station === 'Test station')).toBe(true);
  });
});

describe('password hashing', () => {
  it('uses bcrypt cost 12 in the app configuration', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wb-cost-'));
    const core = await createCore({ database: { kind: 'embedded' }, settingsFile: join(dir, 's.json'), logError: () => undefined });
    try {
      await core.dispatch({ clientId: 'a', surface: 'workstation' }, 'setup:createFirstAdmin', { name: 'A', email: 'a@example.com', password: STRONG_PASSWORD });
      const row = await core.ctx.db.selectFrom('account').select('password').executeTakeFirstOrThrow();
      expect(row.password).toMatch(/^\$wbh1\$\$2b\$12\$/);
      expect(await verifyPassword(STRONG_PASSWORD, row.password)).toBe(true);
    } finally {
      await core.close();
    }
  });
});

describeOnPostgres('two stations sharing one PostgreSQL', () => {
  let a: TestCore;
  let b: Awaited<ReturnType<typeof createCore>>;
  beforeAll(async () => {
    a = await createTestCore('postgres');
    b = await createCore({ database: a.databaseConfig, settingsFile: join(mkdtempSync(join(tmpdir(), 'wb-b-')), 's.json'), clock: a.clock.now, bcryptCost: 4, logError: () => undefined });
    await setupAdmin(a);
    await signedIn(a, 'staff', 'desk');
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  const onB = (clientId: string, password: string) => b.dispatch({ clientId, surface: 'workstation' }, 'auth:signIn', { email: 'desk@example.com', password });

  it('locks an account at the station where it was guessed, not at the other one', async () => {
    b.ctx.settings.write({ stationName: 'Front desk 2', databaseUrl: null });
    for (let i = 0; i < 5; i++) await a.call('s1', 'auth:signIn', { email: 'desk@example.com', password: `wrong ${i}` });
    expect(await a.call('s1', 'auth:signIn', { email: 'desk@example.com', password: STRONG_PASSWORD })).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    expect(await onB('s2', STRONG_PASSWORD)).toMatchObject({ ok: true });
  });

  it('counts failures together for two stations of the same name', async () => {
    a.clock.advance(3600_000);
    b.ctx.settings.write({ stationName: 'Test station', databaseUrl: null });
    for (let i = 0; i < 3; i++) await a.call('s1', 'auth:signIn', { email: 'desk@example.com', password: `wrong ${i}` });
    for (let i = 0; i < 2; i++) await onB('s2', `wrong ${i}`);
    expect(await a.call('s1', 'auth:signIn', { email: 'desk@example.com', password: STRONG_PASSWORD })).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    expect(await onB('s2', STRONG_PASSWORD)).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
  });

  it('a disabled account is signed out on the other station at its next call', async () => {
    a.clock.advance(3600_000); // past the throttle delay (and the admin's idle limit)
    await a.must('admin', 'auth:signIn', { email: 'ada@example.com', password: STRONG_PASSWORD });
    await b.dispatch({ clientId: 'desk-b', surface: 'workstation' }, 'auth:signIn', { email: 'desk@example.com', password: STRONG_PASSWORD });
    const staff = (await a.must('admin', 'users:list', { search: 'desk@' })).items[0]!;
    await a.must('admin', 'users:setDisabled', { userId: staff.id, disabled: true });
    const r = await b.dispatch({ clientId: 'desk-b', surface: 'workstation' }, 'auth:session', {});
    expect(r).toEqual({ ok: true, data: null });
  });
});
