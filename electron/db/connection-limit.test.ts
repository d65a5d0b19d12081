import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createCore, type Core } from '../core/create-core';
import { describeOnPostgres } from '../../test/test-core';

/**
 * More stations than the server admits. The database's connection limit binds ordinary roles only
 * (superusers are exempt), so the stations connect as a role of their own that owns the database.
 */
describeOnPostgres('more stations than the server has connections for', () => {
  const base = process.env.TEST_DATABASE_URL!;
  const name = `wb_limit_${process.pid}_${randomBytes(3).toString('hex')}`;
  const role = 'wb_station_role';
  let admin: pg.Client;
  const stations: Core[] = [];
  const status = (c: Core) => c.dispatch({ clientId: 'x', surface: 'workstation' }, 'app:status', {});
  const idle = () => new Promise((r) => setTimeout(r, 600));

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`do $$ begin if not exists (select from pg_roles where rolname = '${role}') then create role ${role} login nosuperuser; end if; end $$`);
    await admin.query(`create database ${name} owner ${role} template template0`);
    const url = new URL(base);
    url.pathname = `/${name}`;
    url.username = role;
    for (let i = 0; i < 4; i++) {
      stations.push(
        await createCore({
          // One connection each, given back to the server 200 ms after its last use.
          database: { kind: 'postgres', url: url.toString(), poolSize: 1, timeouts: { idleMs: 200 } },
          settingsFile: join(mkdtempSync(join(tmpdir(), 'wb-lim-')), 's.json'),
          bcryptCost: 4,
          logError: () => undefined,
        }),
      );
    }
    await idle();
    await admin.query(`alter database ${name} connection limit 2`);
  }, 120_000);
  afterAll(async () => {
    for (const s of stations) await s.close().catch(() => undefined);
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  });

  it('tells the stations beyond the limit plainly, keeps the others working, and none crashes', async () => {
    const [a, b, c, d] = stations as [Core, Core, Core, Core];
    // Two stations busy at once use both connections the server allows.
    const busy = [a, b].map((s) => sql`select pg_sleep(1.5)`.execute(s.ctx.db));
    await new Promise((r) => setTimeout(r, 300));
    for (const s of [c, d]) {
      expect(await status(s)).toMatchObject({
        ok: false,
        error: { code: 'UNAVAILABLE', message: expect.stringMatching(/no free connection for this station \(too many stations are connected\)/) },
      });
    }
    await Promise.all(busy);
    await idle();
    // Once the busy ones are done, everyone gets a turn again: nothing had to restart.
    for (const s of stations) {
      expect(await status(s)).toMatchObject({ ok: true });
      await idle();
    }
  });
});
