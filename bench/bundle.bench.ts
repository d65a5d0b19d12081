import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { round } from './stats';

const OUT = resolve(import.meta.dirname, '../out/renderer');

export interface BundleResult {
  totalJsKb: number;
  /** JavaScript a window loads before its first screen: the entry and everything it imports. */
  initialGzipKb: number;
  /** The kiosk's start screen: the entry plus the kiosk chunk and what it imports (null until there is one). */
  kioskGzipKb: number | null;
  /** An organiser's first signed-in screen: the entry plus the shell, Home and what they import. */
  organiserGzipKb: number;
}

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
}

const gz = (file: string) => gzipSync(readFileSync(join(OUT, file))).length / 1024;

/** Sizes of the built renderer (run `npm run build` first; the bench script does), followed through Vite's manifest. */
export function benchBundle(): BundleResult {
  const manifest = JSON.parse(readFileSync(join(OUT, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  // Static imports load with a chunk; dynamic ones (other pages) only when opened.
  const closure = (keys: string[], seen = new Set<string>()): Set<string> => {
    for (const k of keys) {
      if (seen.has(k) || !manifest[k]) continue;
      seen.add(k);
      closure(manifest[k]!.imports ?? [], seen);
    }
    return seen;
  };
  const gzOf = (keys: Set<string>) => [...keys].reduce((n, k) => n + gz(manifest[k]!.file), 0);
  const entry = Object.keys(manifest).filter((k) => manifest[k]!.isEntry);
  const by = (pattern: RegExp) => Object.keys(manifest).filter((k) => pattern.test(k));
  const kiosk = by(/features\/kiosk\/Kiosk[^/]*\.tsx$/);
  const assets = readdirSync(join(OUT, 'assets')).filter((f) => f.endsWith('.js'));
  return {
    totalJsKb: round(assets.reduce((n, f) => n + readFileSync(join(OUT, 'assets', f)).length / 1024, 0)),
    initialGzipKb: round(gzOf(closure(entry))),
    kioskGzipKb: kiosk.length ? round(gzOf(closure([...entry, ...kiosk]))) : null,
    organiserGzipKb: round(gzOf(closure([...entry, ...by(/src\/app\/Shell\.tsx$/), ...by(/features\/home\/HomePage\.tsx$/)]))),
  };
}
