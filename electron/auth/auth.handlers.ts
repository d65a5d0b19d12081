import type { DomainHandlers } from '../core/handler';
import { changePassword, currentSessionInfo, signIn, signOut, signUp } from './auth.service';
import { listSignedIn, signOutOthers } from './sessions.service';

export const authHandlers: DomainHandlers<'auth'> = {
  'auth:session': ({ ctx, caller }) => currentSessionInfo(ctx, caller),
  'auth:signIn': ({ ctx, caller, input }) => signIn(ctx, caller, input),
  'auth:signUp': ({ ctx, caller, input }) => signUp(ctx, caller, input),
  'auth:signOut': ({ ctx, caller }) => signOut(ctx, caller),
  'auth:changePassword': ({ ctx, caller, input }) => changePassword(ctx, caller, input),
  'auth:sessions': ({ ctx, caller }) => listSignedIn(ctx, caller),
  'auth:signOutOthers': ({ ctx, caller }) => signOutOthers(ctx, caller),
};
