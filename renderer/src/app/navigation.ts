import { create } from 'zustand';
import { contract, type Channel } from '../../../shared/ipc/contract';
import type { Role } from '../../../shared/roles';

export type PageId =
  | 'home'
  | 'catalogue'
  | 'workshop'
  | 'bookings'
  | 'workshops'
  | 'workshopEditor'
  | 'workshopRegistrations'
  | 'queue'
  | 'desk'
  | 'taxonomy'
  | 'users'
  | 'reports'
  | 'audit'
  | 'settings'
  | 'account';

export interface NavItem {
  id: PageId;
  label: string;
  /** The channel the page is built on: the item shows only to roles the contract admits there. */
  channel: Channel;
}

export const NAV_ITEMS: NavItem[] = [
  { id: 'home', label: 'Home', channel: 'auth:session' },
  { id: 'catalogue', label: 'Browse workshops', channel: 'workshops:search' },
  { id: 'bookings', label: 'My registrations', channel: 'registrations:mine' },
  { id: 'workshops', label: 'Manage workshops', channel: 'workshops:listForOrganisers' },
  { id: 'queue', label: 'Approval queue', channel: 'registrations:queue' },
  { id: 'desk', label: 'Desk', channel: 'desk:today' },
  { id: 'taxonomy', label: 'Categories & tags', channel: 'categories:create' },
  { id: 'users', label: 'Users', channel: 'users:list' },
  { id: 'reports', label: 'Reports', channel: 'reports:attendance' },
  { id: 'audit', label: 'Audit log', channel: 'audit:list' },
  { id: 'settings', label: 'Station settings', channel: 'settings:update' },
  { id: 'account', label: 'My account', channel: 'auth:changePassword' },
];

export const canUse = (role: Role, channel: Channel): boolean => {
  const audience: readonly string[] = contract[channel].audience;
  return audience.includes('public') || audience.includes(role);
};

export const navFor = (role: Role): NavItem[] => NAV_ITEMS.filter((item) => canUse(role, item.channel));

/** Sub-pages (a workshop, the editor) belong to the nav item they were opened from. */
export const NAV_PARENT: Partial<Record<PageId, PageId>> = { workshop: 'catalogue', workshopEditor: 'workshops', workshopRegistrations: 'workshops' };

interface NavState {
  page: PageId;
  /** The workshop a sub-page shows; null in the editor means "new". */
  workshopId: string | null;
  /** Where "Back" leads from a workshop page. */
  backTo: PageId;
  go(page: PageId, opts?: { workshopId?: string | null }): void;
}

export const useNav = create<NavState>((set, get) => ({
  page: 'home',
  workshopId: null,
  backTo: 'catalogue',
  go: (page, opts) => set({ page, workshopId: opts?.workshopId ?? null, backTo: page === 'workshop' ? (get().page === 'workshops' || get().page === 'workshopRegistrations' ? 'workshops' : get().page === 'bookings' ? 'bookings' : 'catalogue') : get().backTo }),
}));
