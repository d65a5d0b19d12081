import type { DatabaseKind } from './settings';

export interface AppStatus {
  /** True on an empty database: the setup screen creates the first administrator. */
  needsSetup: boolean;
  stationName: string;
  /** The locale this station shows dates and times in; null: the system's. */
  locale: string | null;
  database: { kind: DatabaseKind; description: string };
  version: string;
}
