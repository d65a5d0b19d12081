import type { Scheduler } from '../backup/daily';
import type { FileDialogs } from '../backup/file-dialogs';
import type { DatabaseConfig } from '../db/create-db';
import type { SecretBox } from '../settings/secret-box';

export interface SessionPolicy {
  /** Absolute limit from sign-in, per role group. */
  organiserLifetimeSeconds: number;
  organiserIdleSeconds: number;
  attendeeLifetimeSeconds: number;
  attendeeIdleSeconds: number;
}

export interface CoreConfig {
  database: DatabaseConfig;
  /** JSON file holding this installation's station name and chosen database. */
  settingsFile: string;
  /** Encrypts the server URL in the settings file (Electron's safeStorage in the app); none by default. */
  secretBox?: SecretBox;
  /** The migrated empty embedded database a new station starts from (built by `npm run build`). */
  emptyDatabaseFile?: string;
  /** Folder of the embedded database, shown in settings (the default data location). */
  embeddedDataDir?: string;
  /** Injected so tests can move time (session expiry, throttling). */
  clock?: () => Date;
  /** bcrypt cost; 12 in the app. Tests may lower it to keep the suite fast. */
  bcryptCost?: number;
  session?: Partial<SessionPolicy>;
  appVersion?: string;
  /**
   * Where automatic backups and the safety copies of restores go (`<userData>/backups` in the app).
   * Without it: no automatic backups, and no restore (it needs somewhere to keep the replaced data).
   */
  backupDir?: string;
  /** Save and open dialogs for Back up now and Restore; the shell's are Electron's. */
  fileDialogs?: FileDialogs;
  /** Runs the daily backup later; tests inject one that moves with their clock. */
  scheduler?: Scheduler;
  /** Logs internal errors (never sent to the renderer). */
  logError?: (err: unknown, context: string) => void;
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = {
  organiserLifetimeSeconds: 12 * 3600,
  organiserIdleSeconds: 30 * 60,
  attendeeLifetimeSeconds: 12 * 3600,
  attendeeIdleSeconds: 30 * 60,
};

export const DEFAULT_BCRYPT_COST = 12;
