export interface Timing {
  name: string;
  runs: number;
  p50: number;
  p95: number;
  max: number;
}

export async function time(name: string, runs: number, fn: (i: number) => Promise<unknown>, warmup = 10): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn(i);
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn(i);
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  const at = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))]!;
  return { name, runs, p50: round(at(0.5)), p95: round(at(0.95)), max: round(ms.at(-1)!) };
}

export const round = (n: number) => Math.round(n * 100) / 100;

export function printTable(title: string, rows: Record<string, string | number>[]): void {
  if (rows.length === 0) return;
  const cols = Object.keys(rows[0]!);
  const width = cols.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c]).length)));
  const line = (vals: string[]) => `| ${vals.map((v, i) => v.padEnd(width[i]!)).join(' | ')} |`;
  console.log(`\n${title}`);
  console.log(line(cols));
  console.log(`|${width.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) console.log(line(cols.map((c) => String(r[c]))));
}
