/**
 * npm run bench — prints tables and writes bench/results/latest.json.
 * BENCH_RUNS (default 200) and BENCH_ONLY (comma list: discovery) narrow a run.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchDiscovery } from './discovery.bench';
import { printTable, type Timing } from './stats';

const runs = Number(process.env.BENCH_RUNS ?? 200);
const only = process.env.BENCH_ONLY?.split(',');
const want = (name: string) => !only || only.includes(name);
const results: Record<string, unknown> = { at: new Date().toISOString(), runs, node: process.version };

const GOALS = { postgres: 15, embedded: 50 } as const;

if (want('discovery')) {
  console.log('Discovery over 100,000 workshops (50 cities, 12 categories, 300 tags)');
  for (const kind of ['postgres', 'embedded'] as const) {
    const timings: Timing[] = await benchDiscovery(kind, runs);
    results[`discovery_${kind}`] = timings;
    printTable(
      `Discovery on ${kind === 'postgres' ? 'PostgreSQL' : 'PGlite'} (goal: p95 ≤ ${GOALS[kind]} ms per query)`,
      timings.map((t) => ({ query: t.name, runs: t.runs, 'p50 ms': t.p50, 'p95 ms': t.p95, 'max ms': t.max, goal: t.name.startsWith('baseline') || t.name.startsWith('full') ? '—' : t.p95 <= GOALS[kind] ? 'met' : 'MISSED' })),
    );
  }
}

mkdirSync(join(import.meta.dirname, 'results'), { recursive: true });
writeFileSync(join(import.meta.dirname, 'results', 'latest.json'), JSON.stringify(results, null, 2));
console.log('\nWrote bench/results/latest.json');
process.exit(0);
