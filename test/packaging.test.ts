// What an installer made by `npm run dist` would carry, checked without Electron's real runtime
// (see scripts/stage-package.ts): the app starts only if its code, its production dependencies
// and the files bcrypt and PGlite load from disk are all inside the package, where Electron
// looks for them.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import asar from '@electron/asar';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stagePackage, type StagedPackage } from '../scripts/stage-package';
import { EMPTY_DATABASE_FILE } from '../electron/db/empty-database-file';

const projectDir = resolve(import.meta.dirname, '..');
/**
 * resources/app.asar + resources/app.asar.unpacked: the app's own share of an installer (measured:
 * ~39 MiB before exports; ~57 MiB with exceljs and pdfkit (their browser builds left out) and the packed empty database).
 */
const APP_SIZE_LIMIT_MIB = 60;

type Entry = { files: Record<string, Entry> } | { size: number; unpacked?: boolean } | { link: string };
interface ProjectManifest {
  main: string;
  type?: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}

const manifest = JSON.parse(readFileSync(join(projectDir, 'package.json'), 'utf8')) as ProjectManifest;
const lock = JSON.parse(readFileSync(join(projectDir, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { dev?: boolean; devOptional?: boolean; version?: string }>;
};

let workDir: string;
let staged: StagedPackage;
/** Every path in app.asar ("out/main/index.js", "node_modules/bcrypt", …) with its header entry. */
const entries = new Map<string, Entry>();

function walk(entry: Entry, prefix: string) {
  if (!('files' in entry)) return;
  for (const [name, child] of Object.entries(entry.files)) {
    const path = prefix ? `${prefix}/${name}` : name;
    entries.set(path, child);
    walk(child, path);
  }
}

const isFile = (path: string) => {
  const entry = entries.get(path);
  return entry !== undefined && 'size' in entry;
};

/** Specifiers the built main process imports or requires, read by TypeScript's own scanner. */
function importsOf(code: string): string[] {
  const { importedFiles } = ts.preProcessFile(code, true, true);
  return [...new Set(importedFiles.map((file) => file.fileName))];
}

function bareImportsOfMain(): string[] {
  const code = readFileSync(join(projectDir, 'out/main/index.js'), 'utf8');
  return importsOf(code).filter((spec) => !spec.startsWith('.') && !spec.startsWith('node:') && spec !== 'electron');
}

/** "node_modules/@scope/name/node_modules/x" for each package folder inside the archive. */
function packagedPackageFolders(): string[] {
  return [...entries.keys()].filter((path) => /(^|\/)node_modules\/(@[^/]+\/)?[^/@]+$/.test(path) && entries.get(path) && 'files' in entries.get(path)!);
}

function diskSize(path: string): number {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.size;
  return readdirSync(path).reduce((sum, name) => sum + diskSize(join(path, name)), 0);
}

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'package-check-'));
  staged = await stagePackage(projectDir, workDir);
  walk(asar.getRawHeader(staged.asarPath).header as Entry, '');
  console.log(`packaging check: staged ${relative(workDir, staged.appOutDir)} around a stand-in Electron; not checked here:\n  - ${staged.skipped.join('\n  - ')}`);
}, 180_000);

afterAll(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe('the packaged app', () => {
  it('carries the built main, preload and renderer, and nothing of the source tree', () => {
    expect(isFile('out/main/index.js')).toBe(true);
    expect(isFile('out/preload/index.cjs')).toBe(true);
    expect(isFile('out/renderer/index.html')).toBe(true);
    // A new station's first start loads it instead of running initdb (main.ts finds it beside out/main).
    expect(isFile(EMPTY_DATABASE_FILE)).toBe(true);
    const topLevel = [...entries.keys()].filter((path) => !path.includes('/')).sort();
    expect(topLevel).toEqual(['node_modules', 'out', 'package.json']);

    const outFiles = [...entries.keys()].filter((path) => path.startsWith('out/') && isFile(path));
    expect(outFiles.filter((path) => /\.(test|spec)\.|\.map$/.test(path))).toEqual([]);
  });

  it("loads every file the renderer's index.html asks for from inside the package", () => {
    const html = asar.extractFile(staged.asarPath, 'out/renderer/index.html').toString('utf8');
    const references = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]!).filter((ref) => !/^[a-z]+:|^#|^\/\//i.test(ref));
    expect(references.length).toBeGreaterThan(0);
    for (const ref of references) expect(isFile(posix.join('out/renderer', ref)), ref).toBe(true);
  });

  it("starts from package.json's main, an ES module as it was built", () => {
    const packed = JSON.parse(asar.extractFile(staged.asarPath, 'package.json').toString('utf8')) as ProjectManifest;
    expect(packed.main).toBe(manifest.main);
    expect(isFile(posix.normalize(packed.main))).toBe(true);
    expect(packed.type).toBe('module');
  });

  it('has a preload that requires nothing but electron (a sandboxed preload cannot)', () => {
    const preload = asar.extractFile(staged.asarPath, 'out/preload/index.cjs').toString('utf8');
    expect(importsOf(preload).filter((spec) => spec !== 'electron')).toEqual([]);
  });

  it('contains the production dependencies and none of the development ones', () => {
    const folders = packagedPackageFolders();
    const names = new Set(folders.map((path) => path.replace(/^.*node_modules\//, '')));
    for (const dependency of Object.keys(manifest.dependencies)) expect(names.has(dependency), dependency).toBe(true);
    const devOnly = Object.keys(manifest.devDependencies).filter((name) => !(name in manifest.dependencies));
    expect(devOnly.filter((name) => names.has(name))).toEqual([]);
    // Whatever came along transitively must be something production code depends on, per the lock file.
    // electron-builder hoists again (a nested exceljs/node_modules/unzipper can land at the top when
    // no production package needs another version there), so compare name and version, not the path.
    const production = new Set(Object.entries(lock.packages).filter(([path, p]) => path && p.dev !== true).map(([path, p]) => `${path.replace(/^.*node_modules\//, '')}@${p.version}`));
    const fromDevTree = folders.filter((path) => {
      const version = (JSON.parse(asar.extractFile(staged.asarPath, `${path}/package.json`).toString('utf8')) as { version?: string }).version;
      return !production.has(`${path.replace(/^.*node_modules\//, '')}@${version}`);
    });
    expect(fromDevTree).toEqual([]);
  });

  it('resolves every package the main process imports, from inside the package', () => {
    const imports = bareImportsOfMain();
    expect(imports).toEqual(expect.arrayContaining(['@electric-sql/pglite', 'bcrypt', 'kysely', 'better-auth']));
    for (const spec of imports) {
      const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
      expect(entries.has(`node_modules/${name}/package.json`), `${spec} (imported by out/main/index.js)`).toBe(true);
    }
  });

  it("keeps bcrypt's native binaries and PGlite's wasm and data bundles unpacked, beside the archive", () => {
    const bcryptBinaries = [...entries.keys()].filter((path) => path.startsWith('node_modules/bcrypt/prebuilds/') && path.endsWith('.node'));
    expect(bcryptBinaries).toContain('node_modules/bcrypt/prebuilds/linux-x64/bcrypt.glibc.node');
    expect(bcryptBinaries).toContain('node_modules/bcrypt/prebuilds/win32-x64/bcrypt.node');
    expect(bcryptBinaries).toContain('node_modules/bcrypt/prebuilds/darwin-arm64/bcrypt.node');

    // The extensions the app loads (e.g. pg_trgm for typo search) are bundles beside PGlite's own files.
    const extensions = bareImportsOfMain()
      .map((spec) => /^@electric-sql\/pglite\/contrib\/(\w+)$/.exec(spec)?.[1])
      .filter((name): name is string => Boolean(name));
    expect(extensions).toContain('pg_trgm');
    const pgliteFiles = ['pglite.wasm', 'initdb.wasm', 'pglite.data', ...extensions.map((name) => `${name}.tar.gz`)].map(
      (file) => `node_modules/@electric-sql/pglite/dist/${file}`,
    );

    for (const path of [...bcryptBinaries, ...pgliteFiles]) {
      const entry = entries.get(path);
      expect(entry && 'size' in entry && entry.unpacked, `${path} is marked unpacked in app.asar`).toBe(true);
      const onDisk = join(staged.unpackedDir, path);
      expect(existsSync(onDisk), `${path} is in app.asar.unpacked`).toBe(true);
      expect(statSync(onDisk).size).toBe((entry as { size: number }).size);
    }
  });

  it('hashes a password with the packaged bcrypt, opens the packaged PGlite with its extensions, writes a workbook and a PDF', () => {
    // Extracting merges app.asar.unpacked back in; the script then runs from the packaged
    // out/main, so every import resolves the way the packaged main process resolves it.
    const extracted = join(workDir, 'extracted');
    asar.extractAll(staged.asarPath, extracted);
    const probe = join(extracted, 'out/main/package-probe.mjs');
    writeFileSync(
      probe,
      `import { createRequire } from 'node:module';
       const resolved = JSON.parse(process.argv[2]).map((spec) => import.meta.resolve(spec));
       const bcrypt = createRequire(import.meta.url)('bcrypt');
       const hash = bcrypt.hashSync('a long enough passphrase', 4);
       const { PGlite } = await import('@electric-sql/pglite');
       const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
       const db = await PGlite.create({ extensions: { pg_trgm } });
       await db.exec('CREATE EXTENSION pg_trgm');
       const { rows } = await db.query("SELECT similarity('sourdough', 'sourdugh') > 0.3 AS close");
       await db.close();
       // The export libraries with what electron-builder.yml leaves out of them: a workbook and a PDF, in memory.
       const { default: ExcelJS } = await import('exceljs');
       const wb = new ExcelJS.Workbook();
       wb.addWorksheet('Check').addRow(['Ticket', new Date(), 12.5]);
       const xlsx = (await wb.xlsx.writeBuffer()).byteLength;
       const { default: PDFDocument } = await import('pdfkit');
       const pdf = await new Promise((done) => {
         const doc = new PDFDocument({ size: 'A4' });
         const parts = [];
         doc.on('data', (c) => parts.push(c));
         doc.on('end', () => done(Buffer.concat(parts).subarray(0, 5).toString()));
         doc.font('Helvetica-Bold').text('Sign-in sheet');
         doc.end();
       });
       console.log(JSON.stringify({ resolved, bcrypt: bcrypt.compareSync('a long enough passphrase', hash), trigram: rows[0].close, xlsx, pdf }));`,
    );
    const run = spawnSync(process.execPath, [probe, JSON.stringify(bareImportsOfMain())], { cwd: extracted, encoding: 'utf8', env: { ...process.env, NODE_PATH: '' } });
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as { resolved: string[]; bcrypt: boolean; trigram: boolean; xlsx: number; pdf: string };
    expect(result.bcrypt).toBe(true);
    expect(result.trigram).toBe(true);
    expect(result.xlsx).toBeGreaterThan(1000);
    expect(result.pdf).toBe('%PDF-');
    const inside = pathToFileURL(extracted).href + '/';
    expect(result.resolved.filter((url) => !url.startsWith(inside))).toEqual([]);
  }, 120_000);

  it(`stays under ${APP_SIZE_LIMIT_MIB} MiB (app.asar and app.asar.unpacked)`, () => {
    const bytes = diskSize(staged.asarPath) + diskSize(staged.unpackedDir);
    const mib = bytes / 1024 / 1024;
    console.log(`packaging check: app.asar + app.asar.unpacked = ${mib.toFixed(1)} MiB (limit ${APP_SIZE_LIMIT_MIB} MiB; Electron's own runtime comes on top)`);
    expect(mib).toBeLessThan(APP_SIZE_LIMIT_MIB);
  });
});
