import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDb } from './create-db';
import { migrateToLatest } from './migrate';

/**
 * A new station's embedded database, made once at build time instead of on every first start:
 * PostgreSQL's initdb inside PGlite costs seconds, loading a migrated empty cluster about one.
 * Built from the same PGlite and migrations as the app; any migration newer than the template
 * still runs on top of it, as on any existing database.
 */
export async function buildEmptyDatabase(): Promise<Blob> {
  const handle = await createDb({ kind: 'embedded' });
  try {
    await migrateToLatest(handle.db);
    return await handle.pglite!.dumpDataDir('gzip');
  } finally {
    await handle.close();
  }
}

/** A data folder PostgreSQL has never initialised (PG_VERSION is the first file initdb writes). */
export const isUninitialised = (dataDir: string): boolean => !existsSync(join(dataDir, 'PG_VERSION'));

/** The packaged empty database, when this build has one. */
export function readEmptyDatabase(file: string | undefined): Blob | undefined {
  if (!file || !existsSync(file)) return undefined;
  return new Blob([readFileSync(file)]);
}
