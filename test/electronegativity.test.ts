import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareFindings, type Accepted, type Finding } from '../scripts/electronegativity-findings';

// `npm run test:security` runs the scanner itself (it needs the build); this keeps its rule honest.
const window = (over: Partial<Finding> = {}): Finding => ({ scan: 'out', file: 'main/index.js', id: 'SANDBOX_JS_CHECK', severity: 'MEDIUM', sample: 'const win = new BrowserWindow({', line: 10, ...over });
const accept = (over: Partial<Accepted> = {}): Accepted => ({ scan: 'out', file: 'main/index.js', id: 'SANDBOX_JS_CHECK', sample: 'const win = new BrowserWindow({', count: 1, reason: 'checked elsewhere', ...over });

describe('accepted Electronegativity findings', () => {
  it('passes a finding accepted with a reason, wherever its line moved', () => {
    expect(compareFindings([window({ line: 99 })], [accept()])).toEqual({ unexplained: [], stale: [] });
  });

  it('fails a new finding, and one found more often than accepted', () => {
    const other = window({ id: 'NODE_INTEGRATION_JS_CHECK', severity: 'HIGH' });
    expect(compareFindings([window(), other], [accept()]).unexplained).toEqual([other]);
    expect(compareFindings([window(), window({ line: 20 })], [accept()]).unexplained).toEqual([window({ line: 20 })]);
  });

  it('fails an entry that is no longer found, or that gives no reason', () => {
    expect(compareFindings([], [accept()]).stale).toHaveLength(1);
    expect(compareFindings([window()], [accept({ reason: ' ' })]).stale).toHaveLength(1);
  });

  it('gives every checked-in entry a reason', () => {
    const { accepted } = JSON.parse(readFileSync(join(import.meta.dirname, '../security/electronegativity-accepted.json'), 'utf8')) as { accepted: Accepted[] };
    expect(accepted.length).toBeGreaterThan(0);
    for (const a of accepted) expect(a.reason.length, `${a.scan}/${a.file} ${a.id}`).toBeGreaterThan(40);
  });
});
