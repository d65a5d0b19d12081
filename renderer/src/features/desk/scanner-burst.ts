/**
 * A USB scanner in keyboard mode types a whole code and Enter within a few hundred milliseconds;
 * people do not. Keys that follow each other this closely belong to one burst.
 */
export const SCANNER_KEY_GAP_MS = 100;

/** Tells the burst a scanner just typed from the keys around it (used outside the scan field). */
export function scannerBurst(maxGapMs = SCANNER_KEY_GAP_MS) {
  let text = '';
  let last = Number.NEGATIVE_INFINITY;
  return {
    /** A printable key at `at` ms. True when it starts a new burst. */
    key(char: string, at: number): boolean {
      const fresh = at - last > maxGapMs;
      if (fresh) text = '';
      text += char;
      last = at;
      return fresh;
    },
    /** Enter at `at` ms: what the burst before it typed, if Enter came as fast; then starts over. */
    enter(at: number): string | null {
      const typed = text && at - last <= maxGapMs ? text : null;
      text = '';
      last = Number.NEGATIVE_INFINITY;
      return typed;
    },
    /** Any other key (an arrow, Backspace): what came before is not a scan. */
    reset(): void {
      text = '';
      last = Number.NEGATIVE_INFINITY;
    },
  };
}
