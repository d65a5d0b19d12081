import { sql, type RawBuilder } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore, testDatabaseKinds, type TestCore } from '../../test/test-core';

// The indexes that find a person by account or by digits from the middle of a phone number leave out
// registrations without one (migration 0020). That only helps if the lookups the desk and "My
// registrations" send can still use them: the planner must see that the condition rules out an
// empty value, and must not prefer reading a whole index of phone numbers (the reason the
// phone-prefix index keeps its empty entries). Email and phone prefixes are checked beside them.
// Asserted on the plan, with sequential scans priced out so a small table does not hide a missing match.
describe.each(testDatabaseKinds())('person lookups on %s', (kind) => {
  let t: TestCore;
  beforeAll(async () => {
    t = await createTestCore(kind);
    // Enough people, with phones and emails, for the planner to weigh one index against another.
    const db = t.core.ctx.db;
    await sql`insert into category (id, name) values ('plan-cat', 'Plans')`.execute(db);
    await sql`insert into workshop (id, title, category_id, city, venue, starts_at, ends_at, time_zone, capacity, price_minor, currency, registration_mode, waitlist_enabled, status)
      values ('plan-w', 'Plans', 'plan-cat', 'Berlin', 'Hall', now() + interval '3 days', now() + interval '3 days 2 hours', 'Europe/Berlin', 5000, 0, 'EUR', 'automatic', false, 'published')`.execute(db);
    await sql`insert into registration (id, workshop_id, person_name, person_email, person_phone, status, requested_at, amount_due_minor, currency, payment_status, station)
      select 'plan-' || i, 'plan-w', 'Person ' || i, case when i % 3 > 0 then 'p' || i || '@example.com' end,
        case when i % 2 = 0 then '+49 30 ' || (1000000 + i * 7919 % 9000000) end, 'pending', now(), 0, 'EUR', 'not_required', 'plan'
      from generate_series(1, 4000) i`.execute(db);
    await sql`analyze registration`.execute(db);
  });
  afterAll(() => t.close());

  const plan = (where: RawBuilder<unknown>) =>
    t.core.ctx.db.transaction().execute(async (trx) => {
      await sql`set local enable_seqscan = off`.execute(trx);
      const r = await sql<{ 'QUERY PLAN': string }>`explain select r.id from registration r where ${where}`.execute(trx);
      return r.rows.map((row) => row['QUERY PLAN']).join('\n');
    });

  it('by account, email prefix and phone digits, from their indexes', async () => {
    expect(await plan(sql`r.user_id = ${'someone'}`)).toMatch(/registration_user_idx/);
    expect(await plan(sql`lower(r.person_email) like ${'ada@%'}`)).toMatch(/registration_email_prefix_idx/);
    expect(await plan(sql`r.person_phone_digits like ${'4420%'}`)).toMatch(/registration_phone_digits_idx/);
    expect(await plan(sql`r.person_phone_digits = ${'442079460018'}`)).toMatch(/registration_phone_digits_idx/);
    const trigram = await sql<{ n: number }>`select count(*)::int as n from pg_indexes where indexname = 'registration_phone_trgm_idx'`.execute(t.core.ctx.db);
    if (trigram.rows[0]!.n) expect(await plan(sql`r.person_phone_digits like ${'%7946%'}`)).toMatch(/registration_phone_trgm_idx/);
  });
});
