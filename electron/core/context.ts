import type { Kysely } from 'kysely';
import type { AuthInstance } from '../auth/auth-instance';
import type { BackupRuntime } from '../backup/runtime';
import type { SessionStore } from '../auth/session-store';
import type { DbHandle } from '../db/create-db';
import type { Database } from '../db/schema';
import type { StationSettingsStore } from '../settings/station-settings';
import type { AppEventName, EventPayload } from '../../shared/ipc/events';
import type { SessionPolicy } from './config';

/** What services and handlers share for the life of one core (one app run). */
export interface CoreContext {
  db: Kysely<Database>;
  dbHandle: DbHandle;
  auth: AuthInstance;
  sessions: SessionStore;
  settings: StationSettingsStore;
  sessionPolicy: SessionPolicy;
  bcryptCost: number;
  appVersion: string;
  /** URL this run is connected to; null for the embedded database. */
  activeDatabaseUrl: string | null;
  /** Where the embedded database lives (shown in settings). */
  embeddedLocation: string;
  now(): Date;
  /** Tells every station of a change already committed (the event hub's publish). */
  announce<E extends AppEventName>(name: E, payload: EventPayload<E>): void;
  /** Backups of the embedded database, and the gate a restore closes while it swaps `db`, `dbHandle` and `auth`. */
  backups: BackupRuntime;
}
