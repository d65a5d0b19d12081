// Electron 45 no longer downloads its runtime during `npm install`, and electron-vite 6 does not
// fetch it either: it reads node_modules/electron/path.txt and throws "Electron uninstall". So
// `npm start` and `npm run dev` run this check first, and fetch the runtime with Electron's own
// installer when it is missing.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface ElectronPackage {
  /** node_modules/electron */
  dir: string;
  version: string;
}

export type InstallOutcome = { ok: true } | { ok: false; reason: string };
/** Fetches the runtime into pkg.dir/dist (and writes pkg.dir/path.txt), as `install-electron` does. */
export type Installer = (pkg: ElectronPackage, env: NodeJS.ProcessEnv) => Promise<InstallOutcome>;

/** What to run once online: Electron's own installer, from node_modules/.bin (npx fetches nothing). */
export const FETCH_COMMAND = 'npx install-electron';

export function findElectronPackage(projectDir: string): ElectronPackage {
  const manifest = createRequire(join(projectDir, 'package.json')).resolve('electron/package.json');
  const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
  return { dir: dirname(manifest), version };
}

type RuntimeState = { kind: 'present' } | { kind: 'missing' } | { kind: 'bad-override'; path: string };

// Mirrors what electron-vite reads (ELECTRON_EXEC_PATH, else path.txt → dist/<path>) and what
// Electron's installer treats as installed (dist/version matches the package).
export function runtimeState(pkg: ElectronPackage, env: NodeJS.ProcessEnv): RuntimeState {
  const override = env.ELECTRON_EXEC_PATH;
  if (override) return existsSync(override) ? { kind: 'present' } : { kind: 'bad-override', path: override };
  const pathFile = join(pkg.dir, 'path.txt');
  if (!existsSync(pathFile)) return { kind: 'missing' };
  const executable = join(pkg.dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  const versionFile = join(pkg.dir, 'dist', 'version');
  if (!existsSync(executable) || !existsSync(versionFile)) return { kind: 'missing' };
  const installed = readFileSync(versionFile, 'utf8').trim().replace(/^v/, '');
  return installed === pkg.version ? { kind: 'present' } : { kind: 'missing' };
}

/**
 * Runs node_modules/electron/install.js (the `install-electron` bin) with its output captured:
 * on failure it prints a whole stack trace, and the user should get one sentence instead.
 */
export const electronInstaller: Installer = (pkg, env) =>
  new Promise((resolvePromise) => {
    const child = spawn(process.execPath, [join(pkg.dir, 'install.js')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (error) => resolvePromise({ ok: false, reason: error.message }));
    child.on('close', (code, signal) => {
      if (code === 0) resolvePromise({ ok: true });
      else resolvePromise({ ok: false, reason: failureReason(output) ?? `the installer exited with ${signal ?? `code ${code}`}` });
    });
  });

/** The error's own message from a printed stack ("TypeError: fetch failed" → "fetch failed"). */
export function failureReason(output: string): string | undefined {
  const lines = output.split(/\r?\n/).map((line) => line.trim()).filter((line) => line && !line.startsWith('at '));
  const errorLine = lines.find((line) => /^[\w.]*Error\b[^:]*: /.test(line));
  const line = errorLine ?? lines.at(-1);
  return line?.replace(/^[\w.]*Error\b[^:]*: /, '');
}

export interface EnsureOptions {
  pkg: ElectronPackage;
  env: NodeJS.ProcessEnv;
  install: Installer;
  say: (line: string) => void;
  complain: (line: string) => void;
}

/** Returns the process exit code: 0 when the runtime is (now) there, 1 with one sentence when not. */
export async function ensureElectronRuntime({ pkg, env, install, say, complain }: EnsureOptions): Promise<number> {
  const before = runtimeState(pkg, env);
  if (before.kind === 'present') return 0;
  if (before.kind === 'bad-override') {
    complain(`ELECTRON_EXEC_PATH points at ${before.path}, which does not exist: point it at an Electron ${pkg.version} executable, or unset it to use the one in node_modules/electron.`);
    return 1;
  }

  say(`Electron ${pkg.version}'s runtime is not installed yet: fetching it once with Electron's own installer (a download of roughly 100 MB)…`);
  const outcome = await install(pkg, env);
  const after = runtimeState(pkg, env);
  if (outcome.ok && after.kind === 'present') {
    say(`Electron ${pkg.version}'s runtime is installed.`);
    return 0;
  }
  const reason = outcome.ok ? 'the installer finished but left no runtime behind' : outcome.reason;
  complain(`Electron ${pkg.version}'s runtime is missing from node_modules/electron/dist and could not be downloaded (${reason}); once this machine is online, run \`${FETCH_COMMAND}\` to fetch it.`);
  return 1;
}
