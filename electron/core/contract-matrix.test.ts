import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, contract } from '../../shared/ipc/contract';
import { SURFACES, type Audience, type Surface } from '../../shared/roles';
import { createTestCore, setupAdmin, signedIn, testDatabaseKinds, type TestCore } from '../../test/test-core';

// Walks EVERY channel of the contract with every caller kind on every surface. A channel added
// tomorrow is covered the day it is added: the loop reads the contract, not a list kept here.
const CALLERS: Audience[] = ['public', 'attendee', 'staff', 'admin'];

describe.each(testDatabaseKinds())('contract access matrix on %s', (kind) => {
  let t: TestCore;
  const clientFor = (who: Audience, surface: Surface) => `matrix-${who}-${surface}`;

  beforeAll(async () => {
    t = await createTestCore(kind);
    await setupAdmin(t);
    for (const surface of SURFACES) {
      for (const who of CALLERS) if (who !== 'public') await signedIn(t, who, clientFor(who, surface), surface);
    }
  });
  afterAll(() => t.close());

  const cases = CHANNELS.flatMap((channel) => SURFACES.flatMap((surface) => CALLERS.map((who) => ({ channel, surface, who }))));

  it.each(cases)('$channel as $who on $surface', async ({ channel, surface, who }) => {
    const def = contract[channel];
    const admitted = def.surfaces.includes(surface) && (def.audience.includes('public') || def.audience.includes(who));
    // The probe is not an object, so no channel can act on it: an admitted caller gets past every
    // access check and is stopped by the input check; anyone else is stopped before it.
    const r = await t.core.dispatch({ clientId: clientFor(who, surface), surface }, channel, 'probe', { requestId: randomUUID() });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    if (!admitted) expect(r.error.code).toBe(who === 'public' && def.surfaces.includes(surface) ? 'UNAUTHENTICATED' : 'FORBIDDEN');
    else expect(r.error).toMatchObject({ code: 'VALIDATION', fieldErrors: { _: [expect.any(String)] } });
  });
});

describe('contract rules', () => {
  it('keeps every organiser-only channel off the kiosk', () => {
    for (const [name, def] of Object.entries(contract)) {
      const organiserOnly = !def.audience.includes('public') && !def.audience.includes('attendee');
      if (organiserOnly) expect(def.surfaces, name).not.toContain('kiosk');
    }
  });

  it('names every channel domain:verb', () => {
    for (const name of CHANNELS) expect(name).toMatch(/^[a-z]+:[a-zA-Z]+$/);
  });
});
