import { describe, expect, it } from 'vitest';
import { setupAdmin, testDatabaseKinds, useTestCore } from '../../test/test-core';

/** The audit page's filters and paging, over entries written straight into the log. */
describe.each(testDatabaseKinds())('audit log filters on %s', (kind) => {
  const t = useTestCore(kind, async (core) => {
    await setupAdmin(core);
    const rows = Array.from({ length: 30 }, (_, i) => ({
      // Every 2 hours from 2026-11-02 19:00 UTC; the 3rd in Berlin runs from 23:00 UTC on the 2nd.
      at: new Date(Date.parse('2026-11-02T19:00:00Z') + i * 2 * 3600_000),
      actor_id: null,
      actor_email: i % 3 === 0 ? 'ann.lee@example.com' : 'bo@example.com',
      station: i % 2 === 0 ? 'Front desk 1' : 'Office',
      action: i % 5 === 0 ? 'payment.refund' : 'registration.confirm',
      entity_type: 'registration',
      entity_id: `r-${i}`,
      before: null,
      after: null,
    }));
    await core.core.ctx.db.insertInto('audit_log').values(rows).execute();
  });

  it('filters by who, station, action and days in the viewer zone, and pages with the same filters', async () => {
    const ids = async (input: Record<string, unknown>) => (await t.must('admin', 'audit:list', { limit: 100, ...input })).map((e) => e.entityId);
    expect(await ids({ actor: 'ANN.LEE' })).toHaveLength(10);
    expect(await ids({ station: 'Office', action: 'payment.refund' })).toEqual(['r-25', 'r-15', 'r-5']);
    // The 3rd of November in Berlin: 23:00 UTC on the 2nd (r-2) up to 21:00 UTC on the 3rd (r-13).
    const third = await ids({ from: '2026-11-03', to: '2026-11-03', timeZone: 'Europe/Berlin' });
    expect(third).toEqual(Array.from({ length: 12 }, (_, i) => `r-${13 - i}`));
    // The 3rd in UTC is an hour later: 01:00 (r-3) to 23:00 (r-14).
    expect(await ids({ from: '2026-11-03', to: '2026-11-03' })).toEqual(Array.from({ length: 12 }, (_, i) => `r-${14 - i}`));
    // Pages of 4 through the Office entries, newest first, nothing twice or lost.
    const seen: string[] = [];
    let beforeId: string | undefined;
    for (;;) {
      const page = await t.must('admin', 'audit:list', { station: 'Office', limit: 4, beforeId });
      seen.push(...page.map((e) => e.entityId!));
      if (page.length < 4) break;
      beforeId = page.at(-1)!.id;
    }
    expect(seen).toEqual(Array.from({ length: 15 }, (_, i) => `r-${29 - 2 * i}`));
  });
});
