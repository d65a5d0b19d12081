import type { InputOf } from '../../../../shared/ipc/contract';
import { invoke } from '../../lib/api';

export const registrationsApi = {
  register: (workshopId: string) => invoke('registrations:register', { workshopId }),
  registerPerson: (input: InputOf<'registrations:registerPerson'>) => invoke('registrations:registerPerson', input),
  mine: () => invoke('registrations:mine', {}),
  cancel: (id: string, reason = '') => invoke('registrations:cancel', { id, reason }),
  confirm: (id: string) => invoke('registrations:confirm', { id }),
  reject: (id: string, reason: string) => invoke('registrations:reject', { id, reason }),
  queue: (input: InputOf<'registrations:queue'>) => invoke('registrations:queue', input),
  bulkApprove: (selection: InputOf<'registrations:bulkApprove'>['selection']) => invoke('registrations:bulkApprove', { selection }),
  bulkReject: (selection: InputOf<'registrations:bulkReject'>['selection'], reason: string) => invoke('registrations:bulkReject', { selection, reason }),
  bulkWaitlist: (ids: string[], openWaitlist: boolean) => invoke('registrations:bulkWaitlist', { selection: { ids }, openWaitlist }),
  forWorkshop: (input: InputOf<'registrations:forWorkshop'>) => invoke('registrations:forWorkshop', input),
  exportCsv: (input: InputOf<'registrations:exportCsv'>) => invoke('registrations:exportCsv', input),
  recordPayment: (input: InputOf<'payments:record'>) => invoke('payments:record', input),
  outstanding: (workshopId?: string) => invoke('payments:outstanding', { workshopId }),
};

/**
 * react-query keys of a workshop's registrations page: under ['workshop', id], which a
 * 'registrations:changed' event for that workshop marks stale (lib/query.ts).
 */
export const registrationKeys = {
  all: (workshopId: string) => ['workshop', workshopId] as const,
  workshop: (workshopId: string) => ['workshop', workshopId, 'detail'] as const,
  list: (filter: InputOf<'registrations:forWorkshop'>) => ['workshop', filter.workshopId, 'registrations', filter] as const,
  outstanding: (workshopId: string) => ['workshop', workshopId, 'outstanding'] as const,
};

/** react-query keys of the approval queue, which any 'registrations:changed' event marks stale (lib/query.ts). */
export const queueKeys = {
  all: ['queue'] as const,
  page: (input: InputOf<'registrations:queue'>) => ['queue', input] as const,
};
