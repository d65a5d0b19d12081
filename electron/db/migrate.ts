import { sql, type Kysely } from 'kysely';
import { Migrator, type MigrationProvider } from 'kysely/migration';
import { migrations } from '../../migrations';

export class SchemaTooNewError extends Error {
  constructor(readonly unknownMigrations: string[]) {
    super(
      `This database was updated by a newer version of Workshop Booking (it has changes this version does not know: ${unknownMigrations.join(', ')}). Install the newer version to use it.`,
    );
    this.name = 'SchemaTooNewError';
  }
}

const provider: MigrationProvider = { getMigrations: async () => migrations };

export const knownMigrationNames = (): string[] => Object.keys(migrations).sort();

/** Names of migrations already applied to this database ([] on an empty one). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function appliedMigrations(db: Kysely<any>): Promise<string[]> {
  const exists = await sql<{ present: boolean }>`select to_regclass('public.kysely_migration') is not null as present`.execute(db);
  if (!exists.rows[0]?.present) return [];
  const rows = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
  return rows.rows.map((r) => r.name);
}

/**
 * Brings the schema up to date. Refuses (SchemaTooNewError) a database that a newer app version
 * has migrated: running old code on a newer schema could silently lose data.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function migrateToLatest(db: Kysely<any>): Promise<{ applied: string[] }> {
  const known = new Set(knownMigrationNames());
  const unknown = (await appliedMigrations(db)).filter((n) => !known.has(n));
  if (unknown.length > 0) throw new SchemaTooNewError(unknown);

  // Branches land migrations in a different order than they are numbered (0012 after 0013): a
  // database may miss one older than its newest. Each migration stands on its own, so run it then.
  const migrator = new Migrator({ db, provider, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}
