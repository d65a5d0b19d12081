import type { AppStatus } from '../app';
import type { AuditEntry } from '../audit';
import { listAuditInput } from '../audit';
import { changePasswordInput, createFirstAdminInput, signInInput, signUpInput, type SessionInfo } from '../auth';
import type { Result } from '../errors';
import type { ConnectionTestResult, StationSettings } from '../settings';
import { testConnectionInput, updateSettingsInput } from '../settings';
import { setLocaleInput } from '../locale';
import type { TemporaryPassword, UserList, UserSummary } from '../users';
import { createUserInput, listUsersInput, setDisabledInput, setRoleInput, userIdInput } from '../users';
import type { Category, FilterOptions, OrganiserWorkshopRow, SearchResult, Tag, WorkshopDetail } from '../workshops';
import {
  cancelWorkshopInput,
  categoryNameInput,
  createWorkshopInput,
  deleteCategoryInput,
  mergeTagsInput,
  organiserListInput,
  renameCategoryInput,
  renameTagInput,
  searchWorkshopsInput,
  tagIdInput,
  updateWorkshopInput,
  workshopIdInput,
} from '../workshops';
import type { BulkResult, OutstandingRow, QueuePage, Registration } from '../registrations';
import {
  bulkApproveInput,
  bulkRejectInput,
  bulkWaitlistInput,
  cancelRegistrationInput,
  queueInput,
  recordPaymentInput,
  registerPersonInput,
  registerSelfInput,
  registrationIdInput,
  rejectReasonSchema,
  workshopRegistrationsInput,
} from '../registrations';
import { z } from 'zod';
import { ADMIN, channel, EVERYWHERE, noInput, ORGANISERS, output, SIGNED_IN, WORKSTATION, type ChannelDef } from './define';

/**
 * Every IPC channel, named 'domain:verb'. The dispatcher refuses anything not listed here,
 * validates input with `input`, and admits only `audience` on `surfaces`.
 */
export const contract = {
  'app:status': channel({ input: noInput, output: output<AppStatus>(), audience: ['public'], surfaces: EVERYWHERE, allowedBeforePasswordChange: true }),

  // First run: only while the database has no account at all (checked by the service).
  'setup:createFirstAdmin': channel({ input: createFirstAdminInput, output: output<SessionInfo>(), audience: ['public'], surfaces: WORKSTATION }),
  'setup:loadDemoData': channel({ input: noInput, output: output<{ adminEmail: string; workshops: number }>(), audience: ['public'], surfaces: WORKSTATION }),

  'auth:session': channel({ input: noInput, output: output<SessionInfo | null>(), audience: ['public'], surfaces: EVERYWHERE, allowedBeforePasswordChange: true }),
  'auth:signIn': channel({ input: signInInput, output: output<SessionInfo>(), audience: ['public'], surfaces: EVERYWHERE, allowedBeforePasswordChange: true }),
  'auth:signUp': channel({ input: signUpInput, output: output<SessionInfo>(), audience: ['public'], surfaces: EVERYWHERE }),
  'auth:signOut': channel({ input: noInput, output: output<null>(), audience: ['public'], surfaces: EVERYWHERE, allowedBeforePasswordChange: true }),
  'auth:changePassword': channel({ input: changePasswordInput, output: output<SessionInfo>(), audience: SIGNED_IN, surfaces: EVERYWHERE, allowedBeforePasswordChange: true }),

  'users:list': channel({ input: listUsersInput, output: output<UserList>(), audience: ADMIN, surfaces: WORKSTATION }),
  'users:create': channel({ input: createUserInput, output: output<UserSummary>(), audience: ADMIN, surfaces: WORKSTATION }),
  'users:setRole': channel({ input: setRoleInput, output: output<UserSummary>(), audience: ADMIN, surfaces: WORKSTATION }),
  'users:setDisabled': channel({ input: setDisabledInput, output: output<UserSummary>(), audience: ADMIN, surfaces: WORKSTATION }),
  'users:resetPassword': channel({ input: userIdInput, output: output<TemporaryPassword>(), audience: ADMIN, surfaces: WORKSTATION }),

  // Open during first run too, so a new station can be pointed at a shared server before any account exists.
  'settings:get': channel({ input: noInput, output: output<StationSettings>(), audience: ADMIN, surfaces: WORKSTATION, openDuringFirstRun: true }),
  'settings:update': channel({ input: updateSettingsInput, output: output<StationSettings>(), audience: ADMIN, surfaces: WORKSTATION, openDuringFirstRun: true }),
  'settings:testConnection': channel({ input: testConnectionInput, output: output<ConnectionTestResult>(), audience: ADMIN, surfaces: WORKSTATION, openDuringFirstRun: true }),
  'settings:setLocale': channel({ input: setLocaleInput, output: output<{ locale: string | null }>(), audience: ADMIN, surfaces: WORKSTATION }),

  // Discovery is open to anyone, the kiosk included (browsing needs no account).
  'workshops:search': channel({ input: searchWorkshopsInput, output: output<SearchResult>(), audience: ['public'], surfaces: EVERYWHERE }),
  'workshops:get': channel({ input: workshopIdInput, output: output<WorkshopDetail>(), audience: ['public'], surfaces: EVERYWHERE }),
  'workshops:filterOptions': channel({ input: noInput, output: output<FilterOptions>(), audience: ['public'], surfaces: EVERYWHERE }),
  'workshops:listForOrganisers': channel({ input: organiserListInput, output: output<{ items: OrganiserWorkshopRow[]; total: number }>(), audience: ORGANISERS, surfaces: WORKSTATION }),
  'workshops:create': channel({ input: createWorkshopInput, output: output<WorkshopDetail>(), audience: ADMIN, surfaces: WORKSTATION }),
  'workshops:update': channel({ input: updateWorkshopInput, output: output<WorkshopDetail>(), audience: ADMIN, surfaces: WORKSTATION }),
  'workshops:duplicate': channel({ input: workshopIdInput, output: output<WorkshopDetail>(), audience: ADMIN, surfaces: WORKSTATION }),
  'workshops:publish': channel({ input: workshopIdInput, output: output<WorkshopDetail>(), audience: ADMIN, surfaces: WORKSTATION }),
  'workshops:unpublish': channel({ input: workshopIdInput, output: output<WorkshopDetail>(), audience: ADMIN, surfaces: WORKSTATION }),
  'workshops:cancel': channel({ input: cancelWorkshopInput, output: output<WorkshopDetail>(), audience: ADMIN, surfaces: WORKSTATION }),
  'workshops:archive': channel({ input: workshopIdInput, output: output<WorkshopDetail>(), audience: ADMIN, surfaces: WORKSTATION }),
  'workshops:delete': channel({ input: workshopIdInput, output: output<null>(), audience: ADMIN, surfaces: WORKSTATION }),

  'categories:list': channel({ input: noInput, output: output<Category[]>(), audience: ORGANISERS, surfaces: WORKSTATION }),
  'categories:create': channel({ input: categoryNameInput, output: output<Category>(), audience: ADMIN, surfaces: WORKSTATION }),
  'categories:rename': channel({ input: renameCategoryInput, output: output<Category>(), audience: ADMIN, surfaces: WORKSTATION }),
  'categories:delete': channel({ input: deleteCategoryInput, output: output<null>(), audience: ADMIN, surfaces: WORKSTATION }),
  'tags:list': channel({ input: noInput, output: output<Tag[]>(), audience: ORGANISERS, surfaces: WORKSTATION }),
  'tags:rename': channel({ input: renameTagInput, output: output<null>(), audience: ADMIN, surfaces: WORKSTATION }),
  'tags:merge': channel({ input: mergeTagsInput, output: output<null>(), audience: ADMIN, surfaces: WORKSTATION }),
  'tags:delete': channel({ input: tagIdInput, output: output<null>(), audience: ADMIN, surfaces: WORKSTATION }),

  // Registrations: attendees for themselves; organisers (workstation only) for anyone.
  'registrations:register': channel({ input: registerSelfInput, output: output<Registration>(), audience: SIGNED_IN, surfaces: EVERYWHERE }),
  'registrations:registerPerson': channel({ input: registerPersonInput, output: output<Registration>(), audience: ORGANISERS, surfaces: WORKSTATION }),
  'registrations:mine': channel({ input: noInput, output: output<Registration[]>(), audience: SIGNED_IN, surfaces: EVERYWHERE }),
  'registrations:cancel': channel({ input: cancelRegistrationInput, output: output<Registration>(), audience: SIGNED_IN, surfaces: EVERYWHERE }),
  'registrations:confirm': channel({ input: registrationIdInput, output: output<Registration>(), audience: ADMIN, surfaces: WORKSTATION }),
  'registrations:reject': channel({ input: registrationIdInput.extend({ reason: rejectReasonSchema }), output: output<Registration>(), audience: ADMIN, surfaces: WORKSTATION }),
  'registrations:queue': channel({ input: queueInput, output: output<QueuePage>(), audience: ADMIN, surfaces: WORKSTATION }),
  'registrations:bulkApprove': channel({ input: bulkApproveInput, output: output<BulkResult>(), audience: ADMIN, surfaces: WORKSTATION }),
  'registrations:bulkReject': channel({ input: bulkRejectInput, output: output<BulkResult>(), audience: ADMIN, surfaces: WORKSTATION }),
  'registrations:bulkWaitlist': channel({ input: bulkWaitlistInput, output: output<BulkResult>(), audience: ADMIN, surfaces: WORKSTATION }),
  'registrations:forWorkshop': channel({ input: workshopRegistrationsInput, output: output<Registration[]>(), audience: ORGANISERS, surfaces: WORKSTATION }),
  'registrations:exportCsv': channel({ input: workshopRegistrationsInput, output: output<{ filename: string; content: string }>(), audience: ORGANISERS, surfaces: WORKSTATION }),
  'payments:record': channel({ input: recordPaymentInput, output: output<Registration>(), audience: ORGANISERS, surfaces: WORKSTATION }),
  'payments:outstanding': channel({ input: z.object({ workshopId: z.string().optional() }), output: output<OutstandingRow[]>(), audience: ORGANISERS, surfaces: WORKSTATION }),

  'audit:list': channel({ input: listAuditInput, output: output<AuditEntry[]>(), audience: ADMIN, surfaces: WORKSTATION }),
} as const satisfies Record<string, ChannelDef>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type InputOf<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInputOf<C extends Channel> = z.output<Contract[C]['input']>;
export type OutputOf<C extends Channel> = Contract[C]['output'];

export const CHANNELS = Object.keys(contract) as Channel[];

export const isChannel = (name: unknown): name is Channel => typeof name === 'string' && Object.hasOwn(contract, name);

/** What the preload exposes as `window.api`, typed from the contract. */
export interface Api {
  invoke<C extends Channel>(channel: C, input: InputOf<C>): Promise<Result<OutputOf<C>>>;
}
