/**
 * Run by on-disk.test.ts as a separate process (`node --import tsx`): opens the embedded database
 * in DATA_DIR and starts a backup to TARGET as Back up now writes it, then holds still after the
 * first chunk and says so — for the test to kill it with SIGKILL right there.
 */
import { join } from 'node:path';
import { createCore } from '../core/create-core';
import { prepareBackupFile } from './backup-file';
import { takeSnapshot } from './snapshot';

const dataDir = process.env.DATA_DIR!;
const target = process.env.TARGET!;
const core = await createCore({ database: { kind: 'embedded', dataDir }, settingsFile: join(dataDir, '..', 'settings.json'), bcryptCost: 4, logError: () => undefined });
// A write this process committed must survive its own kill as well.
await core.ctx.db.insertInto('category').values({ id: 'committed-by-child', name: 'Committed before the kill' }).execute();
const snap = await takeSnapshot(core.ctx.dbHandle.pglite, core.ctx.db, { appVersion: 'child', station: 'Child', trigger: 'manual', createdAt: new Date() });
await prepareBackupFile(target, snap.draft, snap.payload, async (written, total) => {
  process.stdout.write(`MIDWAY ${written} of ${total}\n`);
  await new Promise(() => undefined);
});
