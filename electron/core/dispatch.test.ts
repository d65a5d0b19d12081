import { describe, expect, it } from 'vitest';
import { createDispatcher } from './dispatch';
import { handlers, replayers } from './create-core';
import { setupAdmin, signedIn, testDatabaseKinds, useTestCore } from '../../test/test-core';

describe.each(testDatabaseKinds())('dispatcher on %s', (kind) => {
  const t = useTestCore(kind, setupAdmin);

  it('refuses a channel that is not in the contract', async () => {
    const r = await t.core.dispatch({ clientId: 'admin', surface: 'workstation' }, 'users:dropEverything', {});
    expect(r).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: 'This action is not available.' } });
  });

  it('answers invalid input with VALIDATION and a message per field', async () => {
    const r = await t.call('admin', 'users:create', { name: '', email: 'not-an-email', role: 'staff', password: 'short' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('VALIDATION');
    expect(r.error.fieldErrors?.name?.[0]).toBe('Enter a name.');
    expect(r.error.fieldErrors?.email?.[0]).toMatch(/valid email/);
    expect(r.error.fieldErrors?.password?.[0]).toBe('Use at least 12 characters.');
  });

  it('answers UNAUTHENTICATED when there is no session', async () => {
    const r = await t.call('nobody', 'users:list', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('answers FORBIDDEN to a role the channel does not admit', async () => {
    await signedIn(t, 'staff', 'desk1');
    const r = await t.call('desk1', 'users:list', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('refuses organiser channels from the kiosk window, even for an admin', async () => {
    await signedIn(t, 'admin', 'kiosk-admin', 'kiosk');
    const r = await t.call('kiosk-admin', 'users:list', {}, 'kiosk');
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: 'This is not available at the self-service kiosk.' } });
  });

  it('turns an unexpected error into INTERNAL without leaking its text', async () => {
    const logged: unknown[] = [];
    const broken = createDispatcher(t.core.ctx, { ...handlers, 'users:list': async () => { throw new Error('relation "secret_table" does not exist at /home/x/app.ts:12'); } }, replayers, (e: unknown) => logged.push(e));
    const r = await broken({ clientId: 'admin', surface: 'workstation' }, 'users:list', {});
    expect(r).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'Something went wrong. Please try again.' } });
    expect(JSON.stringify(r)).not.toMatch(/secret_table|app\.ts/);
    expect(logged).toHaveLength(1);
  });

  it('runs a call again that the database rolled back to break a deadlock, and says CONFLICT (not INTERNAL) if it keeps happening', async () => {
    const deadlock = () => Object.assign(new Error('deadlock detected'), { code: '40P01' });
    let tries = 0;
    const once = createDispatcher(t.core.ctx, { ...handlers, 'users:list': async (c) => { if (++tries === 1) throw deadlock(); return handlers['users:list'](c); } }, replayers, () => undefined);
    const r = await once({ clientId: 'admin', surface: 'workstation' }, 'users:list', {});
    expect(r.ok).toBe(true);
    expect(tries).toBe(2);

    const logged: unknown[] = [];
    let always = 0;
    const stuck = createDispatcher(t.core.ctx, { ...handlers, 'users:list': async () => { always++; throw Object.assign(new Error('could not serialize access'), { code: '40001' }); } }, replayers, (e: unknown) => logged.push(e));
    const r2 = await stuck({ clientId: 'admin', surface: 'workstation' }, 'users:list', {});
    expect(r2).toEqual({ ok: false, error: { code: 'CONFLICT', message: 'Other stations were changing the same records at this very moment, and this was not saved. Try again.' } });
    expect(always).toBe(4);
    expect(logged).toEqual([]);
  });

  it('maps a database connection failure to UNAVAILABLE', async () => {
    const down = createDispatcher(t.core.ctx, { ...handlers, 'users:list': async () => { throw Object.assign(new Error('connect ECONNREFUSED 10.0.0.1:5432'), { code: 'ECONNREFUSED' }); } }, replayers, () => undefined);
    const r = await down({ clientId: 'admin', surface: 'workstation' }, 'users:list', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    expect(JSON.stringify(r)).not.toMatch(/10\.0\.0\.1/);
  });
});
