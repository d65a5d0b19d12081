import { describe, expect, it } from 'vitest';
import { CHANNELS, contract, type Channel } from '../../shared/ipc/contract';

/**
 * Who may call each channel, from which window, written down a second time on purpose. The matrix
 * test computes its expectations from the contract, so widening a channel there (staff changing
 * roles, attendees recording payments) would pass it unnoticed; a change to who may do what must be
 * a deliberate, reviewed edit of both the contract and this table.
 *
 * Read as: audience @ surfaces. 'public' includes signed-out callers.
 */
const POLICY: Record<Channel, string> = {
  'app:status': 'public @ workstation kiosk',
  'setup:createFirstAdmin': 'public @ workstation',
  'setup:loadDemoData': 'public @ workstation',
  'auth:session': 'public @ workstation kiosk',
  'auth:signIn': 'public @ workstation kiosk',
  'auth:signUp': 'public @ workstation kiosk',
  'auth:signOut': 'public @ workstation kiosk',
  'auth:changePassword': 'admin staff attendee @ workstation kiosk',
  'auth:sessions': 'admin staff attendee @ workstation kiosk',
  'auth:signOutOthers': 'admin staff attendee @ workstation kiosk',
  'users:list': 'admin @ workstation',
  'users:create': 'admin @ workstation',
  'users:setRole': 'admin @ workstation',
  'users:setDisabled': 'admin @ workstation',
  'users:resetPassword': 'admin @ workstation',
  'settings:get': 'admin @ workstation',
  'settings:update': 'admin @ workstation',
  'settings:testConnection': 'admin @ workstation',
  'settings:setLocale': 'admin @ workstation',
  'workshops:search': 'public @ workstation kiosk',
  'workshops:get': 'public @ workstation kiosk',
  'workshops:filterOptions': 'public @ workstation kiosk',
  'workshops:listForOrganisers': 'admin staff @ workstation',
  'workshops:create': 'admin @ workstation',
  'workshops:update': 'admin @ workstation',
  'workshops:duplicate': 'admin @ workstation',
  'workshops:publish': 'admin @ workstation',
  'workshops:unpublish': 'admin @ workstation',
  'workshops:cancel': 'admin @ workstation',
  'workshops:archive': 'admin @ workstation',
  'workshops:delete': 'admin @ workstation',
  'categories:list': 'admin staff @ workstation',
  'categories:create': 'admin @ workstation',
  'categories:rename': 'admin @ workstation',
  'categories:delete': 'admin @ workstation',
  'tags:list': 'admin staff @ workstation',
  'tags:rename': 'admin @ workstation',
  'tags:merge': 'admin @ workstation',
  'tags:delete': 'admin @ workstation',
  'registrations:register': 'admin staff attendee @ workstation kiosk',
  'registrations:registerPerson': 'admin staff @ workstation',
  'registrations:mine': 'admin staff attendee @ workstation kiosk',
  'registrations:cancel': 'admin staff attendee @ workstation kiosk',
  'registrations:confirm': 'admin @ workstation',
  'registrations:reject': 'admin @ workstation',
  'registrations:queue': 'admin @ workstation',
  'registrations:bulkApprove': 'admin @ workstation',
  'registrations:bulkReject': 'admin @ workstation',
  'registrations:bulkWaitlist': 'admin @ workstation',
  'registrations:forWorkshop': 'admin staff @ workstation',
  'registrations:exportCsv': 'admin staff @ workstation',
  'payments:record': 'admin staff @ workstation',
  'payments:outstanding': 'admin staff @ workstation',
  'desk:today': 'admin staff @ workstation',
  'desk:search': 'admin staff @ workstation',
  'desk:checkIn': 'admin staff @ workstation',
  'desk:payAndCheckIn': 'admin staff @ workstation',
  'desk:undo': 'admin staff @ workstation',
  'desk:reverse': 'admin @ workstation',
  'desk:walkIn': 'admin staff @ workstation',
  'desk:similar': 'admin staff @ workstation',
  'desk:checkIns': 'admin staff @ workstation',
  'backup:status': 'admin @ workstation',
  'backup:create': 'admin @ workstation',
  'backup:chooseRestoreFile': 'admin @ workstation',
  'backup:restore': 'admin @ workstation',
  'backup:setRetention': 'admin @ workstation',
  'reports:fill': 'admin @ workstation',
  'reports:money': 'admin @ workstation',
  'reports:attendance': 'admin staff @ workstation',
  'reports:registrations': 'admin @ workstation',
  'reports:arrivals': 'admin staff @ workstation',
  'reports:export': 'admin @ workstation',
  'reports:signInSheet': 'admin staff @ workstation',
  'audit:list': 'admin @ workstation',
  'kiosk:status': 'public @ kiosk',
  'kiosk:checkIn': 'public @ kiosk',
  'kiosk:register': 'public @ kiosk',
  'kiosk:exit': 'public @ kiosk',
  'kiosk:getSettings': 'admin @ workstation',
  'kiosk:updateSettings': 'admin @ workstation',
};

describe('the access policy', () => {
  it.each(CHANNELS)('%s admits exactly who the reviewed table says', (channel) => {
    const def = contract[channel];
    expect(`${def.audience.join(' ')} @ ${def.surfaces.join(' ')}`).toBe(POLICY[channel]);
  });

  it('lists no channel the contract does not have', () => {
    expect(Object.keys(POLICY).sort()).toEqual([...CHANNELS].sort());
  });
});
