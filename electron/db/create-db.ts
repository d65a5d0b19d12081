import { mkdirSync } from 'node:fs';
import { CompiledQuery, Kysely, PGliteDialect, PostgresDialect, type DatabaseConnection } from 'kysely';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import pg from 'pg';
import type { Database } from './schema';

export type DatabaseConfig =
  | { kind: 'embedded'; /** folder of the embedded database; undefined = in memory (tests) */ dataDir?: string; loadDataDir?: Blob }
  | { kind: 'postgres'; url: string; poolSize?: number };

export interface DbHandle {
  db: Kysely<Database>;
  kind: DatabaseConfig['kind'];
  /** For messages: where the data lives, without any password. */
  description: string;
  close(): Promise<void>;
}

/**
 * Per-connection settings. Spelling correction looks for candidates at word similarity 0.25: pg_trgm's
 * default 0.6 misses swapped letters in short words ("pyhton" is 0.29 from "python"); the candidates
 * are then ranked by typing slips (spelling.ts). Ignored when pg_trgm is not installed yet (first
 * start, before migrations).
 */
const sessionSetup = async (conn: DatabaseConnection): Promise<void> => {
  await conn.executeQuery(CompiledQuery.raw(`set pg_trgm.word_similarity_threshold = 0.25`));
};

// pg returns bigint (int8) and numeric as strings by default; our ids stay strings on purpose,
// counts are cast in SQL where a number is wanted.
export async function createDb(config: DatabaseConfig): Promise<DbHandle> {
  if (config.kind === 'embedded') {
    if (config.dataDir) mkdirSync(config.dataDir, { recursive: true });
    const pglite = await PGlite.create(config.dataDir, {
      loadDataDir: config.loadDataDir,
      relaxedDurability: false,
      extensions: { pg_trgm },
    });
    const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite, onCreateConnection: sessionSetup }) });
    return {
      db,
      kind: 'embedded',
      description: config.dataDir ? `Embedded database in ${config.dataDir}` : 'Embedded database in memory',
      close: async () => {
        await db.destroy();
        if (!pglite.closed) await pglite.close();
      },
    };
  }
  const pool = new pg.Pool({ connectionString: config.url, max: config.poolSize ?? 10, connectionTimeoutMillis: 10_000 });
  // An idle client losing its connection must not crash the process.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool, onCreateConnection: sessionSetup }) });
  const url = new URL(config.url);
  return {
    db,
    kind: 'postgres',
    description: `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}`,
    close: () => db.destroy(),
  };
}
