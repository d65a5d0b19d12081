/**
 * Runs Electronegativity (Doyensec's Electron security checks) on the sources (electron/) and on
 * the build (out/: main, preload and the renderer's HTML with its CSP), and fails on any finding
 * that security/electronegativity-accepted.json does not accept with a reason.
 *
 * Offline on purpose: its AVAILABLE_SECURITY_FIXES check asks the network which Electron releases
 * exist (the pinned version is upgraded deliberately, see electron-targets.ts), and at start-up it
 * fetches updated translations of its own messages; both are cut off here, so no scan ever leaves
 * the machine.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { compareFindings, type Accepted, type Finding } from './electronegativity-findings';

const root = resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const ELECTRON_VERSION = (JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;

// Its only network client: answer "unreachable" at once instead of trying.
const fromScanner = createRequire(require.resolve('@doyensec/electronegativity'));
const gotPath = fromScanner.resolve('got');
const offline = Object.assign(() => Promise.reject(new Error('offline: Electronegativity is run without network')), { __esModule: true });
Object.assign(offline, { default: offline });
require.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: offline } as unknown as NodeModule;

interface RawIssue {
  file: string;
  id: string;
  severity: { name: string };
  sample?: string;
  location: { line: number };
}
type Run = (options: Record<string, unknown>) => Promise<{ errors: { file: string; message: string; tolerable: boolean }[]; issues: RawIssue[] }>;
const scanner = require('@doyensec/electronegativity') as Run | { default: Run };
const run: Run = typeof scanner === 'function' ? scanner : scanner.default;

/**
 * The build as Electronegativity reads it: main, preload and the renderer's HTML (its CSP). The
 * renderer's bundled JavaScript is left out: it is web content without any Electron API (the
 * sandboxed page sees only window.api), and the scanner's tree walker cannot read the modern class
 * syntax of its libraries (private fields) — it stops with "Unknown node type" instead of scanning.
 */
function stagedBuild(): string {
  const out = join(root, 'out');
  if (!existsSync(out)) throw new Error('out/ does not exist: run `npm run build` first.');
  const staged = mkdtempSync(join(tmpdir(), 'wb-electronegativity-'));
  cpSync(join(out, 'main'), join(staged, 'main'), { recursive: true });
  cpSync(join(out, 'preload'), join(staged, 'preload'), { recursive: true });
  cpSync(join(out, 'renderer/index.html'), join(staged, 'renderer/index.html'));
  return staged;
}

async function scan(folder: string, input = join(root, folder)): Promise<Finding[]> {
  if (!existsSync(input)) throw new Error(`${folder}/ does not exist.`);
  // Its progress messages go to console.log; keep the step's output to the verdict.
  const log = console.log;
  console.log = () => undefined;
  try {
    const result = await run({ input, isRelative: true, electronVersionOverride: ELECTRON_VERSION, excludeFromScan: ['AvailableSecurityFixesGlobalCheck'], customScan: [], parserPlugins: [] });
    const broken = result.errors.filter((e) => !e.tolerable);
    if (broken.length) throw new Error(`Electronegativity could not parse: ${broken.map((e) => `${folder}/${e.file}: ${e.message}`).join('; ')}`);
    return result.issues.map((i) => ({ scan: folder, file: i.file, id: i.id, severity: i.severity.name, sample: i.sample ?? null, line: i.location.line }));
  } finally {
    console.log = log;
  }
}

const acceptedFile = join(root, 'security/electronegativity-accepted.json');
const accepted = (JSON.parse(readFileSync(acceptedFile, 'utf8')) as { accepted: Accepted[] }).accepted;
const staged = stagedBuild();
let findings: Finding[];
try {
  findings = [...(await scan('electron')), ...(await scan('out', staged))];
} finally {
  rmSync(staged, { recursive: true, force: true });
}
const { unexplained, stale } = compareFindings(findings, accepted);

console.log(`Electronegativity (Electron ${ELECTRON_VERSION}): ${findings.length} findings in electron/ and out/, ${findings.length - unexplained.length} accepted with a reason.`);
for (const f of unexplained) console.error(`NEW ${f.severity} ${f.id} in ${f.scan}/${f.file}:${f.line}${f.sample ? ` — ${f.sample}` : ''}`);
for (const a of stale) console.error(`STALE accepted entry ${a.id} in ${a.scan}/${a.file}: ${a.reason.trim() ? 'no longer found, remove it' : 'has no reason'}`);
if (unexplained.length || stale.length) {
  console.error(`Fix each new finding, or accept it in ${acceptedFile.slice(root.length + 1)} with the reason it is safe.`);
  process.exit(1);
}
