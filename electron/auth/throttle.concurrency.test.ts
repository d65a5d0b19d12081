import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import bcrypt from 'bcrypt';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it, vi } from 'vitest';
import { AppError, type Result } from '../../shared/errors';
import type { Caller } from '../core/caller';
import { createCore, type Core } from '../core/create-core';
import { createTestCore, describeOnPostgres, setupAdmin, STRONG_PASSWORD, type TestCore } from '../../test/test-core';
import { signIn } from './auth.service';

/**
 * Bursts of guesses at one account from several stations at once, each station its own core with
 * its own connection pool on one PostgreSQL (PGlite's single connection would hide any race).
 */
describeOnPostgres('sign-in throttling under concurrent bursts on PostgreSQL', () => {
  let t: TestCore;
  let cores: Core[];
  const codes = (results: Result<unknown>[]) => results.map((r) => (r.ok ? 'OK' : r.error.code)).sort();
  const count = (results: Result<unknown>[], code: string) => codes(results).filter((c) => c === code).length;

  beforeAll(async () => {
    t = await createTestCore('postgres');
    const second = await createCore({ database: t.databaseConfig, settingsFile: join(mkdtempSync(join(tmpdir(), 'wb-burst-')), 's.json'), clock: t.clock.now, bcryptCost: 4, logError: () => undefined });
    second.ctx.settings.write({ stationName: 'Front desk 2', databaseUrl: null });
    cores = [t.core, second];
  });
  afterAll(async () => {
    await cores[1]?.close();
    await t.close();
  });
  beforeEach(async () => {
    await t.reset();
    await setupAdmin(t);
  });
  afterEach(() => vi.restoreAllMocks());

  /** The service exactly as the dispatcher calls it, at a station of our choosing. */
  const attempt = async (core: Core, station: string, password: string, i: number): Promise<Result<unknown>> => {
    const caller: Caller = { clientId: `burst-${station}-${i}`, surface: 'workstation', station, user: null, role: 'public', sessionToken: null, request: null };
    try {
      return { ok: true, data: await signIn(core.ctx, caller, { email: 'ada@example.com', password }) };
    } catch (e) {
      if (e instanceof AppError) return { ok: false, error: e.toShape() };
      throw e;
    }
  };

  it('lets only the free attempts of 50 simultaneous wrong passwords from two stations reach bcrypt', async () => {
    const compare = vi.spyOn(bcrypt, 'compare');
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => cores[i % 2]!.dispatch({ clientId: `burst-${i}`, surface: 'workstation' }, 'auth:signIn', { email: 'ada@example.com', password: `wrong guess ${i}` })),
    );
    // Five in a row per station are free; everything else is refused before hashing.
    expect(count(results, 'UNAUTHENTICATED')).toBe(10);
    expect(count(results, 'RATE_LIMITED')).toBe(40);
    expect(compare).toHaveBeenCalledTimes(10);
  });

  it('holds the cap of 100 failures an hour when 150 guesses arrive at once from 30 stations', async () => {
    const compare = vi.spyOn(bcrypt, 'compare');
    const results = await Promise.all(Array.from({ length: 150 }, (_, i) => attempt(cores[i % 2]!, `Desk ${i % 30}`, `wrong guess ${i}`, i)));
    expect(count(results, 'UNAUTHENTICATED')).toBe(100);
    expect(count(results, 'RATE_LIMITED')).toBe(50);
    expect(compare).toHaveBeenCalledTimes(100);
    expect(await attempt(cores[1]!, 'Owner desk', STRONG_PASSWORD, 0)).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
  });

  it('does not reset the hourly count for a correct password inside a burst', async () => {
    // 40 wrong from 8 stations (all within their streaks) and the owner's right password, at once.
    const burst = await Promise.all([
      ...Array.from({ length: 40 }, (_, i) => attempt(cores[i % 2]!, `Desk ${i % 8}`, `wrong guess ${i}`, i)),
      attempt(cores[0]!, 'Owner desk', STRONG_PASSWORD, 99),
    ]);
    expect(count(burst, 'UNAUTHENTICATED')).toBe(40);
    expect(count(burst, 'OK')).toBe(1);
    // So only 60 more failures fit in the hour, however many stations try.
    const after = await Promise.all(Array.from({ length: 70 }, (_, i) => attempt(cores[i % 2]!, `Other desk ${i % 14}`, `wrong again ${i}`, i)));
    expect(count(after, 'UNAUTHENTICATED')).toBe(60);
    expect(count(after, 'RATE_LIMITED')).toBe(10);
  });
});
