import type { DomainHandlers } from '../core/handler';
import { createUser, listUsers, resetPassword, setDisabled, setRole } from './users.service';

export const usersHandlers: DomainHandlers<'users'> = {
  'users:list': ({ ctx, input }) => listUsers(ctx, input),
  'users:create': ({ ctx, caller, input }) => createUser(ctx, caller, input),
  'users:setRole': ({ ctx, caller, input }) => setRole(ctx, caller, input.userId, input.role),
  'users:setDisabled': ({ ctx, caller, input }) => setDisabled(ctx, caller, input.userId, input.disabled),
  'users:resetPassword': ({ ctx, caller, input }) => resetPassword(ctx, caller, input.userId),
};
