import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore, describeOnPostgres, OTHER_STRONG_PASSWORD, setupAdmin, signedIn, STRONG_PASSWORD, testDatabaseKinds, type TestCore, useTestCore } from '../../test/test-core';
import type { Caller } from '../core/caller';
import { setRole } from './users.service';

describe.each(testDatabaseKinds())('user management on %s', (kind) => {
  const t = useTestCore(kind, setupAdmin);

  const idOf = async (email: string) => (await t.must('admin', 'users:list', { search: email })).items[0]!.id;

  it('creates a staff account that must choose its own password at first sign-in', async () => {
    const u = await t.must('admin', 'users:create', { name: 'Sam Staff', email: 'sam@example.com', role: 'staff', password: STRONG_PASSWORD });
    expect(u).toMatchObject({ role: 'staff', mustChangePassword: true, disabled: false });
    const s = await t.must('sam', 'auth:signIn', { email: 'sam@example.com', password: STRONG_PASSWORD });
    expect(s.user.mustChangePassword).toBe(true);
    await t.must('sam', 'auth:changePassword', { currentPassword: STRONG_PASSWORD, newPassword: OTHER_STRONG_PASSWORD });
    const audit = await t.must('admin', 'audit:list', { entityType: 'user', entityId: u.id });
    expect(audit.map((a) => a.action)).toEqual(['auth.change_password', 'auth.sign_in', 'user.create']);
    expect(audit.find((a) => a.action === 'user.create')?.actorEmail).toBe('ada@example.com');
  });

  it('lists and searches users by name or email, with a total', async () => {
    await signedIn(t, 'staff', 'desk1');
    await signedIn(t, 'attendee', 'zoe');
    const all = await t.must('admin', 'users:list', {});
    expect(all.total).toBe(3);
    expect((await t.must('admin', 'users:list', { search: 'ZOE' })).items.map((u) => u.email)).toEqual(['zoe@example.com']);
    expect((await t.must('admin', 'users:list', { role: 'staff' })).items.map((u) => u.email)).toEqual(['desk1@example.com']);
    expect((await t.must('admin', 'users:list', { search: '100%_' })).total).toBe(0);
  });

  it('changes a role, and the account works under its new role at its next sign-in', async () => {
    await signedIn(t, 'attendee', 'kim');
    const id = await idOf('kim@example.com');
    await t.must('admin', 'users:setRole', { userId: id, role: 'staff' });
    // Its old session ended with the role change.
    expect(await t.call('kim', 'auth:session', {})).toEqual({ ok: true, data: null });
    const s = await t.must('kim', 'auth:signIn', { email: 'kim@example.com', password: STRONG_PASSWORD });
    expect(s.user.role).toBe('staff');
  });

  it('disables an account: its sessions end and it cannot sign in; enabling lets it back', async () => {
    await signedIn(t, 'staff', 'desk2');
    const id = await idOf('desk2@example.com');
    await t.must('admin', 'users:setDisabled', { userId: id, disabled: true });
    expect(await t.call('desk2', 'auth:session', {})).toEqual({ ok: true, data: null });
    // Its right password answers exactly like a wrong one: the refusal tells a guesser nothing.
    const wrong = await t.call('desk2', 'auth:signIn', { email: 'desk2@example.com', password: 'wrong password!' });
    expect(wrong).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: 'Email or password is incorrect.' } });
    expect(await t.call('desk2', 'auth:signIn', { email: 'desk2@example.com', password: STRONG_PASSWORD })).toEqual(wrong);
    await t.must('admin', 'users:setDisabled', { userId: id, disabled: false });
    expect((await t.call('desk2', 'auth:signIn', { email: 'desk2@example.com', password: STRONG_PASSWORD })).ok).toBe(true);
  });

  it('resets a password to a one-time temporary password that must be changed', async () => {
    await signedIn(t, 'staff', 'desk3');
    const id = await idOf('desk3@example.com');
    const { temporaryPassword } = await t.must('admin', 'users:resetPassword', { userId: id });
    expect(temporaryPassword).toMatch(/^[a-zA-Z2-9]{4}(-[a-zA-Z2-9]{4}){3}$/);
    expect(temporaryPassword).not.toMatch(/[01IOl]/);
    expect(await t.call('desk3', 'auth:session', {})).toEqual({ ok: true, data: null });
    expect((await t.call('desk3', 'auth:signIn', { email: 'desk3@example.com', password: STRONG_PASSWORD })).ok).toBe(false);
    const s = await t.must('desk3', 'auth:signIn', { email: 'desk3@example.com', password: temporaryPassword });
    expect(s.user.mustChangePassword).toBe(true);
    expect(await t.call('desk3', 'app:status', {})).toMatchObject({ ok: true });
    const audit = await t.must('admin', 'audit:list', { entityId: id });
    expect(JSON.stringify(audit)).not.toContain(temporaryPassword);
  });

  it('never demotes or disables the last active administrator', async () => {
    const adaId = await idOf('ada@example.com');
    expect(await t.call('admin', 'users:setRole', { userId: adaId, role: 'staff' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/last active administrator/) } });
    await signedIn(t, 'admin', 'bob');
    const bobId = await idOf('bob@example.com');
    await t.must('admin', 'users:setDisabled', { userId: bobId, disabled: true });
    // A disabled admin does not count: Ada is still the last active one.
    expect(await t.call('admin', 'users:setRole', { userId: adaId, role: 'attendee' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await t.call('admin', 'users:setDisabled', { userId: adaId, disabled: true })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await t.must('admin', 'users:setDisabled', { userId: bobId, disabled: false });
    expect((await t.call('admin', 'users:setRole', { userId: adaId, role: 'staff' })).ok).toBe(true);
  });

  it('reports an unknown user as NOT_FOUND', async () => {
    expect(await t.call('admin', 'users:setRole', { userId: 'nope', role: 'staff' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describeOnPostgres('last-admin guard under concurrency (PostgreSQL)', () => {
  let t: TestCore;
  beforeAll(async () => {
    t = await createTestCore('postgres');
    await setupAdmin(t);
    await signedIn(t, 'admin', 'bob');
  });
  afterAll(() => t.close());

  it('two admins demoting each other at the same moment leave one admin', async () => {
    const list = (await t.must('admin', 'users:list', { role: 'admin' })).items;
    const ada = list.find((u) => u.email === 'ada@example.com')!.id;
    const bob = list.find((u) => u.email === 'bob@example.com')!.id;
    const [r1, r2] = await Promise.all([
      t.call('admin', 'users:setRole', { userId: bob, role: 'staff' }),
      t.call('bob', 'users:setRole', { userId: ada, role: 'staff' }),
    ]);
    expect([r1.ok, r2.ok].filter(Boolean)).toHaveLength(1);
    // Refused by the guard if both calls got past the dispatcher before either committed; otherwise
    // the winner's change reached the loser's session first (signed out, or no longer an admin).
    const refused = [r1, r2].find((r) => !r.ok);
    expect(['CONFLICT', 'FORBIDDEN', 'UNAUTHENTICATED']).toContain(refused?.ok === false && refused.error.code);
    const rows = await t.core.ctx.db.selectFrom('user').select('email').where('role', '=', 'admin').execute();
    expect(rows).toHaveLength(1);
  });

  it('the guard itself: two demotions that both reach their transactions, one refused as the last admin', async () => {
    await t.reset();
    await setupAdmin(t);
    await signedIn(t, 'admin', 'bob');
    const list = (await t.must('admin', 'users:list', { role: 'admin' })).items;
    const [ada, bob] = ['ada@example.com', 'bob@example.com'].map((e) => list.find((u) => u.email === e)!);
    const as = (u: typeof ada): Caller => ({ clientId: u!.id, surface: 'workstation', station: 'Test', user: { id: u!.id, name: u!.name, email: u!.email, role: 'admin', mustChangePassword: false }, role: 'admin', sessionToken: null });
    const results = await Promise.allSettled([setRole(t.core.ctx, as(ada), bob!.id, 'staff'), setRole(t.core.ctx, as(bob), ada!.id, 'staff')]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')!;
    expect(refused.reason).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/last active administrator/) });
  });
});
