import type { DomainHandlers } from '../core/handler';
import { appStatus, createFirstAdmin, loadDemoDataFromSetup } from './setup.service';

export const appHandlers: DomainHandlers<'app'> = {
  'app:status': ({ ctx, caller }) => appStatus(ctx, caller),
};

export const setupHandlers: DomainHandlers<'setup'> = {
  'setup:createFirstAdmin': ({ ctx, caller, input }) => createFirstAdmin(ctx, caller, input),
  'setup:loadDemoData': ({ ctx, caller }) => loadDemoDataFromSetup(ctx, caller),
};
