import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../electron/core/create-core';
import { round } from './stats';

export interface StartupResult {
  freshSeconds: number;
  existingSeconds: number;
}

/** Core ready (database open and migrated) on a fresh embedded database, then on that same existing one. */
export async function benchStartup(): Promise<StartupResult> {
  const dir = mkdtempSync(join(tmpdir(), 'wb-start-'));
  const config = { database: { kind: 'embedded' as const, dataDir: join(dir, 'db') }, settingsFile: join(dir, 's.json'), logError: () => undefined };
  try {
    let t0 = performance.now();
    const first = await createCore(config);
    const freshSeconds = (performance.now() - t0) / 1000;
    await first.close();
    const runs: number[] = [];
    for (let i = 0; i < 3; i++) {
      t0 = performance.now();
      const again = await createCore(config);
      runs.push((performance.now() - t0) / 1000);
      await again.close();
    }
    return { freshSeconds: round(freshSeconds), existingSeconds: round(runs.sort()[1]!) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
