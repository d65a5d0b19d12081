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
