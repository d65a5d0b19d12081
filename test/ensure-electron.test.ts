// The start-up check behind `npm start` / `npm run dev`: a fresh clone has no Electron runtime,
// and electron-vite cannot fetch one. The installer is always faked here: tests never download.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  electronInstaller,
  ensureElectronRuntime,
  FETCH_COMMAND,
  type ElectronPackage,
  type Installer,
} from '../scripts/electron-runtime';

const projectDir = resolve(import.meta.dirname, '..');

let pkg: ElectronPackage;
let said: string[];
let complained: string[];

beforeEach(() => {
  const dir = mkdtempSync(join(tmpdir(), 'ensure-electron-'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'electron', version: '45.4.1' }));
  pkg = { dir, version: '45.4.1' };
  said = [];
  complained = [];
});
afterEach(() => rmSync(pkg.dir, { recursive: true, force: true }));

/** What Electron's installer leaves behind: dist/<executable>, dist/version, path.txt. */
function putRuntime(dir: string, version: string) {
  mkdirSync(join(dir, 'dist'), { recursive: true });
  writeFileSync(join(dir, 'dist', 'electron'), '#!/bin/sh\n');
  chmodSync(join(dir, 'dist', 'electron'), 0o755);
  writeFileSync(join(dir, 'dist', 'version'), version);
  writeFileSync(join(dir, 'path.txt'), 'electron');
}

const run = (install: Installer, env: NodeJS.ProcessEnv = {}) =>
  ensureElectronRuntime({ pkg, env, install, say: (l) => said.push(l), complain: (l) => complained.push(l) });

const offline: Installer = async () => ({ ok: false, reason: 'fetch failed' });

describe('start-up check for the Electron runtime', () => {
  it('does nothing when the runtime is already installed', async () => {
    putRuntime(pkg.dir, '45.4.1');
    const install = vi.fn(offline);
    expect(await run(install)).toBe(0);
    expect(install).not.toHaveBeenCalled();
    expect([...said, ...complained]).toEqual([]);
  });

  it('fetches a missing runtime with the installer, says so, and lets the app start', async () => {
    const install = vi.fn<Installer>(async (target) => {
      putRuntime(target.dir, target.version);
      return { ok: true };
    });
    expect(await run(install)).toBe(0);
    expect(install).toHaveBeenCalledOnce();
    expect(said[0]).toMatch(/Electron 45\.4\.1's runtime is not installed yet: fetching it/);
    expect(said.at(-1)).toMatch(/runtime is installed/);
    expect(complained).toEqual([]);
    // electron-vite starts from path.txt → dist/<that path>.
    expect(existsSync(join(pkg.dir, 'dist', readFileSync(join(pkg.dir, 'path.txt'), 'utf8')))).toBe(true);
  });

  it('replaces a runtime left from another Electron version', async () => {
    putRuntime(pkg.dir, '44.0.0');
    const install = vi.fn<Installer>(async (target) => {
      putRuntime(target.dir, target.version);
      return { ok: true };
    });
    expect(await run(install)).toBe(0);
    expect(install).toHaveBeenCalledOnce();
  });

  it('offline: fails with one sentence naming what is missing and the command that fetches it', async () => {
    expect(await run(offline)).toBe(1);
    expect(complained).toHaveLength(1);
    const [sentence] = complained as [string];
    expect(sentence).toContain("Electron 45.4.1's runtime is missing from node_modules/electron/dist");
    expect(sentence).toContain('(fetch failed)');
    expect(sentence).toContain(`run \`${FETCH_COMMAND}\``);
    // One sentence: a single line with a single full stop, at its end.
    expect(sentence).not.toMatch(/\n/);
    expect(sentence.match(/\.(\s|$)/g)).toEqual(['.']);
  });

  it('does not claim success when the installer leaves no runtime behind', async () => {
    expect(await run(async () => ({ ok: true }))).toBe(1);
    expect(complained[0]).toMatch(/left no runtime behind/);
  });

  it('trusts ELECTRON_EXEC_PATH when it points at an executable, and never downloads over it', async () => {
    const executable = join(pkg.dir, 'custom-electron');
    writeFileSync(executable, '');
    const install = vi.fn(offline);
    expect(await run(install, { ELECTRON_EXEC_PATH: executable })).toBe(0);
    expect(await run(install, { ELECTRON_EXEC_PATH: join(pkg.dir, 'nowhere') })).toBe(1);
    expect(install).not.toHaveBeenCalled();
    expect(complained).toEqual([expect.stringMatching(/^ELECTRON_EXEC_PATH points at .*nowhere, which does not exist/)]);
  });
});

describe("Electron's installer, as the check runs it", () => {
  // A stand-in for node_modules/electron/install.js failing the way the real one does offline.
  it('turns the stack trace an offline install prints into the reason, and exits non-zero', async () => {
    writeFileSync(
      join(pkg.dir, 'install.js'),
      [
        "console.error('TypeError: fetch failed');",
        "console.error('    at node:internal/deps/undici/undici:14976:13');",
        "console.error('    at async FetchDownloader.download (file:///x/@electron/get/dist/FetchDownloader.js:46:30)');",
        'process.exit(1);',
      ].join('\n'),
    );
    expect(await run(electronInstaller)).toBe(1);
    expect(complained).toHaveLength(1);
    expect(complained[0]).toContain('(fetch failed)');
    expect(complained[0]).not.toMatch(/\bat |undici|FetchDownloader/);
  });

  it('succeeds when the installer puts the runtime in place', async () => {
    writeFileSync(
      join(pkg.dir, 'install.js'),
      `const fs = require('node:fs'); const path = require('node:path');
       fs.mkdirSync(path.join(__dirname, 'dist'));
       fs.writeFileSync(path.join(__dirname, 'dist', 'electron'), '');
       fs.writeFileSync(path.join(__dirname, 'dist', 'version'), 'v45.4.1');
       fs.writeFileSync(path.join(__dirname, 'path.txt'), 'electron');`,
    );
    expect(await run(electronInstaller)).toBe(0);
    expect(complained).toEqual([]);
  });

  it('is the installer the pinned Electron really ships, and start/dev run the check first', () => {
    const electronManifest = JSON.parse(readFileSync(join(projectDir, 'node_modules/electron/package.json'), 'utf8')) as { bin: Record<string, string> };
    expect(electronManifest.bin['install-electron']).toBe('install.js');
    expect(existsSync(join(projectDir, 'node_modules/electron/install.js'))).toBe(true);

    const { scripts } = JSON.parse(readFileSync(join(projectDir, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(scripts.start).toBe('tsx scripts/ensure-electron.ts && electron-vite preview');
    expect(scripts.dev).toBe('tsx scripts/ensure-electron.ts && electron-vite dev');
  });
});
