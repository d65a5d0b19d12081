import type { CoreConfig } from './config';
import { embeddedDataDirIn, settingsFileIn } from './paths';
import type { SecretBox } from '../settings/secret-box';
import { StationSettingsStore } from '../settings/station-settings';

/** The station's saved server address is encrypted and cannot be decrypted on this computer or account. */
export class SavedServerUnreadableError extends Error {
  constructor() {
    super('This station is set to use a shared database server, but the saved server address is encrypted and cannot be decrypted here (it was saved on another computer or user account, or the system key store is locked). Switch to the embedded database and enter the address again in Station settings, or start with DATABASE_URL set.');
    this.name = 'SavedServerUnreadableError';
  }
}

/**
 * Which database this run uses: DATABASE_URL wins (ops and CI), then the station's saved choice,
 * then the embedded database in the user-data folder. A saved server that cannot be decrypted is
 * an error, not a silent switch to an empty embedded database.
 */
export function coreConfigFor(userDataDir: string, env: NodeJS.ProcessEnv = process.env, secretBox?: SecretBox): CoreConfig {
  const settingsFile = settingsFileIn(userDataDir);
  const embeddedDataDir = embeddedDataDirIn(userDataDir);
  const store = new StationSettingsStore(settingsFile, secretBox);
  if (!env.DATABASE_URL && store.savedUrlUnreadable) throw new SavedServerUnreadableError();
  const url = env.DATABASE_URL || store.read().databaseUrl;
  return {
    database: url ? { kind: 'postgres', url } : { kind: 'embedded', dataDir: embeddedDataDir },
    settingsFile,
    embeddedDataDir,
    secretBox,
  };
}
