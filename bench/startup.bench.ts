import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../electron/core/create-core';
import { buildEmptyDatabase } from '../electron/db/empty-database';
import { round } from './stats';

export interface StartupResult {
  /** A new station's first start, from the empty database the build packs (as the app does). */
  freshSeconds: number;
  /** The same without it: PostgreSQL's initdb inside PGlite, then every migration. */
  freshWithoutTemplateSeconds: number;
  existingSeconds: number;
}

const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Core ready (database open and migrated) on a fresh embedded database, then on that same existing one. */
export async function benchStartup(): Promise<StartupResult> {
  const dir = mkdtempSync(join(tmpdir(), 'wb-start-'));
  const emptyDatabaseFile = join(dir, 'pgdata.tar.gz');
  writeFileSync(emptyDatabaseFile, Buffer.from(await (await buildEmptyDatabase()).arrayBuffer()));
  const configIn = (name: string, template: boolean) => ({
    database: { kind: 'embedded' as const, dataDir: join(dir, name) },
    settingsFile: join(dir, `${name}.json`),
    emptyDatabaseFile: template ? emptyDatabaseFile : undefined,
    logError: () => undefined,
  });
  const time = async (config: ReturnType<typeof configIn>) => {
    const t0 = performance.now();
    const core = await createCore(config);
    const seconds = (performance.now() - t0) / 1000;
    await core.close();
    return seconds;
  };
  try {
    const fresh: number[] = [];
    const bare: number[] = [];
    for (let i = 0; i < 3; i++) {
      fresh.push(await time(configIn(`fresh-${i}`, true)));
      bare.push(await time(configIn(`bare-${i}`, false)));
    }
    const existing: number[] = [];
    for (let i = 0; i < 3; i++) existing.push(await time(configIn('fresh-0', true)));
    return { freshSeconds: round(median(fresh)), freshWithoutTemplateSeconds: round(median(bare)), existingSeconds: round(median(existing)) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
