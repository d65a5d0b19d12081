import bcrypt from 'bcrypt';
import { describe, expect, it } from 'vitest';
import { setupAdmin, STRONG_PASSWORD, testDatabaseKinds, useTestCore, type TestCore } from '../../test/test-core';
import { HASH_PREFIX, hashPassword, needsRehash, verifyPassword } from './password-hash';

const ACCENTED = 'àáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿ';
/** 64 accented letters, two bytes each: 128 bytes, far past bcrypt's 72. */
const ACCENTED_64 = Array.from({ length: 64 }, (_, i) => ACCENTED[(i * 7 + i * i) % 32]).join('');
/** 128 characters of another script (three bytes each). */
const HAN_128 = Array.from({ length: 128 }, (_, i) => String.fromCodePoint(0x4e00 + ((i * 7919) % 2000))).join('');
/** Exactly 72 ASCII bytes: all that plain bcrypt would ever read. */
const ASCII_72 = 'Tq8vLw2mZr4pXs9kNd3hBf7jYc6gRt5wQe1uIo0aSdFgHjKlZxCvBnMqWeRtYuIoPaSdFgHj';

const passwordOf = async (t: TestCore, email: string) =>
  (await t.core.ctx.db.selectFrom('account').innerJoin('user', 'user.id', 'account.userId').select('account.password').where('user.email', '=', email).executeTakeFirstOrThrow()).password!;

describe.each(testDatabaseKinds())('passwords on %s', (kind) => {
  const t = useTestCore(kind, setupAdmin);
  const signIn = (password: string, email = 'bea@example.com') => t.call(`w-${Math.random()}`, 'auth:signIn', { email, password });

  it('accepts 64 accented letters and verifies exactly them, not their first 72 bytes', async () => {
    expect(Buffer.byteLength(ACCENTED_64)).toBe(128);
    await t.must('k', 'auth:signUp', { name: 'Bea', email: 'bea@example.com', password: ACCENTED_64 });
    expect((await signIn(ACCENTED_64)).ok).toBe(true);
    expect((await signIn(ACCENTED_64.slice(0, 36))).ok).toBe(false);
    expect((await signIn(ACCENTED_64.slice(0, 63) + 'a')).ok).toBe(false);
  });

  it('accepts 128 characters of any script and refuses a 129th', async () => {
    await t.must('k', 'auth:signUp', { name: 'Bea', email: 'bea@example.com', password: HAN_128 });
    expect((await signIn(HAN_128)).ok).toBe(true);
    const tooLong = await t.call('k2', 'auth:signUp', { name: 'Cy', email: 'cy@example.com', password: HAN_128 + '丸' });
    expect(tooLong).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { password: ['Too long: use at most 128 characters.'] } } });
  });

  it('no longer lets in a 72-byte password followed by anything', async () => {
    await t.must('k', 'auth:signUp', { name: 'Bea', email: 'bea@example.com', password: ASCII_72 });
    expect((await signIn(ASCII_72 + 'anything at all')).ok).toBe(false);
    expect((await signIn(ASCII_72)).ok).toBe(true);
  });

  it('still verifies a plain bcrypt hash of an older version, exactly, and rewrites it at the next sign-in', async () => {
    await t.must('k', 'auth:signUp', { name: 'Bea', email: 'bea@example.com', password: ASCII_72 });
    const legacy = await bcrypt.hash(ASCII_72, 4);
    await t.core.ctx.db.updateTable('account').set({ password: legacy }).where('password', '=', await passwordOf(t, 'bea@example.com')).execute();
    // bcrypt alone would accept this (it reads 72 bytes); the legacy check does not.
    expect(await bcrypt.compare(ASCII_72 + '!', legacy)).toBe(true);
    expect((await signIn(ASCII_72 + '!')).ok).toBe(false);
    expect(await passwordOf(t, 'bea@example.com')).toBe(legacy);
    expect((await signIn(ASCII_72)).ok).toBe(true);
    const upgraded = await passwordOf(t, 'bea@example.com');
    expect(upgraded.startsWith(HASH_PREFIX)).toBe(true);
    expect((await signIn(ASCII_72)).ok).toBe(true);
    const log = await t.must('admin', 'audit:list', { entityType: 'user' });
    expect(log.find((e) => e.action === 'auth.sign_in' && (e.after as { passwordHashUpgraded?: boolean } | null)?.passwordHashUpgraded)).toBeDefined();
  });

  it('treats composed and decomposed accents as the same password', async () => {
    const composed = 'Café crème brûlée à Noël'.normalize('NFC');
    await t.must('k', 'auth:signUp', { name: 'Bea', email: 'bea@example.com', password: composed });
    expect((await signIn(composed.normalize('NFD'))).ok).toBe(true);
  });

  it('refuses a password of spaces only, in any script', async () => {
    for (const password of [' '.repeat(16), '\u3000'.repeat(12), '\t \u00a0'.repeat(5)]) {
      const r = await t.call('k', 'auth:signUp', { name: 'Bea', email: 'bea@example.com', password });
      expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { password: ['A password cannot be only spaces.'] } } });
    }
  });

  it('refuses long passwords that are easy to guess however long they are', async () => {
    const cases: [string, RegExp][] = [
      ['x'.repeat(72), /Repeated/],
      ['passwordpasswordpassword', /Repeated/],
      ['abcdefghijklmnopqrstuvwxyz', /Sequences/],
      ["asdfghjkl;'qwerty", /Keyboard patterns/],
      ['qwertyuiopasdfghjklzxcvbnm', /common passwords/],
      ['bea attendee example', /name or email/],
    ];
    for (const [password, message] of cases) {
      const r = await t.call('k', 'auth:signUp', { name: 'Bea Attendee', email: 'bea@example.com', password });
      expect(r, password).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { password: [expect.stringMatching(message)] } } });
    }
  });

  it('holds administrators to the same policy when they create an account', async () => {
    const r = await t.call('admin', 'users:create', { name: 'Sam', email: 'sam@example.com', role: 'staff', password: 'qwertyuiopasdfghjklzxcvbnm', mustChangePassword: true });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { password: [expect.any(String)] } } });
    expect((await t.must('admin', 'users:list', { search: 'sam@' })).total).toBe(0);
  });
});

describe('stored hashes', () => {
  it('marks new hashes with the scheme and verifies only the exact password', async () => {
    const stored = await hashPassword(STRONG_PASSWORD, 4);
    expect(stored.startsWith(HASH_PREFIX)).toBe(true);
    expect(await verifyPassword(STRONG_PASSWORD, stored)).toBe(true);
    expect(await verifyPassword(STRONG_PASSWORD + ' ', stored)).toBe(false);
    expect(await verifyPassword(STRONG_PASSWORD, null)).toBe(false);
    expect(needsRehash(stored, 4)).toBe(false);
    expect(needsRehash(stored, 12)).toBe(true);
    expect(needsRehash(await bcrypt.hash(STRONG_PASSWORD, 4), 4)).toBe(true);
  });
});
