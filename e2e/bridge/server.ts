/**
 * The e2e bridge: serves the built renderer and forwards each `window.api.invoke` (injected by the
 * Playwright fixture) over loopback HTTP to the very same createCore + dispatch the Electron IPC
 * glue uses. Only the thin Electron shell is left out.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { sql } from 'kysely';
import { ScriptedFileDialogs } from '../../electron/backup/test-kit';
import { addReportActivity } from '../../test/report-activity';
import { createCore } from '../../electron/core/create-core';
import { createKioskRuntime } from '../../electron/kiosk/kiosk-runtime';
import { EMPTY_DATABASE_FILE } from '../../electron/db/empty-database-file';
import { answerRendererPath } from '../../electron/protocol/renderer-files';
import type { Surface } from '../../shared/roles';

const port = Number(process.env.E2E_PORT ?? 4173);
const rendererDir = resolve(import.meta.dirname, '../../out/renderer');
const dataDir = mkdtempSync(join(tmpdir(), 'wb-e2e-'));
const STATION = 'Front desk 1';
// The save and open dialogs answer what a spec sets through /__test/dialogs (the renderer never names a file).
const dialogs = new ScriptedFileDialogs();

const core = await createCore({
  database: process.env.E2E_DATABASE_URL ? { kind: 'postgres', url: process.env.E2E_DATABASE_URL } : { kind: 'embedded', dataDir: join(dataDir, 'db') },
  settingsFile: join(dataDir, 'station-settings.json'),
  embeddedDataDir: join(dataDir, 'db'),
  // The app's own first start: from the empty database `npm run build` made.
  emptyDatabaseFile: resolve(import.meta.dirname, '../..', EMPTY_DATABASE_FILE),
  backupDir: join(dataDir, 'backups'),
  fileDialogs: dialogs,
  appVersion: 'e2e',
  logError: (err, where) => console.error(`[bridge] ${where}`, err),
});
core.ctx.settings.write({ stationName: STATION, databaseUrl: null });

// A second station on the same data ("Front desk 2"), for specs where two desks work side by side:
// pages opened with ?station=2 call it. On the embedded database it shares the open PGlite.
const STATION_2 = 'Front desk 2';
const openStation2 = async () => {
  const c = await createCore({
    database: process.env.E2E_DATABASE_URL ? { kind: 'postgres', url: process.env.E2E_DATABASE_URL } : { kind: 'embedded', attachTo: core.ctx.dbHandle.pglite! },
    settingsFile: join(dataDir, 'station-2-settings.json'),
    appVersion: 'e2e',
    logError: (err, where) => console.error(`[bridge:2] ${where}`, err),
  });
  c.ctx.settings.write({ stationName: STATION_2, databaseUrl: null });
  listenTo(c);
  return c;
};
const stationCore = (n: unknown) => (n === 2 || n === '2' ? core2 : core);

// Live updates: each page that listens holds an event stream; it gets what its window may receive.
const streams = new Set<{ res: ServerResponse; clientId: string; surface: Surface; core: typeof core }>();
function listenTo(c: typeof core): void {
  c.events.subscribe((name, payload) => {
    for (const s of streams) if (s.core === c && c.mayReceive(s.clientId, s.surface, name)) s.res.write(`data: ${JSON.stringify({ name, payload })}\n\n`);
  });
}
listenTo(core);
let core2 = await openStation2();

async function body(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
}

function json(res: ServerResponse, status: number, data: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(data));
}

async function resetDatabase(): Promise<void> {
  // A restore (backup spec) swapped station 1's embedded database: station 2 shares the new one.
  if (core2.ctx.dbHandle.pglite && core2.ctx.dbHandle.pglite !== core.ctx.dbHandle.pglite) {
    await core2.close().catch(() => undefined);
    core2 = await openStation2();
  }
  const tables = await sql<{ tablename: string }>`select tablename from pg_tables where schemaname = 'public' and tablename not like 'kysely_%'`.execute(core.ctx.db);
  await sql.raw(`truncate ${tables.rows.map((t) => `"${t.tablename}"`).join(', ')} restart identity cascade`).execute(core.ctx.db);
  for (const c of [core, core2]) for (const id of [...c.ctx.sessions['byClient'].keys()]) c.ctx.sessions.forget(id);
  // Every spec starts on the system's locale (en-GB), whatever locale an earlier spec chose.
  core.ctx.settings.write({ stationName: STATION, databaseUrl: null, kiosk: undefined, locale: null });
  core2.ctx.settings.write({ stationName: STATION_2, databaseUrl: null, kiosk: undefined, locale: null });
  // Each spec starts with the kiosks' throttles empty.
  for (const c of [core, core2]) c.ctx.kiosk = createKioskRuntime();
}

const server = createServer(async (req, res) => {
  try {
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (req.method === 'POST' && url.pathname === '/__bridge/invoke') {
      const { clientId, surface, channel, input, meta, station } = (await body(req)) as { clientId: string; surface: Surface; channel: unknown; input: unknown; meta?: unknown; station?: unknown };
      return json(res, 200, await stationCore(station).dispatch({ clientId: `page:${clientId}`, surface: surface === 'kiosk' ? 'kiosk' : 'workstation' }, channel, input, meta));
    }
    if (req.method === 'GET' && url.pathname === '/__bridge/events') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(': listening\n\n');
      const s = { res, clientId: `page:${url.searchParams.get('clientId')}`, surface: (url.searchParams.get('surface') === 'kiosk' ? 'kiosk' : 'workstation') as Surface, core: stationCore(url.searchParams.get('station')) };
      streams.add(s);
      req.on('close', () => streams.delete(s));
      return;
    }
    if (req.method === 'POST' && url.pathname === '/__test/reset') {
      await resetDatabase();
      dialogs.saveTo = null;
      dialogs.openFrom = null;
      dialogs.exportFolder = null;
      return json(res, 200, { ok: true });
    }
    if (req.method === 'POST' && url.pathname === '/__test/dialogs') {
      const { saveTo, openFrom, exportFolder } = (await body(req)) as { saveTo?: string | null; openFrom?: string | null; exportFolder?: string | null };
      if (saveTo !== undefined) dialogs.saveTo = saveTo;
      if (openFrom !== undefined) dialogs.openFrom = openFrom;
      if (exportFolder !== undefined) dialogs.exportFolder = exportFolder;
      return json(res, 200, { ok: true, backupFolder: join(dataDir, 'backups') });
    }
    // Reports need history: registrations, payments and check-ins on top of the demo data.
    if (req.method === 'POST' && url.pathname === '/__test/report-activity') {
      return json(res, 200, await addReportActivity(core.ctx.db, core.ctx.now()));
    }
    // An export the app saved, downloaded the way a browser would (the save dialog's folder is the spec's).
    if (req.method === 'GET' && url.pathname.startsWith('/__test/exports/') && dialogs.exportFolder) {
      const file = join(dialogs.exportFolder, basename(decodeURIComponent(url.pathname.slice('/__test/exports/'.length))));
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-disposition': `attachment; filename="${basename(file)}"` });
      return res.end(readFileSync(file));
    }
    if (url.pathname === '/__bridge/health') return json(res, 200, { ok: true });
    // The app's own file rules and headers (CSP included), as the app:// protocol answers them.
    const answer = await answerRendererPath(rendererDir, url.pathname, req.method);
    res.writeHead(answer.status, answer.headers);
    res.end(answer.body ?? undefined);
  } catch (err) {
    console.error('[bridge]', err);
    json(res, 500, { ok: false, error: { code: 'INTERNAL', message: 'Bridge failure' } });
  }
});

server.listen(port, '127.0.0.1', () => console.log(`[bridge] listening on http://127.0.0.1:${port} (${core.ctx.dbHandle.description})`));

const stop = async () => {
  server.close();
  await core2.close();
  await core.close();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
