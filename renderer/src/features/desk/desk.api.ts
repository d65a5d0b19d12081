import type { InputOf } from '../../../../shared/ipc/contract';
import { invoke } from '../../lib/api';

export const deskApi = {
  today: () => invoke('desk:today', {}),
  search: (input: InputOf<'desk:search'>) => invoke('desk:search', input),
  checkIn: (input: InputOf<'desk:checkIn'>) => invoke('desk:checkIn', input),
  payAndCheckIn: (input: InputOf<'desk:payAndCheckIn'>) => invoke('desk:payAndCheckIn', input),
  undo: (input: InputOf<'desk:undo'>) => invoke('desk:undo', input),
  reverse: (input: InputOf<'desk:reverse'>) => invoke('desk:reverse', input),
  walkIn: (input: InputOf<'desk:walkIn'>, requestId?: string) => invoke('desk:walkIn', input, { requestId }),
  similar: (input: InputOf<'desk:similar'>) => invoke('desk:similar', input),
  checkIns: (input: InputOf<'desk:checkIns'>) => invoke('desk:checkIns', input),
};

/** react-query keys: all under 'desk', which a 'registrations:changed' event marks stale (lib/query.ts). */
export const deskKeys = {
  today: ['desk', 'today'] as const,
  search: (q: string, scope: string, workshopId: string | null) => ['desk', 'search', q, scope, workshopId] as const,
  checkIns: (workshopId: string, q: string) => ['desk', 'checkIns', workshopId, q] as const,
  similar: (workshopId: string, name: string, email: string, phone: string) => ['desk', 'similar', workshopId, name, email, phone] as const,
};
