import { AppError } from '../../shared/errors';
import type { DomainHandlers } from '../core/handler';
import { approvalQueue, bulkApprove, bulkReject } from './approval-queue';
import { outstanding, recordPayment } from './payments.service';
import { cancelRegistration, confirmRegistration, myRegistrations, register, rejectRegistration } from './registrations.service';
import { registrationsCsv, workshopRegistrations } from './workshop-registrations';

export const registrationsHandlers: DomainHandlers<'registrations'> = {
  'registrations:register': ({ ctx, caller, input }) => {
    const u = caller.user!;
    return register(ctx, caller, input.workshopId, { userId: u.id, name: u.name, email: u.email, phone: null });
  },
  'registrations:registerPerson': ({ ctx, caller, input }) => register(ctx, caller, input.workshopId, { userId: null, name: input.name, email: input.email ?? null, phone: input.phone || null }),
  'registrations:mine': ({ ctx, caller }) => myRegistrations(ctx, caller),
  'registrations:cancel': ({ ctx, caller, input }) => cancelRegistration(ctx, caller, input.id, input.reason),
  'registrations:confirm': ({ ctx, caller, input }) => confirmRegistration(ctx, caller, input.id),
  'registrations:reject': ({ ctx, caller, input }) => rejectRegistration(ctx, caller, input.id, input.reason),
  'registrations:queue': ({ ctx, input }) => approvalQueue(ctx, input),
  'registrations:bulkApprove': ({ ctx, caller, input }) => bulkApprove(ctx, caller, input.selection),
  'registrations:bulkReject': ({ ctx, caller, input }) => bulkReject(ctx, caller, input.selection, input.reason),
  'registrations:forWorkshop': ({ ctx, input }) => workshopRegistrations(ctx, input),
  'registrations:exportCsv': async ({ ctx, input }) => {
    const rows = await workshopRegistrations(ctx, input);
    const w = await ctx.db.selectFrom('workshop').select(['title', 'starts_at']).where('id', '=', input.workshopId).executeTakeFirst();
    if (!w) throw new AppError('NOT_FOUND', 'This workshop no longer exists.');
    const slug = w.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 50);
    return { filename: `${slug}-${new Date(w.starts_at).toISOString().slice(0, 10)}-registrations.csv`, content: registrationsCsv(rows) };
  },
};

export const paymentsHandlers: DomainHandlers<'payments'> = {
  'payments:record': ({ ctx, caller, input }) => recordPayment(ctx, caller, input),
  'payments:outstanding': ({ ctx, input }) => outstanding(ctx, input.workshopId),
};
