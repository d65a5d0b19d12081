/**
 * npm run bench — prints tables and writes bench/results/latest.json.
 * BENCH_RUNS (default 200), BENCH_ONLY (comma list: discovery,booking,bulk) and BENCH_DATABASES
 * (comma list: postgres,embedded) narrow a run.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchDiscovery } from './discovery.bench';
import { benchBooking, benchBulkApproval } from './registrations.bench';
import { printTable, type Timing } from './stats';

const runs = Number(process.env.BENCH_RUNS ?? 200);
const only = process.env.BENCH_ONLY?.split(',');
const want = (name: string) => !only || only.includes(name);
const databases = (process.env.BENCH_DATABASES?.split(',') ?? ['postgres', 'embedded']) as ('postgres' | 'embedded')[];
const results: Record<string, unknown> = { at: new Date().toISOString(), runs, node: process.version };

const GOALS = { postgres: 15, embedded: 50 } as const;

if (want('discovery')) {
  console.log('Discovery over 100,000 workshops (50 cities, 12 categories, 300 tags)');
  for (const kind of databases) {
    const timings: Timing[] = await benchDiscovery(kind, runs);
    results[`discovery_${kind}`] = timings;
    printTable(
      `Discovery on ${kind === 'postgres' ? 'PostgreSQL' : 'PGlite'} (goal: p95 ≤ ${GOALS[kind]} ms per query)`,
      timings.map((t) => ({ query: t.name, runs: t.runs, 'p50 ms': t.p50, 'p95 ms': t.p95, 'max ms': t.max, goal: t.name.startsWith('baseline') || t.name.startsWith('full') ? '—' : t.p95 <= GOALS[kind] ? 'met' : 'MISSED' })),
    );
  }
}

if (want('booking')) {
  console.log('\nBooking throughput: one hot workshop, 8 concurrent clients');
  const rows = [];
  for (const kind of databases) rows.push(await benchBooking(kind));
  results.booking = rows;
  printTable(
    'Booking through the service vs the raw-SQL baseline (goal on PostgreSQL: ≥ 0.8× baseline; everywhere: 0 overbooked)',
    rows.map((r) => ({
      database: r.kind,
      clients: r.clients,
      bookings: r.bookings,
      'raw SQL /s': r.rawTps,
      'service /s': r.serviceTps,
      ratio: r.ratio,
      overbooked: r.overbooked,
      goal: r.overbooked > 0 ? 'MISSED' : r.kind === 'postgres' ? (r.ratio >= 0.8 ? 'met' : 'MISSED') : 'met (0 overbooked)',
    })),
  );
}

if (want('bulk')) {
  const rows = [];
  for (const kind of databases) rows.push(await benchBulkApproval(kind));
  results.bulkApproval = rows;
  printTable(
    'Bulk approval of 10,000 pending requests through the service (goal on PostgreSQL: < 0.3 s)',
    rows.map((r) => ({ database: r.kind, pending: r.pending, seconds: r.seconds, approved: r.approved, waitlisted: r.waitlisted, goal: r.kind === 'postgres' ? (r.seconds < 0.3 ? 'met' : 'MISSED') : '—' })),
  );
}

mkdirSync(join(import.meta.dirname, 'results'), { recursive: true });
writeFileSync(join(import.meta.dirname, 'results', 'latest.json'), JSON.stringify(results, null, 2));
console.log('\nWrote bench/results/latest.json');
process.exit(0);
