import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, contract, type Channel } from '../../shared/ipc/contract';
import { formatTicketCode } from '../../shared/tickets';
import { category, publishedWorkshop, startingIn } from '../../test/catalogue';
import { createTestCore, setupAdmin, STRONG_PASSWORD, testDatabaseKinds, type TestCore } from '../../test/test-core';

/**
 * Every channel the kiosk admits, with the personal data it may return there. Written down on
 * purpose: a channel opened to the kiosk tomorrow fails the first test until someone has decided
 * what it may show a stranger.
 */
const KIOSK_PERSONAL_DATA: Record<string, string> = {
  'app:status': 'none',
  'auth:session': "the signed-in visitor's own account",
  'auth:signIn': "the signed-in visitor's own account",
  'auth:signUp': "the new visitor's own account",
  'auth:signOut': 'none',
  'auth:changePassword': "the signed-in visitor's own account",
  'auth:sessions': "the signed-in visitor's own stations",
  'auth:signOutOthers': 'a count',
  'workshops:search': 'none (published workshops)',
  'workshops:get': 'none (a published workshop)',
  'workshops:filterOptions': 'none',
  'registrations:register': "the signed-in visitor's own registration and ticket",
  'registrations:mine': "the signed-in visitor's own registrations and tickets",
  'registrations:cancel': "the signed-in visitor's own registration",
  'kiosk:status': 'none',
  'kiosk:checkIn': "the ticket holder's first name, for a complete valid code",
  'kiosk:register': "the visitor's first name and the ticket just made for them",
  'kiosk:exit': 'none',
};

const VICTIM = { name: 'Victoria Quartermaine', email: 'victoria.q@example.com', phone: '+44 20 7946 0999', accountEmail: 'victoria.account@example.com' };

describe.each(testDatabaseKinds())('what the kiosk shows of other people on %s', (kind) => {
  let t: TestCore;
  let victimCodes: string[];
  let inputs: Record<string, unknown>;
  let visitors = 0;

  beforeAll(async () => {
    t = await createTestCore(kind);
    await setupAdmin(t);
    const cat = await category(t, 'Baking');
    const w = await publishedWorkshop(t, cat, { ...startingIn(t, 20), priceMinor: 0, capacity: 20, title: 'Sourdough basics' });
    const guestReg = await t.must('admin', 'registrations:registerPerson', { workshopId: w.id, name: VICTIM.name, email: VICTIM.email, phone: VICTIM.phone });
    // The victim also has an account with a registration of its own.
    await t.must('admin', 'users:create', { name: VICTIM.name, email: VICTIM.accountEmail, role: 'attendee', password: STRONG_PASSWORD, mustChangePassword: false });
    await t.must('victim', 'auth:signIn', { email: VICTIM.accountEmail, password: STRONG_PASSWORD });
    const other = await publishedWorkshop(t, cat, { priceMinor: 0, title: 'Rye' });
    const accountReg = await t.must('victim', 'registrations:register', { workshopId: other.id });
    victimCodes = [guestReg.ticketCode!, accountReg.ticketCode!];
    inputs = {
      'app:status': {},
      'auth:session': {},
      'auth:signIn': { email: VICTIM.accountEmail, password: 'not the right password' },
      'auth:signUp': { name: 'Newcomer Person', email: 'newcomer@example.com', password: 'a fresh long passphrase' },
      'auth:signOut': {},
      'auth:changePassword': { currentPassword: STRONG_PASSWORD, newPassword: 'another long passphrase here' },
      'auth:sessions': {},
      'auth:signOutOthers': {},
      'workshops:search': { q: 'sourdough' },
      'workshops:get': { id: w.id },
      'workshops:filterOptions': {},
      'registrations:register': { workshopId: w.id },
      'registrations:mine': {},
      'registrations:cancel': { id: guestReg.id, reason: '' },
      'kiosk:status': {},
      'kiosk:checkIn': { ticketCode: guestReg.ticketCode! },
      'kiosk:register': { workshopId: w.id, guest: { name: 'Kim Guest', email: VICTIM.email } },
      'kiosk:exit': { email: VICTIM.accountEmail, password: STRONG_PASSWORD },
    };
  });
  afterAll(() => t.close());

  it('lists every kiosk-admitted channel of the contract with the personal data it may return', () => {
    const admitted = CHANNELS.filter((c) => contract[c].surfaces.includes('kiosk'));
    expect(Object.keys(KIOSK_PERSONAL_DATA).sort()).toEqual([...admitted].sort());
  });

  const leaks = (answer: unknown): string[] => {
    const text = JSON.stringify(answer);
    const secrets = [VICTIM.email, VICTIM.accountEmail, VICTIM.phone, 'Quartermaine', ...victimCodes, ...victimCodes.map(formatTicketCode)];
    return secrets.filter((s) => text.toLowerCase().includes(s.toLowerCase()));
  };

  it.each(Object.keys(KIOSK_PERSONAL_DATA))('%s returns no other person\'s email, phone, surname or ticket code', async (channel) => {
    // As a stranger, and as a visitor signed in with an account of their own.
    const anon = `anon-${visitors++}`;
    const visitor = `visitor-${visitors++}`;
    const email = `${visitor}@example.com`;
    await t.must('admin', 'users:create', { name: 'Kiosk Visitor', email, role: 'attendee', password: STRONG_PASSWORD, mustChangePassword: false });
    await t.must(visitor, 'auth:signIn', { email, password: STRONG_PASSWORD }, 'kiosk');
    for (const clientId of [anon, visitor]) {
      const answer = await t.call(clientId, channel as Channel, inputs[channel] as never, 'kiosk');
      expect(answer.ok || answer.error.code, `${channel} as ${clientId}`).not.toBe('INTERNAL');
      expect(leaks(answer), `${channel} as ${clientId}: ${JSON.stringify(answer)}`).toEqual([]);
    }
  });

  it('shows the holder of a complete valid code their first name only', async () => {
    const answer = await t.must('someone', 'kiosk:checkIn', { ticketCode: victimCodes[1]! }, 'kiosk');
    expect(answer.firstName).toBe('Victoria');
    expect(leaks(answer)).toEqual([]);
  });
});
