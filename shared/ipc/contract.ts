import type { z } from 'zod';
import type { AppStatus } from '../app';
import type { AuditEntry } from '../audit';
import { listAuditInput } from '../audit';
import { changePasswordInput, createFirstAdminInput, signInInput, signUpInput, type SessionInfo } from '../auth';
import type { Result } from '../errors';
import type { ConnectionTestResult, StationSettings } from '../settings';
import { testConnectionInput, updateSettingsInput } from '../settings';
import type { TemporaryPassword, UserList, UserSummary } from '../users';
import { createUserInput, listUsersInput, setDisabledInput, setRoleInput, userIdInput } from '../users';
import { ADMIN, channel, EVERYWHERE, noInput, output, SIGNED_IN, WORKSTATION, type ChannelDef } from './define';

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
