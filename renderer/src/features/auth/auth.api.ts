import type { InputOf } from '../../../../shared/ipc/contract';
import { invoke } from '../../lib/api';

export const authApi = {
  session: () => invoke('auth:session', {}),
  signIn: (input: InputOf<'auth:signIn'>) => invoke('auth:signIn', input),
  signUp: (input: InputOf<'auth:signUp'>) => invoke('auth:signUp', input),
  signOut: () => invoke('auth:signOut', {}),
  changePassword: (input: InputOf<'auth:changePassword'>) => invoke('auth:changePassword', input),
  sessions: () => invoke('auth:sessions', {}),
  signOutOthers: () => invoke('auth:signOutOthers', {}),
};
