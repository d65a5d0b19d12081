import { mkdirSync } from 'node:fs';
import { CompiledQuery, Kysely, PGliteDialect, PostgresDialect, type DatabaseConnection } from 'kysely';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { Database } from './schema';
import { DEFAULT_TIMEOUTS, resilientPool, type DatabaseTimeouts } from './resilient-pool';

/**
 * Connections one station opens to a shared server, in all (the live-update listener included).
 * Small on purpose: PostgreSQL allows 100 by default, and a venue runs desks, kiosks and admin
 * workstations against one server.
 */
export const DEFAULT_POOL_SIZE = 4;

export type DatabaseConfig =
  | {
      kind: 'embedded';
      /** folder of the embedded database; undefined = in memory (tests) */ dataDir?: string;
      loadDataDir?: Blob;
      /** Another core's open database, shared (the e2e bridge's second station); it stays open on close. */
      attachTo?: PGlite;
    }
  | { kind: 'postgres'; url: string; poolSize?: number; timeouts?: Partial<DatabaseTimeouts> };

export interface DbHandle {
  db: Kysely<Database>;
  kind: DatabaseConfig['kind'];
  /** For messages: where the data lives, without any password. */
  description: string;
  /** The embedded database itself (backups); null on PostgreSQL. */
  pglite: PGlite | null;
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

export interface CreateDbOptions {
  /** Connection faults nobody waits for (a server restart between calls): logged, never thrown. */
  onFault?: (err: unknown) => void;
  /** Connections kept back from the query pool (the live-update listener). */
  reservedConnections?: number;
}

// pg returns bigint (int8) and numeric as strings by default; our ids stay strings on purpose,
// counts are cast in SQL where a number is wanted.
export async function createDb(config: DatabaseConfig, opts: CreateDbOptions = {}): Promise<DbHandle> {
  if (config.kind === 'embedded' && config.attachTo) {
    const pglite = config.attachTo;
    const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite, onCreateConnection: sessionSetup }) });
    // Closing the Kysely instance would close PGlite itself: its owner does that.
    return { db, kind: 'embedded', pglite, description: 'Embedded database (shared with another station in this process)', close: async () => undefined };
  }
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
      pglite,
      description: config.dataDir ? `Embedded database in ${config.dataDir}` : 'Embedded database in memory',
      close: async () => {
        await db.destroy();
        if (!pglite.closed) await pglite.close();
      },
    };
  }
  const total = config.poolSize ?? DEFAULT_POOL_SIZE;
  const pool = resilientPool({
    url: config.url,
    max: Math.max(1, total - (opts.reservedConnections ?? 0)),
    timeouts: { ...DEFAULT_TIMEOUTS, ...config.timeouts },
    onFault: opts.onFault ?? (() => undefined),
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool, onCreateConnection: sessionSetup }) });
  const url = new URL(config.url);
  return {
    db,
    kind: 'postgres',
    pglite: null,
    description: `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}`,
    close: () => db.destroy(),
  };
}
