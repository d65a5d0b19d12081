import type { InputOf } from '../../../../shared/ipc/contract';
import { invoke } from '../../lib/api';

export const kioskApi = {
  status: () => invoke('kiosk:status', {}),
  checkIn: (ticketCode: string) => invoke('kiosk:checkIn', { ticketCode }),
  register: (input: InputOf<'kiosk:register'>) => invoke('kiosk:register', input),
  exit: (input: InputOf<'kiosk:exit'>) => invoke('kiosk:exit', input),
  search: (input: InputOf<'workshops:search'>) => invoke('workshops:search', input),
  filterOptions: () => invoke('workshops:filterOptions', {}),
  workshop: (id: string) => invoke('workshops:get', { id }),
  signIn: (email: string, password: string) => invoke('auth:signIn', { email, password }),
  signOut: () => invoke('auth:signOut', {}),
};
