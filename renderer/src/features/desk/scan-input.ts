import { isValidTicketCode, normaliseTicketCode } from '../../../../shared/tickets';

/** Scanners that send a code twice do it within this time; the second one is ignored. */
export const DOUBLE_SCAN_MS = 3000;

/**
 * What was in the desk's one field when Enter came:
 * - 'code': a full ticket code that passes its check symbol;
 * - 'typo': something shaped like a ticket code whose check symbol is wrong (said at once, no call);
 * - 'search': anything else (a name, an email, a phone number, part of a code);
 * - 'empty'.
 */
export type FieldInput = { kind: 'code'; code: string } | { kind: 'typo'; code: string } | { kind: 'search'; q: string } | { kind: 'empty' };

/**
 * A code is 8 symbols, printed "ABCD-EFGH" and scanned in capitals. An 8-letter name typed by hand
 * ("margaret") is a search, not a misspelt code: without a dash, a digit or all capitals it is read
 * as text.
 */
export function classifyInput(raw: string): FieldInput {
  const t = raw.trim();
  if (!t) return { kind: 'empty' };
  const code = normaliseTicketCode(t);
  const shaped = /^[A-Za-z0-9]{4}[-\s]?[A-Za-z0-9]{4}$/.test(t) && (/[-\s\d]/.test(t) || t === t.toUpperCase());
  if (!shaped) return { kind: 'search', q: t };
  return isValidTicketCode(code) ? { kind: 'code', code } : { kind: 'typo', code };
}

/** Whether a search is worth sending while the person types: not for what is already a whole code. */
export const searchTerm = (raw: string): string | null => {
  const input = classifyInput(raw);
  return input.kind === 'search' && input.q.length >= 2 ? input.q : null;
};

/** Remembers the codes scanned at this station, to ignore a scanner's double send. */
export function doubleScanGuard(windowMs = DOUBLE_SCAN_MS) {
  const seen = new Map<string, number>();
  return {
    /** True when this code was scanned less than `windowMs` ago (then it is ignored, not re-timed). */
    isRepeat(code: string, now: number): boolean {
      const at = seen.get(code);
      if (at !== undefined && now - at < windowMs) return true;
      seen.set(code, now);
      for (const [c, t] of seen) if (now - t >= windowMs) seen.delete(c);
      return false;
    },
  };
}

/** ↑/↓ through a list of matches, staying inside it; -1 is "none picked". */
export function moveHighlight(current: number, key: 'ArrowUp' | 'ArrowDown', count: number): number {
  if (count === 0) return -1;
  if (key === 'ArrowDown') return current < count - 1 ? current + 1 : current;
  return current > 0 ? current - 1 : 0;
}
