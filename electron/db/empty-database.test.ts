import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../../migrations';
import { createCore, type Core } from '../core/create-core';
import { createDb } from './create-db';
import { appliedMigrations, knownMigrationNames } from './migrate';

const work: string[] = [];
const cores: Core[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
  for (const d of work.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** An empty database as the build makes one, with a marker table so a test can tell it was used. */
async function template(dir: string, upTo?: string): Promise<string> {
  const h = await createDb({ kind: 'embedded' });
  const migrator = new Migrator({ db: h.db, provider: { getMigrations: async () => migrations } });
  const { error } = upTo ? await migrator.migrateTo(upTo) : await migrator.migrateToLatest();
  if (error) throw error;
  await sql`create table from_template (id int)`.execute(h.db);
  const file = join(dir, 'pgdata.tar.gz');
  writeFileSync(file, Buffer.from(await (await h.pglite!.dumpDataDir('gzip')).arrayBuffer()));
  await h.close();
  return file;
}

const open = async (dir: string, emptyDatabaseFile?: string) => {
  const core = await createCore({ database: { kind: 'embedded', dataDir: join(dir, 'db') }, settingsFile: join(dir, 's.json'), emptyDatabaseFile, bcryptCost: 4, logError: () => undefined });
  cores.push(core);
  return core;
};
const hasTable = async (core: Core, name: string) => (await sql<{ t: string | null }>`select to_regclass(${name})::text as t`.execute(core.ctx.db)).rows[0]!.t !== null;

describe('a new station starts from the packaged empty database', () => {
  it('uses it on a data folder never initialised, and the station is ready to set up', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wb-empty-'));
    work.push(dir);
    const core = await open(dir, await template(dir));
    expect(await hasTable(core, 'from_template')).toBe(true);
    expect(await appliedMigrations(core.ctx.db)).toEqual(knownMigrationNames());
    const status = await core.dispatch({ clientId: 'w1', surface: 'workstation' }, 'app:status', {});
    expect(status).toMatchObject({ ok: true, data: { needsSetup: true } });
  });

  it('brings a template older than the app up to date', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wb-empty-'));
    work.push(dir);
    const names = knownMigrationNames();
    const core = await open(dir, await template(dir, names[names.length - 3]!));
    expect(await hasTable(core, 'from_template')).toBe(true);
    expect(await appliedMigrations(core.ctx.db)).toEqual(names);
  });

  it('never replaces a database that exists, and starts without a template', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wb-empty-'));
    work.push(dir);
    const first = await open(dir);
    await sql`create table mine (id int)`.execute(first.ctx.db);
    await cores.pop()!.close();
    const again = await open(dir, await template(dir));
    expect(await hasTable(again, 'mine')).toBe(true);
    expect(await hasTable(again, 'from_template')).toBe(false);
  });
});
