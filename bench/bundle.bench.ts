import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { round } from './stats';

const OUT = resolve(import.meta.dirname, '../out/renderer');

export interface BundleResult {
  totalJsKb: number;
  /** JavaScript a window loads before its first screen: the entry and the chunks it preloads. */
  initialGzipKb: number;
  /** Plus what the kiosk surface loads on top (its lazily loaded screens), gzipped. */
  kioskGzipKb: number;
  /** Plus the organiser app's screens, gzipped. */
  organiserGzipKb: number;
}

const gz = (file: string) => gzipSync(readFileSync(join(OUT, file))).length / 1024;

/** Sizes of the built renderer (run `npm run build` first; the bench script does). */
export function benchBundle(): BundleResult {
  const html = readFileSync(join(OUT, 'index.html'), 'utf8');
  const initial = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  const assets = readdirSync(join(OUT, 'assets')).filter((f) => f.endsWith('.js')).map((f) => `assets/${f}`);
  const lazy = (pattern: RegExp) => assets.filter((f) => pattern.test(f) && !initial.includes(f));
  const sum = (files: string[]) => files.reduce((n, f) => n + gz(f), 0);
  const initialGz = sum(initial);
  return {
    totalJsKb: round(assets.reduce((n, f) => n + readFileSync(join(OUT, f)).length / 1024, 0)),
    initialGzipKb: round(initialGz),
    kioskGzipKb: round(initialGz + sum(lazy(/Kiosk/i))),
    organiserGzipKb: round(initialGz + sum(lazy(/Shell|Organiser/i))),
  };
}
