import { create } from 'zustand';
import { contract, type Channel } from '../../../shared/ipc/contract';
import type { Role } from '../../../shared/roles';

export type PageId = 'home' | 'users' | 'audit' | 'settings' | 'account';

export interface NavItem {
  id: PageId;
  label: string;
  /** The channel the page is built on: the item shows only to roles the contract admits there. */
  channel: Channel;
}

export const NAV_ITEMS: NavItem[] = [
  { id: 'home', label: 'Home', channel: 'auth:session' },
  { id: 'users', label: 'Users', channel: 'users:list' },
  { id: 'audit', label: 'Audit log', channel: 'audit:list' },
  { id: 'settings', label: 'Station settings', channel: 'settings:update' },
  { id: 'account', label: 'My account', channel: 'auth:changePassword' },
];

export const navFor = (role: Role): NavItem[] =>
  NAV_ITEMS.filter((item) => {
    const audience: readonly string[] = contract[item.channel].audience;
    return audience.includes('public') || audience.includes(role);
  });

interface NavState {
  page: PageId;
  go(page: PageId): void;
}

export const useNav = create<NavState>((set) => ({ page: 'home', go: (page) => set({ page }) }));
