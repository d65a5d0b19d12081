// npm run build: the migrated empty embedded database a new station starts from (see electron/db/empty-database.ts).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { buildEmptyDatabase } from '../electron/db/empty-database';
import { EMPTY_DATABASE_FILE } from '../electron/db/empty-database-file';

const target = resolve(import.meta.dirname, '..', EMPTY_DATABASE_FILE);
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, Buffer.from(await (await buildEmptyDatabase()).arrayBuffer()));
console.log(`empty database: ${target}`);
