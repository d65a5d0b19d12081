// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeApi, ok } from '../../../test/fake-api';
import { invoke } from '../../lib/api';
import { useSession } from './session.store';

const session = { user: { id: 'u1', name: 'Sam', email: 'sam@example.com', role: 'staff' as const, mustChangePassword: false }, expiresAt: '2030-01-01T00:00:00.000Z', idleTimeoutSeconds: 1800 };

describe('session store', () => {
  beforeEach(() => useSession.setState({ phase: 'starting', session: null, notice: null, status: null }));

  it('follows any call that finds the session ended: the sign-in screen says why', async () => {
    fakeApi({
      'app:status': () => ok({ needsSetup: false, stationName: 'Desk 1', locale: null, database: { kind: 'embedded' }, version: '1' }),
      'auth:session': () => ok(session),
      'users:list': () => ({ ok: false, error: { code: 'UNAUTHENTICATED', message: 'You were signed out after 30 minutes without activity. Please sign in again.' } }),
    });
    await useSession.getState().load();
    expect(useSession.getState().session?.user.name).toBe('Sam');
    await invoke('users:list', {});
    expect(useSession.getState().session).toBeNull();
    expect(useSession.getState().notice).toBe('You were signed out after 30 minutes without activity. Please sign in again.');
  });

  it('sends the user to the new-password screen when the main process demands it', async () => {
    fakeApi({ 'workshops:listForOrganisers': () => ({ ok: false, error: { code: 'PASSWORD_CHANGE_REQUIRED', message: 'Choose a new password before you continue.' } }) });
    useSession.setState({ session });
    await invoke('workshops:listForOrganisers', {});
    expect(useSession.getState().session?.user.mustChangePassword).toBe(true);
  });

  it('does not sign anyone out for a wrong password on the sign-in screen', async () => {
    fakeApi({ 'auth:signIn': () => ({ ok: false, error: { code: 'UNAUTHENTICATED', message: 'Email or password is incorrect.' } }) });
    useSession.setState({ session: null, notice: 'earlier reason' });
    await invoke('auth:signIn', { email: 'a@example.com', password: 'x' });
    expect(useSession.getState().notice).toBe('earlier reason');
  });

  it('reports an unreachable main process as a value, never a throw', async () => {
    (window as unknown as { api: unknown }).api = { invoke: () => Promise.reject(new Error('ipc down')) };
    await expect(invoke('app:status', {})).resolves.toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
  });
});
