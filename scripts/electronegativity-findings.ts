/**
 * Electronegativity's findings against the checked-in list of accepted ones
 * (security/electronegativity-accepted.json). Plain functions, so the rule "any finding nobody has
 * accepted fails the step" is itself tested (test/electronegativity.test.ts).
 */
export interface Finding {
  /** Which scanned folder: 'electron' (sources) or 'out' (the build). */
  scan: string;
  file: string;
  id: string;
  severity: string;
  /** The code the check flagged, when it names one; line numbers move with every edit, this does not. */
  sample: string | null;
  line: number;
}

export interface Accepted {
  scan: string;
  file: string;
  id: string;
  sample: string | null;
  /** How many such findings the reason covers: one more (another window, say) is new. */
  count: number;
  reason: string;
}

export interface Verdict {
  /** Found and not accepted, or found more often than accepted. */
  unexplained: Finding[];
  /** Accepted but no longer found: the list should shrink with the code. */
  stale: Accepted[];
}

const keyOf = (f: Pick<Finding, 'scan' | 'file' | 'id' | 'sample'>) => JSON.stringify([f.scan, f.file, f.id, f.sample]);

export function compareFindings(findings: Finding[], accepted: Accepted[]): Verdict {
  const allowance = new Map(accepted.map((a) => [keyOf(a), a.count]));
  const unexplained: Finding[] = [];
  for (const f of findings) {
    const left = allowance.get(keyOf(f)) ?? 0;
    if (left > 0) allowance.set(keyOf(f), left - 1);
    else unexplained.push(f);
  }
  const found = new Set(findings.map(keyOf));
  return { unexplained, stale: accepted.filter((a) => !found.has(keyOf(a)) || !a.reason.trim()) };
}
