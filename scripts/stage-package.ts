// Packs the app the way `npm run dist` does — electron-vite build, then electron-builder with
// electron-builder.yml — but into a folder ("dir" target) and around a stand-in for Electron's
// runtime: electron-builder would download Electron's zip, which machines without internet (CI
// here) cannot. Everything that is the app's own — app.asar, app.asar.unpacked, the dependencies
// chosen for it — comes out exactly as it would in an installer.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Arch, build, Platform } from 'electron-builder';

export interface StagedPackage {
  /** The unpacked app folder: the stand-in executable, resources/ */
  appOutDir: string;
  resourcesDir: string;
  asarPath: string;
  unpackedDir: string;
  /** What this check cannot do without Electron's real runtime, in words for the test log. */
  skipped: string[];
}

export const skippedWithoutRealElectron = [
  'Electron fuses (electronFuses): flipping them rewrites the real Electron binary',
  'code signing and notarisation (macOS, Windows): they sign the real binaries, with certificates',
  'the installers (AppImage, deb, NSIS, dmg): each wraps this same folder around the real runtime',
  'starting the packaged app: that needs the real runtime',
];

/** A folder shaped like an unpacked Electron distribution for Linux, with nothing real in it. */
function standInElectron(dir: string): string {
  mkdirSync(join(dir, 'resources'), { recursive: true });
  writeFileSync(join(dir, 'electron'), '#!/bin/sh\necho "stand-in for Electron: this package was staged for inspection only" >&2\nexit 1\n');
  chmodSync(join(dir, 'electron'), 0o755);
  return dir;
}

export async function stagePackage(projectDir: string, workDir: string): Promise<StagedPackage> {
  const electronVite = join(projectDir, 'node_modules/electron-vite/bin/electron-vite.js');
  const compiled = spawnSync(process.execPath, [electronVite, 'build'], { cwd: projectDir, encoding: 'utf8' });
  if (compiled.status !== 0) throw new Error(`electron-vite build failed:\n${compiled.stdout}\n${compiled.stderr}`);
  // The rest of `npm run build`: the empty database a new station starts from.
  const tsx = join(projectDir, 'node_modules/tsx/dist/cli.mjs');
  const emptyDb = spawnSync(process.execPath, [tsx, 'scripts/build-empty-database.ts'], { cwd: projectDir, encoding: 'utf8' });
  if (emptyDb.status !== 0) throw new Error(`building the empty database failed:\n${emptyDb.stdout}\n${emptyDb.stderr}`);

  const outputDir = join(workDir, 'release');
  const arch = process.arch === 'arm64' ? Arch.arm64 : Arch.x64;
  await build({
    projectDir,
    targets: Platform.LINUX.createTarget('dir', arch),
    publish: 'never',
    // Merged over electron-builder.yml; everything else comes from it unchanged.
    config: {
      electronDist: standInElectron(join(workDir, 'electron-stand-in')),
      // A stand-in has no fuse wire to flip: the real binary is needed (listed as skipped).
      electronFuses: null,
      directories: { output: outputDir },
    },
  });

  const folder = readdirSync(outputDir).find((name) => name.startsWith('linux') && name.endsWith('-unpacked'));
  if (!folder) throw new Error(`electron-builder left no linux*-unpacked folder in ${outputDir}`);
  const appOutDir = join(outputDir, folder);
  const resourcesDir = join(appOutDir, 'resources');
  return {
    appOutDir,
    resourcesDir,
    asarPath: join(resourcesDir, 'app.asar'),
    unpackedDir: join(resourcesDir, 'app.asar.unpacked'),
    skipped: skippedWithoutRealElectron,
  };
}
