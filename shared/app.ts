import type { DatabaseKind } from './settings';

export interface AppStatus {
  /** True on an empty database: the setup screen creates the first administrator. */
  needsSetup: boolean;
  stationName: string;
  /** The locale this station shows dates and times in; null: the system's. */
  locale: string | null;
  /**
   * Which kind of database, for everyone (the first-run and sign-in screens need no more). Where it
   * lives (data folder, or server host, port and database) only for an administrator at a workstation:
   * it tells an anonymous caller, the kiosk included, where to look for the data.
   */
  database: { kind: DatabaseKind; location?: string };
  version: string;
}
