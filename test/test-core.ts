import { mkdtempSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, it } from 'vitest';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { sql, type Kysely } from 'kysely';
import { createDb } from '../electron/db/create-db';
import type { Database } from '../electron/db/schema';
import type { Result } from '../shared/errors';
import { isWriteChannel, type Channel, type InputOf, type OutputOf } from '../shared/ipc/contract';
import type { Surface } from '../shared/roles';
import { createCore, type Core } from '../electron/core/create-core';
import { createKioskRuntime } from '../electron/kiosk/kiosk-runtime';
import type { CoreConfig } from '../electron/core/config';
import type { DatabaseConfig } from '../electron/db/create-db';

export type TestDbKind = 'embedded' | 'postgres';

/** PGlite always; real PostgreSQL too when TEST_DATABASE_URL is set (CI sets it). */
export const testDatabaseKinds = (): TestDbKind[] => {
  if (process.env.TEST_DATABASE_URL) return ['embedded', 'postgres'];
  warnOnce('the PostgreSQL half of the suite is not run: set TEST_DATABASE_URL (CI does) to run it');
  return ['embedded'];
};

const warned = new Set<string>();
function warnOnce(message: string): void {
  if (warned.has(message)) return;
  warned.add(message);
  console.warn(`[tests] ${message}`);
}

/** One test that needs a real PostgreSQL server; skipped without TEST_DATABASE_URL, and the run says so. */
export function itOnPostgres(name: string, body: () => Promise<void>): void {
  if (process.env.TEST_DATABASE_URL) {
    it(name, body);
    return;
  }
  warnOnce(`skipped, needs PostgreSQL (set TEST_DATABASE_URL): ${name}`);
  it.skip(name, body);
}

/**
 * A describe block that needs a real PostgreSQL server (several connections, a network between app
 * and database). Without TEST_DATABASE_URL it is skipped, and the run says so.
 */
export function describeOnPostgres(name: string, body: () => void): void {
  if (process.env.TEST_DATABASE_URL) {
    describe(name, body);
    return;
  }
  warnOnce(`skipped, needs PostgreSQL (set TEST_DATABASE_URL): ${name}`);
  describe.skip(name, body);
}

/** A fresh PostgreSQL database per test file, so files can run in parallel. */
export async function createPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error('TEST_DATABASE_URL is not set');
  const name = `wb_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name} template template0`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export class TestClock {
  private t = Date.now();
  now = (): Date => new Date(this.t);
  advance(ms: number): void {
    this.t += ms;
  }
}

export interface TestCore {
  core: Core;
  clock: TestClock;
  kind: TestDbKind;
  databaseConfig: DatabaseConfig;
  /**
   * Calls the dispatcher exactly as the IPC glue does. A 'write' call gets a fresh request id, as the
   * renderer gives one per action, unless the test passes its own (to retry the same request).
   */
  call<C extends Channel>(clientId: string, channel: C, input: InputOf<C>, surface?: Surface, requestId?: string): Promise<Result<OutputOf<C>>>;
  /** Like call, but throws unless ok: for test set-up steps. */
  must<C extends Channel>(clientId: string, channel: C, input: InputOf<C>, surface?: Surface, requestId?: string): Promise<OutputOf<C>>;
  /** Empties every table (schema kept) between tests. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

export async function createTestCore(kind: TestDbKind, overrides: Partial<CoreConfig> = {}): Promise<TestCore> {
  const dir = mkdtempSync(join(tmpdir(), 'wb-test-'));
  const pgDb = kind === 'postgres' ? await createPostgresDatabase() : null;
  const databaseConfig: DatabaseConfig = pgDb ? { kind: 'postgres', url: pgDb.url } : { kind: 'embedded' };
  const clock = new TestClock();
  const core = await createCore({
    database: databaseConfig,
    settingsFile: join(dir, 'settings.json'),
    clock: clock.now,
    bcryptCost: 4,
    logError: process.env.TEST_LOG_ERRORS ? (err, where) => console.error(where, err) : () => undefined,
    ...overrides,
  });
  core.ctx.settings.write({ stationName: 'Test station', databaseUrl: null });
  const call: TestCore['call'] = (clientId, channel, input, surface = 'workstation', requestId) =>
    core.dispatch({ clientId, surface }, channel, input, { requestId: requestId ?? (isWriteChannel(channel) ? randomUUID() : undefined) }) as Promise<Result<OutputOf<typeof channel>>>;
  return {
    core,
    clock,
    kind,
    databaseConfig,
    call,
    must: async (clientId, channel, input, surface, requestId) => {
      const r = await call(clientId, channel, input, surface, requestId);
      if (!r.ok) throw new Error(`${channel} failed: ${r.error.code} ${r.error.message} ${JSON.stringify(r.error.fieldErrors ?? {})}`);
      return r.data;
    },
    reset: async () => {
      const tables = await sql<{ tablename: string }>`select tablename from pg_tables where schemaname = 'public' and tablename not like 'kysely_%'`.execute(core.ctx.db);
      if (tables.rows.length) {
        await sql.raw(`truncate ${tables.rows.map((t) => `"${t.tablename}"`).join(', ')} restart identity cascade`).execute(core.ctx.db);
      }
      for (const id of core.ctx.sessions['byClient'].keys()) core.ctx.sessions.forget(id);
      core.ctx.settings.write({ stationName: 'Test station', databaseUrl: null, kiosk: undefined });
      core.ctx.kiosk = createKioskRuntime();
    },
    close: async () => {
      await core.close();
      await pgDb?.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Bulk set-up work (seeding thousands of rows) on a connection without the app's per-statement
 * time limit, which a loaded test machine could otherwise hit.
 */
export async function withUntimedDb<T>(t: TestCore, work: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  if (t.databaseConfig.kind !== 'postgres') return work(t.core.ctx.db);
  const h = await createDb({ ...t.databaseConfig, poolSize: 1, timeouts: { statementMs: 0, readMs: 0 } });
  try {
    return await work(h.db);
  } finally {
    await h.close();
  }
}

export const STRONG_PASSWORD = 'correct horse battery staple';
export const OTHER_STRONG_PASSWORD = 'violet tractor under moonlight';

/** Signs up an admin via first-run setup (client id 'admin'). */
export async function setupAdmin(t: TestCore, clientId = 'admin'): Promise<void> {
  await t.must(clientId, 'setup:createFirstAdmin', { name: 'Ada Admin', email: 'ada@example.com', password: STRONG_PASSWORD });
}

/** Creates an account of the given role (by the admin) and signs it in on clientId. */
export async function signedIn(t: TestCore, role: 'admin' | 'staff' | 'attendee', clientId: string, surface: Surface = 'workstation'): Promise<string> {
  const email = `${clientId.replace(/[^a-z0-9]/gi, '')}@example.com`.toLowerCase();
  await t.must('admin', 'users:create', { name: `${role} ${clientId}`, email, role, password: STRONG_PASSWORD, mustChangePassword: false });
  await t.must(clientId, 'auth:signIn', { email, password: STRONG_PASSWORD }, surface);
  return email;
}

/**
 * Another computer on the same database as `t` (PostgreSQL: its own core and connection pool), with
 * its station name, and `who` signed in on client id `who.clientId` there.
 */
export async function anotherStation(t: TestCore, stationName: string, who: { clientId: string; email: string }): Promise<Core> {
  const core = await createCore({ database: t.databaseConfig, settingsFile: join(mkdtempSync(join(tmpdir(), 'wb-station-')), 's.json'), clock: t.clock.now, bcryptCost: 4, logError: () => undefined });
  core.ctx.settings.write({ stationName, databaseUrl: null });
  const r = await core.dispatch({ clientId: who.clientId, surface: 'workstation' }, 'auth:signIn', { email: who.email, password: STRONG_PASSWORD });
  if (!r.ok) throw new Error(`signing in ${who.email} at ${stationName}: ${r.error.message}`);
  return core;
}

/**
 * One core per describe block (PGlite start-up is the expensive part), emptied and seeded before
 * each test. Returns a stand-in that always points at the live core, so tests read `t.call(...)`.
 */
export function useTestCore(kind: TestDbKind, seed: (t: TestCore) => Promise<unknown> = async () => undefined): TestCore {
  let current: TestCore | undefined;
  beforeAll(async () => {
    current = await createTestCore(kind);
  });
  afterAll(() => current?.close());
  beforeEach(async () => {
    await current!.reset();
    await seed(current!);
  });
  return new Proxy({} as TestCore, {
    get: (_target, prop) => {
      if (!current) throw new Error('The test core is not started yet (use it inside a test or hook).');
      const value = current[prop as keyof TestCore];
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(current) : value;
    },
  });
}
