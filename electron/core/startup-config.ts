import type { CoreConfig } from './config';
import { embeddedDataDirIn, settingsFileIn } from './paths';
import { StationSettingsStore } from '../settings/station-settings';

/**
 * Which database this run uses: DATABASE_URL wins (ops and CI), then the station's saved choice,
 * then the embedded database in the user-data folder.
 */
export function coreConfigFor(userDataDir: string, env: NodeJS.ProcessEnv = process.env): CoreConfig {
  const settingsFile = settingsFileIn(userDataDir);
  const embeddedDataDir = embeddedDataDirIn(userDataDir);
  const url = env.DATABASE_URL || new StationSettingsStore(settingsFile).read().databaseUrl;
  return {
    database: url ? { kind: 'postgres', url } : { kind: 'embedded', dataDir: embeddedDataDir },
    settingsFile,
    embeddedDataDir,
  };
}
