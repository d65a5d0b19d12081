import type { AppStatus } from '../app';
import type { AuditEntry } from '../audit';
import type { BackupCreateResult, BackupStatus, RestoreChoice, RestoreResult } from '../backup';
import { backupRetentionInput, restoreBackupInput } from '../backup';
import { listAuditInput } from '../audit';
import { changePasswordInput, createFirstAdminInput, signInInput, signUpInput, type SessionInfo, type SignedInSession } from '../auth';
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
import type { CheckInList, CheckInResult, DeskMatch, DeskSearchResult, DeskSession, WalkInResult } from '../desk';
import { checkInInput, checkInListInput, deskSearchInput, payAndCheckInInput, reverseCheckInInput, similarPeopleInput, todayInput, undoInput, walkInInput } from '../desk';
import type { AppEventName, EventPayload } from './events';
import { idText } from '../text';
import { ADMIN, channel, EVERYWHERE, KIOSK, noInput, ORGANISERS, output, SIGNED_IN, WORKSTATION, type ChannelDef } from './define';
import type { KioskCheckInAnswer, KioskRegistration, KioskSettings, KioskStatus } from '../kiosk';
import { kioskCheckInInput, kioskExitInput, kioskRegisterInput, kioskSettingsInput } from '../kiosk';
import type { ArrivalsReport, AttendanceReport, ExportResult, FillRow, MoneyReport, RegistrationsOverTimeRow } from '../reports';
import { arrivalsInput, exportInput, registrationsOverTimeInput, reportFiltersInput, signInSheetInput } from '../reports';

/**
 * Every IPC channel, named 'domain:verb'. The dispatcher refuses anything not listed here,
 * validates input with `input`, and admits only `audience` on `surfaces`.
 */
export const contract = {
  'app:status': channel({ effect: 'read', input: noInput, output: output<AppStatus>(), audience: ['public'], surfaces: EVERYWHERE, allowedBeforePasswordChange: true }),

  // First run: only while the database has no account at all (checked by the service).
  'setup:createFirstAdmin': channel({ effect: 'repeatable', input: createFirstAdminInput, output: output<SessionInfo>(), audience: ['public'], surfaces: WORKSTATION }),
  'setup:loadDemoData': channel({ effect: 'repeatable', input: noInput, output: output<{ adminEmail: string; workshops: number }>(), audience: ['public'], surfaces: WORKSTATION }),

  'auth:session': channel({ effect: 'read', input: noInput, output: output<SessionInfo | null>(), audience: ['public'], surfaces: EVERYWHERE, allowedBeforePasswordChange: true }),
  'auth:signIn': channel({ effect: 'repeatable', input: signInInput, output: output<SessionInfo>(), audience: ['public'], surfaces: EVERYWHERE, allowedBeforePasswordChange: true }),
  'auth:signUp': channel({ effect: 'repeatable', input: signUpInput, output: output<SessionInfo>(), audience: ['public'], surfaces: EVERYWHERE }),
  'auth:signOut': channel({ effect: 'repeatable', input: noInput, output: output<null>(), audience: ['public'], surfaces: EVERYWHERE, allowedBeforePasswordChange: true }),
  'auth:changePassword': channel({ effect: 'repeatable', input: changePasswordInput, output: output<SessionInfo>(), audience: SIGNED_IN, surfaces: EVERYWHERE, allowedBeforePasswordChange: true }),
  // My account: the account's signed-in stations, and ending all but this one ('write': a retry
  // answers with the first count instead of "0 ended").
  'auth:sessions': channel({ effect: 'read', input: noInput, output: output<SignedInSession[]>(), audience: SIGNED_IN, surfaces: EVERYWHERE }),
  'auth:signOutOthers': channel({ effect: 'write', input: noInput, output: output<{ ended: number }>(), audience: SIGNED_IN, surfaces: EVERYWHERE }),

  'users:list': channel({ effect: 'read', input: listUsersInput, output: output<UserList>(), audience: ADMIN, surfaces: WORKSTATION }),
  'users:create': channel({ effect: 'write', input: createUserInput, output: output<UserSummary>(), audience: ADMIN, surfaces: WORKSTATION }),
  'users:setRole': channel({ effect: 'write', input: setRoleInput, output: output<UserSummary>(), audience: ADMIN, surfaces: WORKSTATION }),
  'users:setDisabled': channel({ effect: 'write', input: setDisabledInput, output: output<UserSummary>(), audience: ADMIN, surfaces: WORKSTATION }),
  'users:resetPassword': channel({ effect: 'repeatable', input: userIdInput, output: output<TemporaryPassword>(), audience: ADMIN, surfaces: WORKSTATION }),

  // Open during first run too, so a new station can be pointed at a shared server before any account exists.
  'settings:get': channel({ effect: 'read', input: noInput, output: output<StationSettings>(), audience: ADMIN, surfaces: WORKSTATION, openDuringFirstRun: true }),
  'settings:update': channel({ effect: 'repeatable', input: updateSettingsInput, output: output<StationSettings>(), audience: ADMIN, surfaces: WORKSTATION, openDuringFirstRun: true }),
  'settings:testConnection': channel({ effect: 'read', input: testConnectionInput, output: output<ConnectionTestResult>(), audience: ADMIN, surfaces: WORKSTATION, openDuringFirstRun: true }),
  'settings:setLocale': channel({ effect: 'repeatable', input: setLocaleInput, output: output<{ locale: string | null }>(), audience: ADMIN, surfaces: WORKSTATION }),

  // Discovery is open to anyone, the kiosk included (browsing needs no account).
  'workshops:search': channel({ effect: 'read', input: searchWorkshopsInput, output: output<SearchResult>(), audience: ['public'], surfaces: EVERYWHERE }),
  'workshops:get': channel({ effect: 'read', input: workshopIdInput, output: output<WorkshopDetail>(), audience: ['public'], surfaces: EVERYWHERE }),
  'workshops:filterOptions': channel({ effect: 'read', input: noInput, output: output<FilterOptions>(), audience: ['public'], surfaces: EVERYWHERE }),
  'workshops:listForOrganisers': channel({ effect: 'read', input: organiserListInput, output: output<{ items: OrganiserWorkshopRow[]; total: number }>(), audience: ORGANISERS, surfaces: WORKSTATION }),
  'workshops:create': channel({ effect: 'write', input: createWorkshopInput, output: output<WorkshopDetail>(), audience: ADMIN, surfaces: WORKSTATION }),
  'workshops:update': channel({ effect: 'write', input: updateWorkshopInput, output: output<WorkshopDetail>(), audience: ADMIN, surfaces: WORKSTATION }),
  'workshops:duplicate': channel({ effect: 'write', input: workshopIdInput, output: output<WorkshopDetail>(), audience: ADMIN, surfaces: WORKSTATION }),
  'workshops:publish': channel({ effect: 'write', input: workshopIdInput, output: output<WorkshopDetail>(), audience: ADMIN, surfaces: WORKSTATION }),
  'workshops:unpublish': channel({ effect: 'write', input: workshopIdInput, output: output<WorkshopDetail>(), audience: ADMIN, surfaces: WORKSTATION }),
  'workshops:cancel': channel({ effect: 'write', input: cancelWorkshopInput, output: output<WorkshopDetail>(), audience: ADMIN, surfaces: WORKSTATION }),
  'workshops:archive': channel({ effect: 'write', input: workshopIdInput, output: output<WorkshopDetail>(), audience: ADMIN, surfaces: WORKSTATION }),
  'workshops:delete': channel({ effect: 'write', input: workshopIdInput, output: output<null>(), audience: ADMIN, surfaces: WORKSTATION }),

  'categories:list': channel({ effect: 'read', input: noInput, output: output<Category[]>(), audience: ORGANISERS, surfaces: WORKSTATION }),
  'categories:create': channel({ effect: 'write', input: categoryNameInput, output: output<Category>(), audience: ADMIN, surfaces: WORKSTATION }),
  'categories:rename': channel({ effect: 'write', input: renameCategoryInput, output: output<Category>(), audience: ADMIN, surfaces: WORKSTATION }),
  'categories:delete': channel({ effect: 'write', input: deleteCategoryInput, output: output<null>(), audience: ADMIN, surfaces: WORKSTATION }),
  'tags:list': channel({ effect: 'read', input: noInput, output: output<Tag[]>(), audience: ORGANISERS, surfaces: WORKSTATION }),
  'tags:rename': channel({ effect: 'write', input: renameTagInput, output: output<null>(), audience: ADMIN, surfaces: WORKSTATION }),
  'tags:merge': channel({ effect: 'write', input: mergeTagsInput, output: output<null>(), audience: ADMIN, surfaces: WORKSTATION }),
  'tags:delete': channel({ effect: 'write', input: tagIdInput, output: output<null>(), audience: ADMIN, surfaces: WORKSTATION }),

  // Registrations: attendees for themselves; organisers (workstation only) for anyone.
  'registrations:register': channel({ effect: 'write', input: registerSelfInput, output: output<Registration>(), audience: SIGNED_IN, surfaces: EVERYWHERE }),
  'registrations:registerPerson': channel({ effect: 'write', input: registerPersonInput, output: output<Registration>(), audience: ORGANISERS, surfaces: WORKSTATION }),
  'registrations:mine': channel({ effect: 'read', input: noInput, output: output<Registration[]>(), audience: SIGNED_IN, surfaces: EVERYWHERE }),
  'registrations:cancel': channel({ effect: 'write', input: cancelRegistrationInput, output: output<Registration>(), audience: SIGNED_IN, surfaces: EVERYWHERE }),
  'registrations:confirm': channel({ effect: 'write', input: registrationIdInput, output: output<Registration>(), audience: ADMIN, surfaces: WORKSTATION }),
  'registrations:reject': channel({ effect: 'write', input: registrationIdInput.extend({ reason: rejectReasonSchema }), output: output<Registration>(), audience: ADMIN, surfaces: WORKSTATION }),
  'registrations:queue': channel({ effect: 'read', input: queueInput, output: output<QueuePage>(), audience: ADMIN, surfaces: WORKSTATION }),
  'registrations:bulkApprove': channel({ effect: 'write', input: bulkApproveInput, output: output<BulkResult>(), audience: ADMIN, surfaces: WORKSTATION }),
  'registrations:bulkReject': channel({ effect: 'write', input: bulkRejectInput, output: output<BulkResult>(), audience: ADMIN, surfaces: WORKSTATION }),
  'registrations:bulkWaitlist': channel({ effect: 'write', input: bulkWaitlistInput, output: output<BulkResult>(), audience: ADMIN, surfaces: WORKSTATION }),
  'registrations:forWorkshop': channel({ effect: 'read', input: workshopRegistrationsInput, output: output<Registration[]>(), audience: ORGANISERS, surfaces: WORKSTATION }),
  'registrations:exportCsv': channel({ effect: 'read', input: workshopRegistrationsInput, output: output<{ filename: string; content: string }>(), audience: ORGANISERS, surfaces: WORKSTATION }),
  'payments:record': channel({ effect: 'write', input: recordPaymentInput, output: output<Registration>(), audience: ORGANISERS, surfaces: WORKSTATION }),
  'payments:outstanding': channel({ effect: 'read', input: z.object({ workshopId: idText().optional() }), output: output<OutstandingRow[]>(), audience: ORGANISERS, surfaces: WORKSTATION }),

  // The front desk (staff and admins, workstation only): event day.
  'desk:today': channel({ effect: 'read', input: todayInput, output: output<DeskSession[]>(), audience: ORGANISERS, surfaces: WORKSTATION }),
  'desk:search': channel({ effect: 'read', input: deskSearchInput, output: output<DeskSearchResult>(), audience: ORGANISERS, surfaces: WORKSTATION }),
  'desk:checkIn': channel({ effect: 'write', input: checkInInput, output: output<CheckInResult>(), audience: ORGANISERS, surfaces: WORKSTATION }),
  'desk:payAndCheckIn': channel({ effect: 'write', input: payAndCheckInInput, output: output<CheckInResult>(), audience: ORGANISERS, surfaces: WORKSTATION }),
  'desk:undo': channel({ effect: 'write', input: undoInput, output: output<{ undone: ('checkIn' | 'payment')[] }>(), audience: ORGANISERS, surfaces: WORKSTATION }),
  'desk:reverse': channel({ effect: 'write', input: reverseCheckInInput, output: output<{ reversalId: string }>(), audience: ADMIN, surfaces: WORKSTATION }),
  'desk:walkIn': channel({ effect: 'write', input: walkInInput, output: output<WalkInResult>(), audience: ORGANISERS, surfaces: WORKSTATION }),
  'desk:similar': channel({ effect: 'read', input: similarPeopleInput, output: output<DeskMatch[]>(), audience: ORGANISERS, surfaces: WORKSTATION }),
  'desk:checkIns': channel({ effect: 'read', input: checkInListInput, output: output<CheckInList>(), audience: ORGANISERS, surfaces: WORKSTATION }),

  // Backups of the embedded database (refused with CONFLICT on a shared server). File paths come from
  // the main process's own dialogs, never from the renderer.
  'backup:status': channel({ effect: 'read', input: noInput, output: output<BackupStatus>(), audience: ADMIN, surfaces: WORKSTATION }),
  'backup:create': channel({ effect: 'write', input: noInput, output: output<BackupCreateResult>(), audience: ADMIN, surfaces: WORKSTATION }),
  'backup:chooseRestoreFile': channel({ effect: 'read', input: noInput, output: output<RestoreChoice>(), audience: ADMIN, surfaces: WORKSTATION }),
  'backup:restore': channel({ effect: 'write', input: restoreBackupInput, output: output<RestoreResult>(), audience: ADMIN, surfaces: WORKSTATION }),
  'backup:setRetention': channel({ effect: 'repeatable', input: backupRetentionInput, output: output<BackupStatus>(), audience: ADMIN, surfaces: WORKSTATION }),

  // The self-service kiosk: only from its window, open to anyone standing there. A person is resolved
  // only from a complete, valid ticket code; failed codes are throttled per kiosk (electron/kiosk).
  'kiosk:status': channel({ effect: 'read', input: noInput, output: output<KioskStatus>(), audience: ['public'], surfaces: KIOSK }),
  'kiosk:checkIn': channel({ effect: 'write', input: kioskCheckInInput, output: output<KioskCheckInAnswer>(), audience: ['public'], surfaces: KIOSK }),
  'kiosk:register': channel({ effect: 'write', input: kioskRegisterInput, output: output<KioskRegistration>(), audience: ['public'], surfaces: KIOSK }),
  'kiosk:exit': channel({ effect: 'repeatable', input: kioskExitInput, output: output<{ exited: true }>(), audience: ['public'], surfaces: KIOSK }),
  // The kiosk's PIN and timers, set by an administrator at a workstation (the PIN is never sent back).
  'kiosk:getSettings': channel({ effect: 'read', input: noInput, output: output<KioskSettings>(), audience: ADMIN, surfaces: WORKSTATION }),
  'kiosk:updateSettings': channel({ effect: 'repeatable', input: kioskSettingsInput, output: output<KioskSettings>(), audience: ADMIN, surfaces: WORKSTATION }),
  // Reports: admins see everything; staff the attendance parts (who came, and when).
  'reports:fill': channel({ effect: 'read', input: reportFiltersInput, output: output<FillRow[]>(), audience: ADMIN, surfaces: WORKSTATION }),
  'reports:money': channel({ effect: 'read', input: reportFiltersInput, output: output<MoneyReport>(), audience: ADMIN, surfaces: WORKSTATION }),
  'reports:attendance': channel({ effect: 'read', input: reportFiltersInput, output: output<AttendanceReport>(), audience: ORGANISERS, surfaces: WORKSTATION }),
  'reports:registrations': channel({ effect: 'read', input: registrationsOverTimeInput, output: output<RegistrationsOverTimeRow[]>(), audience: ADMIN, surfaces: WORKSTATION }),
  'reports:arrivals': channel({ effect: 'read', input: arrivalsInput, output: output<ArrivalsReport>(), audience: ORGANISERS, surfaces: WORKSTATION }),
  // Files go where the person chooses in the main process's save dialog; saving again writes it again.
  'reports:export': channel({ effect: 'repeatable', input: exportInput, output: output<ExportResult>(), audience: ADMIN, surfaces: WORKSTATION }),
  'reports:signInSheet': channel({ effect: 'repeatable', input: signInSheetInput, output: output<ExportResult>(), audience: ORGANISERS, surfaces: WORKSTATION }),

  'audit:list': channel({ effect: 'read', input: listAuditInput, output: output<AuditEntry[]>(), audience: ADMIN, surfaces: WORKSTATION }),
} as const satisfies Record<string, ChannelDef>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type InputOf<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInputOf<C extends Channel> = z.output<Contract[C]['input']>;
export type OutputOf<C extends Channel> = Contract[C]['output'];

export const CHANNELS = Object.keys(contract) as Channel[];

export const isChannel = (name: unknown): name is Channel => typeof name === 'string' && Object.hasOwn(contract, name);

export type WriteChannel = { [C in Channel]: Contract[C]['effect'] extends 'write' ? C : never }[Channel];

export const isWriteChannel = (c: Channel): c is WriteChannel => contract[c].effect === 'write';

/** Beside the input: what every call may carry. */
export interface CallMeta {
  /**
   * A UUID the renderer makes once per action and sends again when it retries that action. Required
   * on 'write' channels: the main process stores it with the change, so a repeat returns the first
   * answer instead of acting twice.
   */
  requestId?: string;
}

/** What the preload exposes as `window.api`, typed from the contract. */
export interface Api {
  invoke<C extends Channel>(channel: C, input: InputOf<C>, meta?: CallMeta): Promise<Result<OutputOf<C>>>;
  /** Listens for a main → renderer event (declared in ./events); returns the way to stop. */
  on<E extends AppEventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}
