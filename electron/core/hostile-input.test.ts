import { describe, expect, it } from 'vitest';
import { category, publishedWorkshop, workshopForm } from '../../test/catalogue';
import { setupAdmin, testDatabaseKinds, useTestCore } from '../../test/test-core';

const cursor = (c: unknown) => Buffer.from(JSON.stringify(c)).toString('base64url');

/**
 * The inputs that once reached the database and came back as INTERNAL, each now refused up front
 * with VALIDATION and a message beside the field that needs it (the fuzz test covers the rest).
 */
describe.each(testDatabaseKinds())('hostile input refused with a field message on %s', (kind) => {
  const t = useTestCore(kind, setupAdmin);

  it('a NUL character or a broken (lone surrogate) character in any text', async () => {
    const cat = await category(t, 'Arts');
    const w = await publishedWorkshop(t, cat);
    for (const bad of ['Ann\u0000', 'Ann\uD800', '\uDC00Ann']) {
      const r = await t.call('admin', 'registrations:registerPerson', { workshopId: w.id, name: bad });
      expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { name: [expect.stringMatching(/cannot be saved/)] } } });
    }
    expect(await t.call('public', 'workshops:search', { q: 'pot\u0000tery' }, 'kiosk')).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { q: [expect.any(String)] } } });
    expect(await t.call('admin', 'workshops:get', { id: '\u0000' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { id: [expect.any(String)] } } });
    // An emoji (a surrogate pair) is fine.
    expect(await t.call('admin', 'registrations:registerPerson', { workshopId: w.id, name: 'Ann 🎨' })).toMatchObject({ ok: true });
  });

  it('dates that have the right shape but do not exist', async () => {
    for (const bad of ['2024-02-30', '2024-13-45', '0000-01-01', '9999-12-31']) {
      expect(await t.call('public', 'workshops:search', { from: bad }), bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { from: [expect.stringMatching(/no such date/)] } } });
      expect(await t.call('admin', 'registrations:queue', { to: bad }), bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { to: [expect.stringMatching(/no such date/)] } } });
    }
    expect(await t.call('public', 'workshops:search', { from: '2024-02-29' })).toMatchObject({ ok: true });
  });

  it('an impossible local time in the editor instead of rolling it over to another day', async () => {
    const cat = await category(t, 'Arts');
    const r = await t.call('admin', 'workshops:create', { ...workshopForm(t, cat), startsLocal: '2031-02-30T10:00', endsLocal: '2031-03-01T12:00' });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { startsLocal: [expect.stringMatching(/no such start date or time/)] } } });
    const late = await t.call('admin', 'workshops:create', { ...workshopForm(t, cat), startsLocal: '2031-02-20T24:30' });
    expect(late).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { startsLocal: [expect.any(String)] } } });
  });

  it('numbers beyond what the columns hold', async () => {
    expect(await t.call('public', 'workshops:search', { priceMax: 2147483648 })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { priceMax: [expect.stringMatching(/at most/)] } } });
    expect(await t.call('admin', 'audit:list', { beforeId: '99999999999999999999' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { beforeId: [expect.any(String)] } } });
    expect(await t.call('admin', 'users:list', { offset: 1e12 })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { offset: [expect.any(String)] } } });
  });

  it('hand-made search cursors whose value does not fit their sort', async () => {
    const cat = await category(t, 'Arts');
    await publishedWorkshop(t, cat);
    for (const [sort, c] of [
      ['soonest', { s: 'soonest', v: 12345, id: 'x' }],
      ['soonest', { s: 'soonest', v: 'not a time', id: 'x' }],
      ['soonest', { s: 'soonest', v: '9999-01-01T00:00:00Z', id: 'x' }],
      ['price', { s: 'price', v: 'cheap', id: 'x' }],
      ['price', { s: 'price', v: 1e20, id: 'x' }],
      ['price', { s: 'price', v: 1.5, id: 'x' }],
      ['popular', { s: 'popular', v: 3, id: 'x\u0000' }],
      ['soonest', { s: 'bogus', v: '2026-01-01T00:00:00Z', id: 'x' }],
    ] as const) {
      const r = await t.call('public', 'workshops:search', { sort, after: cursor(c) });
      expect(r, JSON.stringify(c)).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { after: [expect.any(String)] } } });
    }
  });
});

/** Every list a caller can send, wherever it sits in a channel's input. */
type Schema = { _zod: { def: Record<string, unknown> & { type: string } } };
function unboundedLists(s: Schema | undefined, path: string, out: string[]): void {
  if (!s) return;
  const def = s._zod.def as Record<string, unknown> & { type: string };
  const inner = (k: string) => unboundedLists(def[k] as Schema | undefined, path, out);
  switch (def.type) {
    case 'array': {
      const checks = (def.checks ?? []) as { _zod: { def: { check: string } } }[];
      if (!checks.some((c) => c._zod.def.check === 'max_length' || c._zod.def.check === 'length_equals')) out.push(path);
      unboundedLists(def.element as Schema, `${path}[]`, out);
      break;
    }
    case 'object':
      for (const [k, v] of Object.entries(def.shape as Record<string, Schema>)) unboundedLists(v, `${path}.${k}`, out);
      break;
    case 'union':
      for (const o of def.options as Schema[]) unboundedLists(o, path, out);
      break;
    case 'record':
      out.push(`${path} (a record: any number of keys)`);
      break;
    case 'pipe':
      inner('in');
      break;
    default:
      inner('innerType');
  }
}

describe('lists in the input', () => {
  it('every list of every channel has a length limit, so no call can make the main process parse or the database bind without end', async () => {
    const { contract } = await import('../../shared/ipc/contract');
    const out: string[] = [];
    for (const [name, def] of Object.entries(contract)) unboundedLists(def.input as unknown as Schema, name, out);
    expect(out).toEqual([]);
  });
});

describe.each(testDatabaseKinds())('a long list of statuses on %s', (kind) => {
  const t = useTestCore(kind, setupAdmin);
  it('is refused at once with a field message, not sent to the database', async () => {
    const cat = await category(t, 'Arts');
    const w = await publishedWorkshop(t, cat);
    const many = Array.from({ length: 70_000 }, () => 'confirmed' as const);
    expect(await t.call('admin', 'registrations:forWorkshop', { workshopId: w.id, statuses: many })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { statuses: ['Choose at most 5 statuses.'] } } });
    expect(await t.call('admin', 'workshops:listForOrganisers', { statuses: Array.from({ length: 70_000 }, () => 'published' as const) })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { statuses: [expect.stringMatching(/^Choose at most \d statuses\.$/)] } } });
    expect(await t.call('admin', 'registrations:forWorkshop', { workshopId: w.id, statuses: ['confirmed', 'pending'] })).toMatchObject({ ok: true });
  });
});
