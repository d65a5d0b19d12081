import pg from 'pg';
import { createDb, type DbHandle } from '../electron/db/create-db';
import { migrateToLatest } from '../electron/db/migrate';

export const BENCH_PG_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A fresh, migrated database of either kind; PostgreSQL gets its own throwaway database. */
export async function freshDb(kind: 'postgres' | 'embedded', name: string, poolSize = 10): Promise<DbHandle & { url?: string; dropDb(): Promise<void> }> {
  if (kind === 'embedded') {
    const h = await createDb({ kind: 'embedded' });
    await migrateToLatest(h.db);
    return { ...h, dropDb: async () => undefined };
  }
  const dbName = `wb_bench_${name}`;
  const admin = new pg.Client({ connectionString: BENCH_PG_URL });
  await admin.connect();
  await admin.query(`drop database if exists ${dbName} with (force)`);
  await admin.query(`create database ${dbName} template template0`);
  await admin.end();
  const url = new URL(BENCH_PG_URL);
  url.pathname = `/${dbName}`;
  // Seeding 100,000 rows takes longer than any app call may: no per-statement limit here.
  const h = await createDb({ kind: 'postgres', url: url.toString(), poolSize, timeouts: { statementMs: 0, readMs: 0 } });
  await migrateToLatest(h.db);
  return {
    ...h,
    url: url.toString(),
    dropDb: async () => {
      const c = new pg.Client({ connectionString: BENCH_PG_URL });
      await c.connect();
      await c.query(`drop database if exists ${dbName} with (force)`);
      await c.end();
    },
  };
}
