import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../../migrations';
import { createCore } from '../core/create-core';
import { expectSearchStructuresExact } from '../../test/search-structures';
import { createPostgresDatabase, createTestCore, testDatabaseKinds, type TestCore } from '../../test/test-core';
import { createDb } from './create-db';
import { appliedMigrations, knownMigrationNames, migrateToLatest, SchemaTooNewError } from './migrate';

describe('migration index', () => {
  it('lists every file in migrations/ (a packed app cannot scan the folder)', () => {
    const files = readdirSync(join(import.meta.dirname, '../../migrations'))
      .filter((f) => /^\d{8}_\d{4}_.+\.ts$/.test(f))
      .map((f) => f.replace(/\.ts$/, ''));
    expect(files.length).toBeGreaterThan(0);
    expect(Object.keys(migrations).sort()).toEqual(files.sort());
  });
});

describe.each(testDatabaseKinds())('migrations on %s', (kind) => {
  let t: TestCore;
  beforeAll(async () => {
    t = await createTestCore(kind);
  });
  afterAll(() => t.close());

  it('brings an empty database to the latest schema', async () => {
    expect(await appliedMigrations(t.core.ctx.db)).toEqual(knownMigrationNames());
    const cols = await sql<{ table_name: string; data_type: string }>`
      select table_name, data_type from information_schema.columns
      where table_schema = 'public' and data_type like 'timestamp%' and table_name not like 'kysely_%'`.execute(t.core.ctx.db);
    expect(cols.rows.length).toBeGreaterThan(5);
    // timestamptz everywhere: a wall-clock time without a zone would shift between stations.
    expect(cols.rows.filter((c) => c.data_type !== 'timestamp with time zone')).toEqual([]);
  });

  it('applies a migration that landed after a newer-numbered one the database already has', async () => {
    const pgDb = kind === 'postgres' ? await createPostgresDatabase() : null;
    const h = await createDb(pgDb ? { kind: 'postgres', url: pgDb.url } : { kind: 'embedded' });
    try {
      const names = knownMigrationNames();
      const skipped = names[names.length - 3]!;
      // A database made by a build that had every migration but this one.
      const without = Object.fromEntries(Object.entries(migrations).filter(([name]) => name !== skipped));
      expect((await new Migrator({ db: h.db, provider: { getMigrations: async () => without } }).migrateToLatest()).error).toBeUndefined();
      expect(await appliedMigrations(h.db)).not.toContain(skipped);
      await migrateToLatest(h.db);
      expect(await appliedMigrations(h.db)).toEqual(names);
    } finally {
      await h.close();
      await pgDb?.drop();
    }
  });

  it('keeps the audit log append-only', async () => {
    await t.core.ctx.db.insertInto('audit_log').values({ station: 's', action: 'x', entity_type: 'y', entity_id: null, actor_id: null, actor_email: null, before: null, after: null }).execute();
    await expect(t.core.ctx.db.updateTable('audit_log').set({ action: 'tampered' }).execute()).rejects.toThrow(/append-only/);
    await expect(t.core.ctx.db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
  });

  it('upgrades a catalogue made before the search structures: lexicon and word postings filled from it', async () => {
    const pgDb = kind === 'postgres' ? await createPostgresDatabase() : null;
    const h = await createDb(pgDb ? { kind: 'postgres', url: pgDb.url } : { kind: 'embedded' });
    try {
      const migrator = new Migrator({ db: h.db, provider: { getMigrations: async () => migrations } });
      const upTo = await migrator.migrateTo('20261125_0006_discovery_speed');
      expect(upTo.error).toBeUndefined();
      await sql`insert into category (id, name) values ('c1', 'Food')`.execute(h.db);
      await sql`insert into workshop (id, title, summary, description, category_id, city, venue, instructor, starts_at, ends_at, time_zone, capacity, price_minor, currency, registration_mode, status, tags_text)
        values ('w1', 'Sourdough bread', 'Bake a loaf', '', 'c1', 'Paris', 'Atelier', 'Julien', now() + interval '3 days', now() + interval '3 days 2 hours', 'Europe/Paris', 10, 3500, 'EUR', 'automatic', 'published', 'baking'),
               ('w2', 'Secret tasting', '', '', 'c1', 'Paris', 'Cellar', '', now() + interval '4 days', now() + interval '4 days 2 hours', 'Europe/Paris', 10, 0, 'EUR', 'automatic', 'draft', '')`.execute(h.db);
      const rest = await migrator.migrateToLatest();
      expect(rest.error).toBeUndefined();
      expect(rest.results?.map((r) => r.migrationName)).toContain('20261125_0008_text_facet_postings');
      await expectSearchStructuresExact(h.db, 'after the upgrade');
      const words = await sql<{ word: string }>`select word from search_lexicon order by word`.execute(h.db);
      expect(words.rows.map((r) => r.word)).toEqual(['a', 'bake', 'baking', 'bread', 'julien', 'loaf', 'sourdough']);
    } finally {
      await h.close();
      await pgDb?.drop();
    }
  });

  it('moves the check-in counts off the workshops into rows of their own, each as the registrations show it', async () => {
    const pgDb = kind === 'postgres' ? await createPostgresDatabase() : null;
    const h = await createDb(pgDb ? { kind: 'postgres', url: pgDb.url } : { kind: 'embedded' });
    try {
      const migrator = new Migrator({ db: h.db, provider: { getMigrations: async () => migrations } });
      expect((await migrator.migrateTo('20261201_0021_request_fingerprint')).error).toBeUndefined();
      await sql`insert into category (id, name) values ('c1', 'Food')`.execute(h.db);
      await sql`insert into workshop (id, title, category_id, city, venue, starts_at, ends_at, time_zone, capacity, seats_taken, checked_in, price_minor, currency, registration_mode, status)
        select w, 'Bread ' || w, 'c1', 'Paris', 'Atelier', now(), now() + interval '2 hours', 'Europe/Paris', 10, 3, 0, 0, 'EUR', 'automatic', 'published' from unnest(array['w1', 'w2']) w`.execute(h.db);
      await sql`insert into registration (id, workshop_id, person_name, status, requested_at, confirmed_at, amount_due_minor, currency, payment_status, station)
        select 'r' || i, case when i <= 3 then 'w1' else 'w2' end, 'Guest ' || i, 'confirmed', now(), now(), 0, 'EUR', 'not_required', 'Desk' from generate_series(1, 6) i`.execute(h.db);
      // Two people of w1 came in; w2 had nobody yet.
      await sql`insert into checkin_event (id, registration_id, workshop_id, kind, at, station, surface) values (1, 'r1', 'w1', 'check_in', now(), 'Desk', 'workstation'), (2, 'r2', 'w1', 'check_in', now(), 'Desk', 'workstation')`.execute(h.db);
      await sql`update registration set checkin_id = substr(id, 2)::bigint where id in ('r1', 'r2')`.execute(h.db);
      await sql`update workshop set checked_in = 2 where id = 'w1'`.execute(h.db);
      expect((await migrator.migrateToLatest()).error).toBeUndefined();
      const counts = await sql<{ workshop_id: string; checked_in: number }>`select workshop_id, checked_in from workshop_checked_in order by workshop_id`.execute(h.db);
      expect(counts.rows).toEqual([{ workshop_id: 'w1', checked_in: 2 }]);
      const left = await sql<{ n: number }>`select count(*)::int as n from information_schema.columns where table_name = 'workshop' and column_name = 'checked_in'`.execute(h.db);
      expect(left.rows[0]!.n).toBe(0);
    } finally {
      await h.close();
      await pgDb?.drop();
    }
  });

  // Registered for PostgreSQL only (not skipped): an in-memory PGlite does not outlive close(), and
  // the on-disk test below covers the embedded case.
  if (kind === 'postgres') {
    it('refuses to start on a database a newer version has migrated', async () => {
      await sql`insert into kysely_migration (name, timestamp) values ('29991231_0001_from_the_future', now())`.execute(t.core.ctx.db);
      await t.core.close();
      const reopen = () => createCore({ database: t.databaseConfig, settingsFile: '/nonexistent/settings.json', logError: () => undefined });
      await expect(reopen()).rejects.toBeInstanceOf(SchemaTooNewError);
      // Drops this test's database (the core is closed already) before the next tests get a fresh one.
      await t.close();
      t = await createTestCore(kind);
    });
  }
});

describe('embedded database on disk', () => {
  it('keeps its data across restarts and refuses a newer schema', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'wb-disk-'));
    const config = { database: { kind: 'embedded' as const, dataDir: join(dir, 'db') }, settingsFile: join(dir, 's.json'), bcryptCost: 4, logError: () => undefined };
    try {
      const first = await createCore(config);
      await first.dispatch({ clientId: 'a', surface: 'workstation' }, 'setup:createFirstAdmin', { name: 'A', email: 'a@example.com', password: 'correct horse battery staple' });
      await first.close();
      const second = await createCore(config);
      expect(await second.dispatch({ clientId: 'b', surface: 'workstation' }, 'app:status', {})).toMatchObject({ ok: true, data: { needsSetup: false } });
      await sql`insert into kysely_migration (name, timestamp) values ('29991231_0001_from_the_future', now())`.execute(second.ctx.db);
      await second.close();
      const err = await createCore(config).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(SchemaTooNewError);
      expect((err as Error).message).toMatch(/newer version of Workshop Booking/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
