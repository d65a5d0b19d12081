/**
 * npm run bench — prints tables and writes bench/results/latest.json. Every goal is read against a
 * limit measured in the same run: the fastest correct way to do the same work, sent raw.
 * BENCH_RUNS (default 200), BENCH_ONLY (comma list: discovery,booking,bulk,desk,reports,startup,bundle) and
 * BENCH_DATABASES (comma list: postgres,embedded) narrow a run.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchBundle } from './bundle.bench';
import { benchDesk } from './desk.bench';
import { benchDiscovery } from './discovery.bench';
import { benchBooking, benchBulkApproval } from './registrations.bench';
import { benchReports } from './reports.bench';
import { benchStartup } from './startup.bench';
import { printTable, type Timing } from './stats';

const runs = Number(process.env.BENCH_RUNS ?? 200);
const only = process.env.BENCH_ONLY?.split(',');
const want = (name: string) => !only || only.includes(name);
const databases = (process.env.BENCH_DATABASES?.split(',') ?? ['postgres', 'embedded']) as ('postgres' | 'embedded')[];
const results: Record<string, unknown> = { at: new Date().toISOString(), runs, node: process.version };
const mark = (ok: boolean) => (ok ? 'met' : 'MISSED');
const name = (kind: string) => (kind === 'postgres' ? 'PostgreSQL' : 'PGlite');

const DISCOVERY_GOALS = { postgres: 15, embedded: 50 } as const;

if (want('discovery')) {
  console.log('Discovery over 100,000 workshops (50 cities, 12 categories, 300 tags)');
  for (const kind of databases) {
    const timings: Timing[] = await benchDiscovery(kind, runs);
    results[`discovery_${kind}`] = timings;
    const goalOf = (t: Timing) => (t.name.startsWith('baseline') ? null : t.name.startsWith('full') ? (kind === 'postgres' ? 20 : null) : DISCOVERY_GOALS[kind]);
    printTable(
      `Discovery on ${name(kind)} (goal: p95 ≤ ${DISCOVERY_GOALS[kind]} ms per query${kind === 'postgres' ? '; a whole search call ≤ 20 ms' : ''})`,
      timings.map((t) => ({ query: t.name, runs: t.runs, 'p50 ms': t.p50, 'p95 ms': t.p95, 'max ms': t.max, goal: goalOf(t) === null ? '—' : `≤ ${goalOf(t)}: ${mark(t.p95 <= goalOf(t)!)}` })),
    );
  }
}

if (want('booking')) {
  console.log('\nBooking throughput: one hot workshop, 8 concurrent clients');
  const rows = [];
  for (const kind of databases) rows.push(await benchBooking(kind));
  results.booking = rows;
  printTable(
    'Booking vs the limit (the one-statement booking sent raw, autocommit). Goals on PostgreSQL: service ≥ 0.6×, dispatcher ≥ 0.5×; everywhere 0 overbooked',
    rows.map((r) => ({
      database: name(r.kind),
      'limit /s': r.limitTps,
      'pgbench /s': r.pgbenchTps ?? '—',
      'service /s': r.serviceTps,
      'service ×': r.serviceRatio,
      'dispatcher /s': r.dispatcherTps ?? '—',
      'dispatcher ×': r.dispatcherRatio ?? '—',
      overbooked: r.overbooked,
      goal: r.overbooked > 0 ? 'MISSED (overbooked)' : r.kind === 'postgres' ? mark(r.serviceRatio >= 0.6 && (r.dispatcherRatio ?? 0) >= 0.5) : 'met (0 overbooked)',
    })),
  );
}

if (want('bulk')) {
  const rows = [];
  for (const kind of databases) rows.push(await benchBulkApproval(kind));
  results.bulkApproval = rows;
  printTable(
    'Bulk approval of 10,000 pending requests (goal on PostgreSQL: < 0.3 s and ≥ 0.5× the raw set-based statements with their audit rows)',
    rows.map((r) => ({ database: name(r.kind), pending: r.pending, 'raw s': r.rawSeconds, 'service s': r.seconds, '×': r.ratio, approved: r.approved, goal: r.kind === 'postgres' ? mark(r.seconds < 0.3 && r.ratio >= 0.5) : '—' })),
  );
}

if (want('desk')) {
  console.log('\nFront desk over 200,000 registrations');
  for (const kind of databases) {
    const d = await benchDesk(kind, runs);
    results[`desk_${kind}`] = d;
    const goal = kind === 'postgres' ? 20 : 40;
    printTable(
      `Desk search on ${name(kind)} (goal: p95 ≤ ${goal} ms)`,
      d.search.map((t) => ({ query: t.name, runs: t.runs, 'p50 ms': t.p50, 'p95 ms': t.p95, 'max ms': t.max, goal: t.name.startsWith('baseline') ? '—' : mark(t.p95 <= goal) })),
    );
    if (kind === 'postgres') {
      const [checkIn, trivial] = d.checkIn;
      printTable('Check-in and the cost of every call, through the dispatcher on PostgreSQL', [
        { call: checkIn!.name, 'p50 ms': checkIn!.p50, 'p95 ms': checkIn!.p95, goal: `p95 ≤ 15: ${mark(checkIn!.p95 <= 15)}` },
        { call: trivial!.name, 'p50 ms': trivial!.p50, 'p95 ms': trivial!.p95, goal: `p50 ≤ 0.5, p95 ≤ 2: ${mark(trivial!.p50 <= 0.5 && trivial!.p95 <= 2)}` },
      ]);
      const tp = d.throughput;
      printTable('Check-in, 8 stations at once vs the same statements sent raw from 8 clients (goal: ≥ 0.7×, 0 double check-ins)', [
        { 'check-ins': tp.checkIns, 'raw /s': tp.rawPerSecond, 'dispatcher /s': tp.dispatcherPerSecond, '×': tp.ratio, 'double check-ins': tp.doubleCheckIns, goal: mark(tp.ratio >= 0.7 && tp.doubleCheckIns === 0) },
      ]);
    }
  }
}

if (want('reports') && databases.includes('postgres')) {
  const r = await benchReports(runs);
  results.reports = r;
  console.log(`\nReports over ${r.workshops.toLocaleString()} workshops and ${r.registrations.toLocaleString()} registrations`);
  printTable(
    'Report queries on PostgreSQL (goal: p95 ≤ 200 ms each), beside the bare query over the same rows',
    r.queries.map((t) => ({ query: t.name, runs: t.runs, 'p50 ms': t.p50, 'p95 ms': t.p95, 'max ms': t.max, goal: t.name.startsWith('baseline') ? '—' : `≤ 200: ${mark(t.p95 <= 200)}` })),
  );
  printTable('XLSX export of the payments ledger, streamed', [
    { rows: r.xlsx.rows, seconds: r.xlsx.seconds, 'peak RSS growth MB': r.xlsx.peakRssMb, 'peak heap growth MB': r.xlsx.peakHeapMb, 'file MB': r.xlsx.fileMb },
  ]);
}

if (want('startup')) {
  const s = await benchStartup();
  results.startup = s;
  printTable('Start-up: core ready (database open and migrated) on the embedded database, median of 3', [
    { database: 'fresh (from the packed empty database)', seconds: s.freshSeconds, goal: `≤ 5: ${mark(s.freshSeconds <= 5)}` },
    { database: 'fresh, without it (initdb + migrations)', seconds: s.freshWithoutTemplateSeconds, goal: '—' },
    { database: 'existing', seconds: s.existingSeconds, goal: `≤ 1.5: ${mark(s.existingSeconds <= 1.5)}` },
  ]);
}

if (want('bundle')) {
  execFileSync('npx', ['electron-vite', 'build'], { stdio: 'ignore' });
  const b = benchBundle();
  results.bundle = b;
  printTable('Renderer JavaScript (built, minified), gzipped as it is loaded', [
    { window: 'initial (every window: sign-in)', 'gzip kB': b.initialGzipKb, goal: '—' },
    { window: 'kiosk start screen', 'gzip kB': b.kioskGzipKb ?? 'no kiosk chunk', goal: b.kioskGzipKb === null ? 'MISSED (no kiosk chunk)' : `≤ 250: ${mark(b.kioskGzipKb <= 250)}` },
    { window: 'organiser: shell + Home', 'gzip kB': b.organiserGzipKb, goal: `≤ 350: ${mark(b.organiserGzipKb <= 350)}` },
    { window: 'all chunks, raw', 'gzip kB': `${b.totalJsKb} kB raw`, goal: '—' },
  ]);
}

mkdirSync(join(import.meta.dirname, 'results'), { recursive: true });
writeFileSync(join(import.meta.dirname, 'results', 'latest.json'), JSON.stringify(results, null, 2));
console.log('\nWrote bench/results/latest.json');
process.exit(0);
