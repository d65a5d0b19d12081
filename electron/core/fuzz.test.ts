import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, contract, isWriteChannel, type Channel } from '../../shared/ipc/contract';
import { SURFACES, type Audience, type Surface } from '../../shared/roles';
import { category, publishedWorkshop } from '../../test/catalogue';
import { sampleInputs, type SampleIds } from '../../test/channel-samples';
import { createTestCore, setupAdmin, signedIn, STRONG_PASSWORD, testDatabaseKinds, type TestCore } from '../../test/test-core';

/**
 * Every channel of the contract, with every caller on every surface, against hostile input: values
 * PostgreSQL cannot store (NUL, lone surrogates), dates that do not exist, numbers past what a column
 * holds, wrong types, huge and empty values — swapped into each field of a valid input, and random
 * structures from fast-check. No call may answer INTERNAL, throw, take longer than 5 s, or change
 * the database when it is refused. A channel added tomorrow is covered by the loop over the contract.
 */
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
const HOSTILE: unknown[] = [
  '\u0000',
  'before\u0000after',
  '\uD800',
  'x\uDFFFy',
  '\uDBFF\uDFFF\uD800',
  '',
  '   ',
  'x'.repeat(20_000),
  '2024-02-30',
  '2024-13-45',
  '0000-01-01',
  '9999-12-31',
  '2031-02-30T10:00',
  '24:99',
  "'; drop table registration; --",
  '%_\\',
  '99999999999999999999999',
  '-1',
  'postgres://u:p@127.0.0.1:65536/db',
  'postgres://u@127.0.0.1:5432/db?sslcert=/etc/passwd',
  -1,
  0,
  1.5,
  2147483648,
  -2147483649,
  Number.MAX_SAFE_INTEGER,
  1e300,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  null,
  true,
  [],
  {},
  ['\u0000'],
  { nested: '\uD800' },
  JSON.parse('{"__proto__": {"polluted": true}}'),
];

/** Each leaf (and each container) of a value, with a setter that returns a copy with it replaced. */
function paths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [at];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...at, i])));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...at, k]));
  return out;
}
function replaced(value: unknown, at: (string | number)[], by: unknown): unknown {
  if (!at.length) return by;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  copy[at[0]!] = replaced((value as Record<string | number, unknown>)[at[0]!], at.slice(1), by);
  return copy;
}

/** A short, printable picture of an input for failure messages (NULs and surrogates made visible). */
function preview(v: unknown): string {
  let s: string;
  try {
    s = JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? `${x}n` : x instanceof Map || x instanceof Set ? `[${x.constructor.name}]` : x)) ?? String(v);
  } catch {
    s = String(v);
  }
  // eslint-disable-next-line no-control-regex -- control characters are what the preview makes visible
  s = s.replace(/[\u0000-\u001f\ud800-\udfff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return s.length > 200 ? `${s.slice(0, 200)}…` : s;
}

const CALLERS: Audience[] = ['public', 'attendee', 'staff', 'admin'];
/** Channels that sign the calling window in or out: each call comes from a new window. */
const SESSION_CHANNELS = new Set<Channel>(['setup:createFirstAdmin', 'setup:loadDemoData', 'auth:signIn', 'auth:signUp', 'auth:signOut', 'auth:changePassword']);

describe.each(testDatabaseKinds())('every channel against hostile input on %s', (kind) => {
  let t: TestCore;
  let samples: ReturnType<typeof sampleInputs>;
  let fingerprintSql: string;
  let last = '';
  let fresh = 0;
  const clientFor = (who: Audience, surface: Surface) => `fuzz-${who}-${surface}`;

  /** Every table's rows, hashed; failed password checks are counted and audited on purpose, so left out. */
  const fingerprint = async () => (await sql.raw<{ f: string }>(fingerprintSql).execute(t.core.ctx.db)).rows[0]!.f;

  beforeAll(async () => {
    t = await createTestCore(kind);
    await setupAdmin(t);
    for (const surface of SURFACES) for (const who of CALLERS) if (who !== 'public') await signedIn(t, who, clientFor(who, surface), surface);
    await t.must('admin', 'users:create', { name: 'Vic Tim', email: 'victim@example.com', role: 'attendee', password: STRONG_PASSWORD, mustChangePassword: false });
    const victimUserId = (await t.must('admin', 'users:list', { search: 'victim' })).items[0]!.id;
    const categoryId = await category(t, 'Pottery');
    const otherCategoryId = await category(t, 'Spare');
    const w = await publishedWorkshop(t, categoryId, { capacity: 50, waitlistEnabled: true, tags: ['clay', 'spare-tag'] });
    const m = await publishedWorkshop(t, categoryId, { registrationMode: 'manual', title: 'By request' });
    const reg = await t.must('admin', 'registrations:registerPerson', { workshopId: w.id, name: 'Vic Tim', email: 'victim@example.com' });
    const pending = await t.must('admin', 'registrations:registerPerson', { workshopId: m.id, name: 'Pen Ding', email: 'pending@example.com' });
    const tags = await t.must('admin', 'tags:list', {});
    const ids: SampleIds = {
      categoryId,
      otherCategoryId,
      workshopId: w.id,
      manualWorkshopId: m.id,
      registrationId: reg.id,
      pendingRegistrationId: pending.id,
      tagId: tags.find((x) => x.name === 'clay')!.id,
      otherTagId: tags.find((x) => x.name === 'spare-tag')!.id,
      victimUserId,
      victimEmail: 'victim@example.com',
    };
    samples = sampleInputs(ids, t.clock.now().toISOString().slice(0, 10));
    const tables = await sql<{ tablename: string }>`select tablename from pg_tables where schemaname = 'public' and tablename not in ('login_throttle') order by tablename`.execute(t.core.ctx.db);
    fingerprintSql = `select ${tables.rows
      .map(({ tablename }) => {
        const where = tablename === 'audit_log' ? ` where x.action not in ('auth.sign_in_failed', 'auth.change_password_failed')` : '';
        return `(select count(*) || ':' || coalesce(sum(hashtext(x::text)), 0) from "${tablename}" x${where})`;
      })
      .join(` || '|' || `)} as f`;
    last = await fingerprint();
  }, 180_000);
  afterAll(() => t.close());

  async function probe(channel: Channel, who: Audience, surface: Surface, input: unknown, meta?: unknown): Promise<void> {
    const clientId = SESSION_CHANNELS.has(channel) ? `fuzz-window-${fresh++}` : clientFor(who, surface);
    if (SESSION_CHANNELS.has(channel) && who !== 'public') {
      // An account of its own: a call that succeeds (a changed password) must not lock the others out.
      const email = `${clientId}@example.com`;
      await t.must('admin', 'users:create', { name: `Fuzz ${who}`, email, role: who, password: STRONG_PASSWORD, mustChangePassword: false });
      await t.must(clientId, 'auth:signIn', { email, password: STRONG_PASSWORD }, surface);
      last = await fingerprint();
    }
    const started = Date.now();
    let r;
    try {
      r = await t.core.dispatch({ clientId, surface }, channel, input, meta ?? (isWriteChannel(channel) ? { requestId: randomUUID() } : undefined));
    } catch (e) {
      throw new Error(`${channel} threw for ${preview(input)}: ${String(e)}`);
    }
    const took = Date.now() - started;
    const what = `${channel} as ${who} on ${surface} with ${preview(input)}`;
    expect(took, `${what} took ${took} ms`).toBeLessThan(5000);
    expect(typeof r?.ok, what).toBe('boolean');
    if (!r.ok) expect(r.error.code, `${what}: ${r.error.message}`).not.toBe('INTERNAL');
    const before = last;
    last = await fingerprint();
    if (!r.ok) expect(last, `${what} was refused (${r.error.code}) but changed the database`).toBe(before);
  }

  const admittedCallers = (channel: Channel): { who: Audience; surface: Surface }[] =>
    SURFACES.flatMap((surface) => CALLERS.filter((who) => contract[channel].surfaces.includes(surface) && (contract[channel].audience.includes('public') || contract[channel].audience.includes(who))).map((who) => ({ who, surface })));

  it.each(CHANNELS)('%s', async (channel) => {
    const sample = samples[channel];
    const admitted = admittedCallers(channel);
    // The strongest admitted caller reaches the deepest code: every field of a valid input, poisoned.
    const main = admitted.find((c) => c.who === 'admin' && c.surface === 'workstation') ?? admitted[admitted.length - 1];
    if (main) {
      for (const at of paths(sample)) for (const bad of HOSTILE) await probe(channel, main.who, main.surface, replaced(sample, at, bad));
      await probe(channel, main.who, main.surface, { ...(sample as object), unexpected: 'field' });
      // Hostile call envelopes: a request id that is not one, or a foreign object.
      await probe(channel, main.who, main.surface, sample, { requestId: '\u0000' });
      await probe(channel, main.who, main.surface, sample, { requestId: 12, extra: true });
    }
    // Random structures, from every caller on every surface (refused ones must refuse cleanly too).
    const everyone = SURFACES.flatMap((surface) => CALLERS.map((who) => ({ who, surface })));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...everyone), fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true, withTypedArray: true, withSparseArray: true, stringUnit: 'binary', maxDepth: 3 }), async (c, input) => {
        await probe(channel, c.who, c.surface, input);
      }),
      { numRuns: 24 * SCALE, endOnFailure: true },
    );
  });
});
