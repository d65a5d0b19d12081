import type { InputOf } from '../../../../shared/ipc/contract';
import { invoke } from '../../lib/api';

export const reportsApi = {
  fill: (input: InputOf<'reports:fill'>) => invoke('reports:fill', input),
  money: (input: InputOf<'reports:money'>) => invoke('reports:money', input),
  attendance: (input: InputOf<'reports:attendance'>) => invoke('reports:attendance', input),
  registrations: (input: InputOf<'reports:registrations'>) => invoke('reports:registrations', input),
  arrivals: (input: InputOf<'reports:arrivals'>) => invoke('reports:arrivals', input),
  export: (input: InputOf<'reports:export'>) => invoke('reports:export', input),
  signInSheet: (input: InputOf<'reports:signInSheet'>) => invoke('reports:signInSheet', input),
  filterOptions: () => invoke('workshops:filterOptions', {}),
};
