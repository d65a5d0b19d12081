import { describe, expect, it } from 'vitest';
import { setupAdmin, signedIn, testDatabaseKinds, useTestCore } from '../../test/test-core';

describe.each(testDatabaseKinds())('station locale on %s', (kind) => {
  const t = useTestCore(kind, setupAdmin);

  it('follows the system until an admin chooses one; a rename of the station keeps it', async () => {
    expect((await t.must('anyone', 'app:status', {})).locale).toBeNull();
    expect(await t.must('admin', 'settings:setLocale', { locale: 'de-DE' })).toEqual({ locale: 'de-DE' });
    expect((await t.must('anyone', 'app:status', {})).locale).toBe('de-DE');
    await t.must('admin', 'settings:update', { stationName: 'Front desk 2', databaseUrl: null });
    expect(await t.must('anyone', 'app:status', {})).toMatchObject({ stationName: 'Front desk 2', locale: 'de-DE' });
    const [renamed, chosen] = await t.must('admin', 'audit:list', { entityType: 'station', limit: 2 });
    expect(renamed).toMatchObject({ action: 'settings.update' });
    expect(chosen).toMatchObject({ action: 'settings.locale', before: { locale: null }, after: { locale: 'de-DE' } });
    await t.must('admin', 'settings:setLocale', { locale: null });
    expect((await t.must('anyone', 'app:status', {})).locale).toBeNull();
  });

  it('refuses a locale that is not one, and anyone but an admin', async () => {
    expect(await t.call('admin', 'settings:setLocale', { locale: 'not a locale!' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { locale: [expect.any(String)] } } });
    await signedIn(t, 'staff', 'desk');
    expect(await t.call('desk', 'settings:setLocale', { locale: 'en-US' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
