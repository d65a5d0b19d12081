import { describe, expect, it } from 'vitest';
import { formatTicketCode, isValidTicketCode, makeTicketCode, TICKET_ALPHABET } from './tickets';

describe('ticket codes', () => {
  const codes = Array.from({ length: 5000 }, () => makeTicketCode((n) => Math.floor(Math.random() * n)));

  it('are 8 unambiguous symbols and valid', () => {
    for (const c of codes) {
      expect(c).toMatch(/^[23456789ABCDEFGHJKMNPQRTWXYZ]{8}$/);
      expect(isValidTicketCode(c)).toBe(true);
    }
    expect(TICKET_ALPHABET).not.toMatch(/[01OILUVS]/);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('accept what people type: lower case, spaces, the printed dash', () => {
    const c = codes[0]!;
    expect(isValidTicketCode(formatTicketCode(c).toLowerCase())).toBe(true);
    expect(isValidTicketCode(` ${c.slice(0, 4)} ${c.slice(4)} `)).toBe(true);
  });

  it('catch every single-symbol typo', () => {
    for (const c of codes.slice(0, 200)) {
      for (let i = 0; i < 8; i++) {
        for (const s of TICKET_ALPHABET) {
          if (s === c[i]) continue;
          expect(isValidTicketCode(c.slice(0, i) + s + c.slice(i + 1)), `${c} with ${s} at ${i}`).toBe(false);
        }
      }
    }
  });

  it('catch almost every swap of two neighbouring symbols', () => {
    let swaps = 0;
    let caught = 0;
    for (const c of codes) {
      for (let i = 0; i < 7; i++) {
        if (c[i] === c[i + 1]) continue;
        swaps++;
        if (!isValidTicketCode(c.slice(0, i) + c[i + 1] + c[i] + c.slice(i + 2))) caught++;
      }
    }
    expect(caught / swaps).toBeGreaterThan(0.95);
  });

  it('refuse the wrong length and foreign symbols', () => {
    expect(isValidTicketCode('ABC')).toBe(false);
    expect(isValidTicketCode('0OIL1UV2')).toBe(false);
  });
});
