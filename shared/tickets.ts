/**
 * Ticket codes: 7 random symbols + 1 check symbol, shown as "ABCD-EFGH", from an alphabet without
 * look-alikes (no 0/O, 1/I/L, U/V, 5/S). The check symbol (Luhn mod N) catches every single-symbol typo
 * and almost every swap of two neighbours. 28^7 ≈ 13 billion codes; uniqueness is the database's job.
 */
// 28 symbols: Luhn mod N needs an even N for its doubling step to be a permutation.
export const TICKET_ALPHABET = '23456789ABCDEFGHJKMNPQRTWXYZ';
const ALPHABET = TICKET_ALPHABET;
const N = ALPHABET.length;

function checkSymbol(body: string): string {
  // Luhn mod N, computed from the right; the check symbol is appended.
  let factor = 2;
  let sum = 0;
  for (let i = body.length - 1; i >= 0; i--) {
    let addend = factor * ALPHABET.indexOf(body[i]!);
    factor = factor === 2 ? 1 : 2;
    addend = Math.floor(addend / N) + (addend % N);
    sum += addend;
  }
  return ALPHABET[(N - (sum % N)) % N]!;
}

/** `random(n)` returns an integer in [0, n): crypto-backed in the main process. */
export function makeTicketCode(random: (n: number) => number): string {
  let body = '';
  for (let i = 0; i < 7; i++) body += ALPHABET[random(N)];
  return body + checkSymbol(body);
}

/** What a person typed or a scanner read, as stored: upper case, no spaces or dashes. */
export const normaliseTicketCode = (typed: string): string => typed.toUpperCase().replace(/[\s-]/g, '');

export function isValidTicketCode(typed: string): boolean {
  const code = normaliseTicketCode(typed);
  if (code.length !== 8 || [...code].some((c) => !ALPHABET.includes(c))) return false;
  return checkSymbol(code.slice(0, 7)) === code[7];
}

export const formatTicketCode = (code: string): string => `${code.slice(0, 4)}-${code.slice(4)}`;
