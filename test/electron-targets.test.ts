// What main, preload and renderer are compiled for must be the Electron the app runs on: built for
// an older runtime the code is only slower, built for a newer one it can fail to load at all.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import config from '../electron.vite.config';
import { mainProcessTarget, pinnedElectron, rendererTarget } from '../electron-targets';

const projectDir = resolve(import.meta.dirname, '..');
const readJson = <T>(path: string) => JSON.parse(readFileSync(join(projectDir, path), 'utf8')) as T;

describe('build targets', () => {
  it('are set for the Electron that package.json pins and npm installed', () => {
    const pkg = readJson<{ devDependencies: Record<string, string> }>('package.json');
    const installed = readJson<{ version: string }>('node_modules/electron/package.json');
    expect(pkg.devDependencies.electron).toBe(pinnedElectron.version);
    expect(installed.version).toBe(pinnedElectron.version);
  });

  it('are what electron.vite.config.ts hands to main, preload and renderer', () => {
    const userConfig = config as { main: { build: { target: string } }; preload: { build: { target: string } }; renderer: { build: { target: string } } };
    expect(userConfig.main.build.target).toBe(mainProcessTarget);
    expect(userConfig.preload.build.target).toBe(mainProcessTarget);
    expect(userConfig.renderer.build.target).toBe(rendererTarget);
    expect(mainProcessTarget).toMatch(/^node\d+\.\d+$/);
    expect(rendererTarget).toMatch(/^chrome\d+$/);
  });

  // Needs Electron's runtime (not installed on CI here: nothing may download it there).
  const pathFile = join(projectDir, 'node_modules/electron/path.txt');
  const executable = existsSync(pathFile) ? join(projectDir, 'node_modules/electron/dist', readFileSync(pathFile, 'utf8').trim()) : null;
  if (executable && existsSync(executable)) {
    it("match the Node and Chrome inside the installed Electron runtime", () => {
      const probe = spawnSync(executable, ['-p', 'JSON.stringify(process.versions)'], {
        env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
        encoding: 'utf8',
      });
      expect(probe.status, probe.stderr).toBe(0);
      const versions = JSON.parse(probe.stdout) as { node: string; chrome: string; electron: string };
      expect(versions.electron).toBe(pinnedElectron.version);
      expect(versions.chrome.split('.')[0]).toBe(pinnedElectron.chrome);
      const [major, minor] = versions.node.split('.').map(Number) as [number, number];
      const [targetMajor, targetMinor] = pinnedElectron.node.split('.').map(Number) as [number, number];
      expect(major).toBe(targetMajor);
      expect(minor).toBeGreaterThanOrEqual(targetMinor);
    });
  } else {
    console.log('build targets: not compared with the real runtime (Electron\'s binary is not installed here; `npx install-electron` fetches it)');
  }
});
