import { homedir } from 'node:os';
import { join } from 'node:path';

export const PRODUCT_NAME = 'Workshop Booking';

/**
 * The same folder Electron's app.getPath('userData') gives for our product name, computed without
 * Electron so that `npm run seed:demo` and the app find the same embedded database.
 */
export function defaultUserDataDir(): string {
  if (process.env.WORKSHOP_BOOKING_DATA_DIR) return process.env.WORKSHOP_BOOKING_DATA_DIR;
  if (process.platform === 'win32') return join(process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), PRODUCT_NAME);
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', PRODUCT_NAME);
  return join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), PRODUCT_NAME);
}

export const settingsFileIn = (userDataDir: string): string => join(userDataDir, 'station-settings.json');
export const embeddedDataDirIn = (userDataDir: string): string => join(userDataDir, 'database');
