import bcrypt from 'bcrypt';
import type { Result } from '../../shared/errors';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setupAdmin, signedIn, STRONG_PASSWORD, testDatabaseKinds, useTestCore, type TestCore } from '../../test/test-core';

/** Every call of the dispatcher reads the station's name from its settings, as a real station does. */
const at = (t: TestCore, stationName: string) => t.core.ctx.settings.write({ stationName, databaseUrl: null });

const codeOf = (r: Result<unknown>): string => (r.ok ? 'OK' : r.error.code);

const signInAt = (t: TestCore, station: string, email: string, password: string, clientId = `w-${station}`) => {
  at(t, station);
  return t.call(clientId, 'auth:signIn', { email, password });
};

describe.each(testDatabaseKinds())('sign-in throttling on %s', (kind) => {
  const t = useTestCore(kind, async (tc) => {
    await setupAdmin(tc);
    await signedIn(tc, 'staff', 'desk');
    await tc.must('admin', 'auth:signOut', {});
  });
  afterEach(() => vi.restoreAllMocks());

  it('locks an account only at the station where it was guessed: its owner signs in at another', async () => {
    for (let i = 0; i < 5; i++) await signInAt(t, 'Kiosk', 'ada@example.com', `wrong ${i}`);
    expect(await signInAt(t, 'Kiosk', 'ada@example.com', STRONG_PASSWORD)).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', message: expect.stringMatching(/sign in at another station/) } });
    expect(await signInAt(t, 'Front desk', 'ada@example.com', STRONG_PASSWORD)).toMatchObject({ ok: true });
  });

  it('never hashes an attempt the throttle refuses', async () => {
    const compare = vi.spyOn(bcrypt, 'compare');
    for (let i = 0; i < 20; i++) await signInAt(t, 'Kiosk', 'desk@example.com', `wrong ${i}`);
    expect(compare).toHaveBeenCalledTimes(5);
  });

  it('caps an account at 100 failures an hour over all stations; a correct password in between does not reset it', async () => {
    // 99 failures from 20 stations, each below its own streak limit.
    for (let i = 0; i < 99; i++) expect(codeOf(await signInAt(t, `Desk ${Math.floor(i / 5)}`, 'ada@example.com', `wrong ${i}`))).toBe('UNAUTHENTICATED');
    expect(await signInAt(t, 'Owner desk', 'ada@example.com', STRONG_PASSWORD)).toMatchObject({ ok: true });
    // The success gave back only its own attempt: the 100th failure is still counted as one …
    expect(codeOf(await signInAt(t, 'Desk 50', 'ada@example.com', 'wrong 100'))).toBe('UNAUTHENTICATED');
    // … and then the account is capped everywhere, even for its own password at a new station.
    const capped = await signInAt(t, 'Desk 51', 'ada@example.com', STRONG_PASSWORD);
    expect(capped).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', message: expect.stringMatching(/for this account in the last hour/) } });
    // An hour means an hour: two minutes later it still holds.
    t.clock.advance(2 * 60_000);
    expect(await signInAt(t, 'Desk 52', 'ada@example.com', STRONG_PASSWORD)).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    t.clock.advance(58 * 60_000 + 1000);
    expect(await signInAt(t, 'Desk 53', 'ada@example.com', STRONG_PASSWORD)).toMatchObject({ ok: true });
  });

  it('gives each station a budget of 100 failures an hour over all accounts', async () => {
    for (let i = 0; i < 100; i++) expect(codeOf(await signInAt(t, 'Kiosk', `guess${i}@example.com`, 'password guess'))).toBe('UNAUTHENTICATED');
    const spent = await signInAt(t, 'Kiosk', 'ada@example.com', STRONG_PASSWORD);
    expect(spent).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', message: expect.stringMatching(/at this station\. Try again in 60 minutes, or use another station/) } });
    expect(await signInAt(t, 'Front desk', 'ada@example.com', STRONG_PASSWORD)).toMatchObject({ ok: true });
    t.clock.advance(2 * 60_000);
    expect(await signInAt(t, 'Kiosk', 'ada@example.com', STRONG_PASSWORD)).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    t.clock.advance(58 * 60_000 + 1000);
    expect(await signInAt(t, 'Kiosk', 'ada@example.com', STRONG_PASSWORD)).toMatchObject({ ok: true });
  });

  it('remembers a streak of failures for an hour, then forgets it', async () => {
    for (let i = 0; i < 5; i++) await signInAt(t, 'Kiosk', 'ada@example.com', `wrong ${i}`);
    t.clock.advance(2 * 60_000);
    // Two minutes later the streak goes on: the sixth failure in a row sets a 60 s wait.
    await signInAt(t, 'Kiosk', 'ada@example.com', 'wrong 5');
    expect(await signInAt(t, 'Kiosk', 'ada@example.com', STRONG_PASSWORD)).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', message: expect.stringMatching(/60 seconds/) } });
    t.clock.advance(61 * 60_000);
    // An hour without failures: a typo is just a typo again.
    await signInAt(t, 'Kiosk', 'ada@example.com', 'wrong 6');
    expect(await signInAt(t, 'Kiosk', 'ada@example.com', STRONG_PASSWORD)).toMatchObject({ ok: true });
  });

  it('a success ends the streak at that station', async () => {
    for (let i = 0; i < 4; i++) await signInAt(t, 'Kiosk', 'ada@example.com', `wrong ${i}`);
    expect(await signInAt(t, 'Kiosk', 'ada@example.com', STRONG_PASSWORD)).toMatchObject({ ok: true });
    for (let i = 0; i < 4; i++) expect(codeOf(await signInAt(t, 'Kiosk', 'ada@example.com', `again ${i}`, 'other'))).toBe('UNAUTHENTICATED');
    expect(await signInAt(t, 'Kiosk', 'ada@example.com', STRONG_PASSWORD, 'other')).toMatchObject({ ok: true });
  });

  it("answers a disabled account's right password exactly like a wrong one, and counts it", async () => {
    at(t, 'Test station');
    await t.must('admin', 'auth:signIn', { email: 'ada@example.com', password: STRONG_PASSWORD });
    const staff = (await t.must('admin', 'users:list', { search: 'desk@' })).items[0]!;
    await t.must('admin', 'users:setDisabled', { userId: staff.id, disabled: true });
    const wrong = await signInAt(t, 'Kiosk', 'nobody@example.com', 'not the password');
    for (let i = 0; i < 5; i++) expect(await signInAt(t, 'Kiosk', 'desk@example.com', STRONG_PASSWORD)).toEqual(wrong);
    expect(await signInAt(t, 'Kiosk', 'desk@example.com', STRONG_PASSWORD)).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    expect(await t.core.ctx.db.selectFrom('session').where('userId', '=', staff.id).select('id').execute()).toEqual([]);
  });

  it('counts wrong current passwords in change password like wrong sign-ins', async () => {
    at(t, 'Test station');
    await t.must('me', 'auth:signIn', { email: 'desk@example.com', password: STRONG_PASSWORD });
    for (let i = 0; i < 5; i++) {
      const r = await t.call('me', 'auth:changePassword', { currentPassword: `guess number ${i}`, newPassword: 'violet tractor under moonlight' });
      expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { currentPassword: [expect.any(String)] } } });
    }
    expect(await t.call('me', 'auth:changePassword', { currentPassword: STRONG_PASSWORD, newPassword: 'violet tractor under moonlight' })).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    expect(await t.call('other', 'auth:signIn', { email: 'desk@example.com', password: STRONG_PASSWORD })).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    const log = await t.core.ctx.db.selectFrom('audit_log').select('action').where('action', '=', 'auth.change_password_failed').execute();
    expect(log).toHaveLength(5);
    t.clock.advance(31_000);
    expect((await t.call('me', 'auth:changePassword', { currentPassword: STRONG_PASSWORD, newPassword: 'violet tractor under moonlight' })).ok).toBe(true);
  });

  it('limits sign-ups to 30 an hour per station, whether they succeed or not', async () => {
    at(t, 'Kiosk');
    for (let i = 0; i < 30; i++) {
      const email = i % 2 ? 'ada@example.com' : `new${i}@example.com`;
      const r = await t.call(`k${i}`, 'auth:signUp', { name: 'New Person', email, password: STRONG_PASSWORD });
      expect(r.ok, `sign-up ${i}`).toBe(i % 2 === 0);
    }
    const r = await t.call('k-last', 'auth:signUp', { name: 'Late Person', email: 'late@example.com', password: STRONG_PASSWORD });
    expect(r).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', message: expect.stringMatching(/accounts were started at this station/) } });
    at(t, 'Front desk');
    expect((await t.call('f', 'auth:signUp', { name: 'Late Person', email: 'late@example.com', password: STRONG_PASSWORD })).ok).toBe(true);
    t.clock.advance(2 * 60_000);
    at(t, 'Kiosk');
    expect(await t.call('k-later', 'auth:signUp', { name: 'Later', email: 'later@example.com', password: STRONG_PASSWORD })).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
  });
});
