import type { DatabaseKind } from './settings';

export interface AppStatus {
  /** True on an empty database: the setup screen creates the first administrator. */
  needsSetup: boolean;
  stationName: string;
  database: { kind: DatabaseKind; description: string };
  version: string;
}
