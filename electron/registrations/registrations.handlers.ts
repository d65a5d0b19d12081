import type { DomainHandlers, Replayers } from '../core/handler';
import { loadRegistration } from './registration-rows';
import { approvalQueue, bulkApprove, bulkReject, bulkWaitlist } from './approval-queue';
import { outstanding, recordPayment } from './payments.service';
import { cancelRegistration, confirmRegistration, myRegistrations, register, rejectRegistration } from './registrations.service';
import { exportRegistrationsCsv, workshopRegistrations } from './workshop-registrations';

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
  'registrations:bulkWaitlist': ({ ctx, caller, input }) => bulkWaitlist(ctx, caller, input.selection, input.openWaitlist),
  'registrations:forWorkshop': ({ ctx, input }) => workshopRegistrations(ctx, input),
  'registrations:exportCsv': ({ ctx, input }) => exportRegistrationsCsv(ctx, input),
};

export const paymentsHandlers: DomainHandlers<'payments'> = {
  'payments:record': ({ ctx, caller, input }) => recordPayment(ctx, caller, input),
  'payments:outstanding': ({ ctx, input }) => outstanding(ctx, input.workshopId),
};

/** Bookings store the registration they made; a repeated request gets it back as it is now. */
export const registrationsReplayers: Replayers = {
  'registrations:register': ({ ctx, entityId }) => loadRegistration(ctx.db, entityId),
  'registrations:registerPerson': ({ ctx, entityId }) => loadRegistration(ctx.db, entityId),
};
