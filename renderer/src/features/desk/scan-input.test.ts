import { describe, expect, it } from 'vitest';
import { makeTicketCode, TICKET_ALPHABET } from '../../../../shared/tickets';
import { classifyInput, doubleScanGuard, moveHighlight, searchTerm } from './scan-input';

const code = makeTicketCode(() => 3);
/** The same code with its last symbol replaced: a typo the check symbol catches. */
const typo = code.slice(0, 7) + TICKET_ALPHABET[(TICKET_ALPHABET.indexOf(code[7]!) + 1) % TICKET_ALPHABET.length];

describe('classifyInput', () => {
  it('takes a valid code as a scan, with or without the dash, in any case', () => {
    expect(classifyInput(code)).toEqual({ kind: 'code', code });
    expect(classifyInput(`${code.slice(0, 4)}-${code.slice(4)}`)).toEqual({ kind: 'code', code });
    expect(classifyInput(` ${code.slice(0, 4).toLowerCase()}-${code.slice(4).toLowerCase()} `)).toEqual({ kind: 'code', code });
  });

  it('says a code-shaped input with a wrong check symbol is a typo, without asking anyone', () => {
    expect(classifyInput(typo)).toEqual({ kind: 'typo', code: typo });
    // A look-alike symbol that codes never use (O for 0) is a typo too.
    expect(classifyInput('ABCD-EFGO').kind).toBe('typo');
  });

  it('reads names, emails, phones and part of a code as a search', () => {
    expect(classifyInput('margaret')).toEqual({ kind: 'search', q: 'margaret' });
    expect(classifyInput('ann@example.com')).toEqual({ kind: 'search', q: 'ann@example.com' });
    expect(classifyInput('+44 20 7946 0000')).toEqual({ kind: 'search', q: '+44 20 7946 0000' });
    expect(classifyInput(code.slice(0, 5))).toEqual({ kind: 'search', q: code.slice(0, 5) });
    expect(classifyInput('   ')).toEqual({ kind: 'empty' });
  });

  it('does not search for what is already a whole code, nor for one letter', () => {
    expect(searchTerm(code)).toBeNull();
    expect(searchTerm('a')).toBeNull();
    expect(searchTerm('an')).toBe('an');
  });
});

describe('doubleScanGuard', () => {
  it('ignores the same code within 3 seconds, and takes it again after', () => {
    const g = doubleScanGuard();
    expect(g.isRepeat(code, 1000)).toBe(false);
    expect(g.isRepeat(code, 1200)).toBe(true);
    expect(g.isRepeat(code, 3999)).toBe(true);
    expect(g.isRepeat(code, 4000)).toBe(false);
  });

  it('never holds back a different code', () => {
    const g = doubleScanGuard();
    expect(g.isRepeat('AAAAAAAA', 0)).toBe(false);
    expect(g.isRepeat('BBBBBBBB', 10)).toBe(false);
  });
});

describe('moveHighlight', () => {
  it('moves through the list and stays inside it', () => {
    expect(moveHighlight(-1, 'ArrowDown', 3)).toBe(0);
    expect(moveHighlight(2, 'ArrowDown', 3)).toBe(2);
    expect(moveHighlight(1, 'ArrowUp', 3)).toBe(0);
    expect(moveHighlight(0, 'ArrowUp', 3)).toBe(0);
    expect(moveHighlight(0, 'ArrowDown', 0)).toBe(-1);
  });
});
