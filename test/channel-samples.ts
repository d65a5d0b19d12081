import type { Channel, InputOf } from '../shared/ipc/contract';
import { STRONG_PASSWORD } from './test-core';

/** Entities a fuzz run points its valid inputs at (none of them is a caller the run needs). */
export interface SampleIds {
  categoryId: string;
  otherCategoryId: string;
  workshopId: string;
  manualWorkshopId: string;
  registrationId: string;
  pendingRegistrationId: string;
  tagId: string;
  otherTagId: string;
  victimUserId: string;
  victimEmail: string;
}

/**
 * One valid input per channel. Typed against the contract, so a new channel does not compile
 * until it has one here — and the fuzz then covers it.
 */
export function sampleInputs(ids: SampleIds, today: string): { [C in Channel]: InputOf<C> } {
  const form = {
    title: 'Fuzzed pottery',
    summary: 'Hands in clay.',
    description: 'All materials provided.',
    categoryId: ids.categoryId,
    tags: ['clay'],
    city: 'Berlin',
    venue: 'Studio 1',
    address: 'Main St 1',
    instructor: 'Mo',
    startsLocal: `${today}T10:00`,
    endsLocal: `${today}T12:00`,
    timeZone: 'Europe/Berlin',
    capacity: 10,
    priceMinor: 1500,
    currency: 'EUR' as const,
    registrationMode: 'automatic' as const,
    waitlistEnabled: true,
  };
  return {
    'app:status': {},
    'setup:createFirstAdmin': { name: 'First Admin', email: 'first@example.com', password: STRONG_PASSWORD },
    'setup:loadDemoData': {},
    'auth:session': {},
    'auth:signIn': { email: ids.victimEmail, password: STRONG_PASSWORD },
    'auth:signUp': { name: 'New Person', email: 'new.person@example.com', password: STRONG_PASSWORD },
    'auth:signOut': {},
    'auth:changePassword': { currentPassword: STRONG_PASSWORD, newPassword: 'another long passphrase here' },
    'auth:sessions': {},
    'auth:signOutOthers': {},
    'users:list': { search: 'vic', role: 'attendee', limit: 10, offset: 0 },
    'users:create': { name: 'Made By Fuzz', email: 'made@example.com', role: 'staff', password: STRONG_PASSWORD, mustChangePassword: true },
    'users:setRole': { userId: ids.victimUserId, role: 'attendee' },
    'users:setDisabled': { userId: ids.victimUserId, disabled: false },
    'users:resetPassword': { userId: ids.victimUserId },
    'settings:get': {},
    'settings:update': { stationName: 'Test station', databaseUrl: null },
    'settings:testConnection': { databaseUrl: 'postgres://u:p@127.0.0.1:1/db' },
    'settings:setLocale': { locale: 'de-DE' },
    'workshops:search': { q: 'pottery', categoryIds: [ids.categoryId], cities: ['Berlin'], from: today, to: today, priceMin: 0, priceMax: 5000, tags: ['clay'], sort: 'soonest', limit: 5 },
    'workshops:get': { id: ids.workshopId },
    'workshops:filterOptions': {},
    'workshops:listForOrganisers': { q: 'pot', statuses: ['published'], categoryId: ids.categoryId, sort: 'title', direction: 'desc', limit: 10, offset: 0 },
    'workshops:create': form,
    'workshops:update': { ...form, id: ids.workshopId, expectedVersion: 0 },
    'workshops:duplicate': { id: ids.workshopId },
    'workshops:publish': { id: ids.workshopId },
    'workshops:unpublish': { id: ids.workshopId },
    'workshops:cancel': { id: ids.manualWorkshopId, reason: 'Fuzzed reason' },
    'workshops:archive': { id: ids.manualWorkshopId },
    'workshops:delete': { id: ids.manualWorkshopId },
    'categories:list': {},
    'categories:create': { name: 'Fuzz category' },
    'categories:rename': { id: ids.otherCategoryId, name: 'Renamed' },
    'categories:delete': { id: ids.otherCategoryId, moveToId: ids.categoryId },
    'tags:list': {},
    'tags:rename': { id: ids.otherTagId, name: 'renamed-tag' },
    'tags:merge': { sourceIds: [ids.otherTagId], targetId: ids.tagId },
    'tags:delete': { id: ids.otherTagId },
    'registrations:register': { workshopId: ids.workshopId },
    'registrations:registerPerson': { workshopId: ids.workshopId, name: 'Walk In', email: 'walk.in@example.com', phone: '+49 30 1234' },
    'registrations:mine': {},
    'registrations:cancel': { id: ids.registrationId, reason: 'Fuzz' },
    'registrations:confirm': { id: ids.pendingRegistrationId },
    'registrations:reject': { id: ids.pendingRegistrationId, reason: 'Not this time' },
    'registrations:queue': { workshopId: ids.manualWorkshopId, categoryId: ids.categoryId, from: today, to: today, direction: 'desc', limit: 10, offset: 0 },
    'registrations:bulkApprove': { selection: { ids: [ids.pendingRegistrationId] } },
    'registrations:bulkWaitlist': { selection: { ids: [ids.pendingRegistrationId] }, openWaitlist: true },
    'registrations:bulkReject': { selection: { filter: { workshopId: ids.manualWorkshopId, from: today } }, reason: 'Full today' },
    'registrations:forWorkshop': { workshopId: ids.workshopId, statuses: ['confirmed'], payment: 'unpaid', q: 'walk' },
    'registrations:exportCsv': { workshopId: ids.workshopId },
    'payments:record': { id: ids.registrationId, kind: 'payment', method: 'cash', note: 'Fuzz' },
    'payments:outstanding': { workshopId: ids.workshopId },
    'desk:today': {},
    'desk:search': { q: 'vic', scope: 'all', limit: 5 },
    'desk:checkIn': { registrationId: ids.registrationId, deskWorkshopId: ids.workshopId },
    'desk:payAndCheckIn': { registrationId: ids.registrationId, method: 'cash', tenderedMinor: 5000, note: 'Fuzz' },
    'desk:undo': { checkInId: '1', paymentId: '1' },
    'desk:reverse': { checkInId: '1', reason: 'Scanned by mistake' },
    'desk:walkIn': { workshopId: ids.workshopId, name: 'Walk Up', email: 'walk.up@example.com', phone: '+44 20 7946 0000', payment: { method: 'card', note: '' }, checkIn: true, waitlistIfFull: true, confirmDuplicate: false },
    'desk:similar': { workshopId: ids.workshopId, name: 'Vic Tim', email: 'victim@example.com', phone: '' },
    'desk:checkIns': { workshopId: ids.workshopId, q: 'vic' },
    'backup:status': {},
    'backup:create': {},
    'backup:chooseRestoreFile': {},
    'backup:restore': { selection: '7d0f1f9e-0b7e-4d7e-9a55-3a1c2b4d5e6f' },
    'backup:setRetention': { keep: 5 },
    'kiosk:status': {},
    'kiosk:checkIn': { ticketCode: 'KHFK-H765' },
    'kiosk:register': { workshopId: ids.workshopId, guest: { name: 'Kim Guest', email: 'kim.guest@example.com', phone: '+49 30 5555' } },
    'kiosk:exit': { pin: '2468' },
    'kiosk:getSettings': {},
    'kiosk:updateSettings': { pin: '2468', resultResetSeconds: 5, idleResetSeconds: 60 },
    'reports:fill': { from: '2026-12-01', to: '2026-12-31', categoryId: ids.categoryId, city: 'Berlin' },
    'reports:money': { from: '2026-12-01', to: '2026-12-31', workshopId: ids.workshopId },
    'reports:attendance': { from: '2026-12-01', to: '2026-12-31' },
    'reports:registrations': { from: '2026-12-01', to: '2026-12-31', per: 'week' },
    'reports:arrivals': { from: '2026-12-01', to: '2026-12-01' },
    'reports:export': { from: '2026-12-01', to: '2026-12-31', kind: 'payments', format: 'xlsx', timeZone: 'Europe/Berlin' },
    'reports:signInSheet': { workshopId: ids.workshopId },
    'audit:list': { entityType: 'registration', entityId: ids.registrationId, limit: 10, beforeId: '1000' },
  };
}
