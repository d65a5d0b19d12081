import { createAuthInstance } from '../auth/auth-instance';
import { authHandlers } from '../auth/auth.handlers';
import { SessionStore } from '../auth/session-store';
import { endHeldSessions } from '../auth/sessions.service';
import { pruneThrottle } from '../auth/login-throttle';
import { auditHandlers } from '../audit/audit.handlers';
import { appEvents, type AppEventName } from '../../shared/ipc/events';
import type { Surface } from '../../shared/roles';
import { createEventHub, type EventHub } from './events';
import { backupBeforeMigration, retentionOf, startDailyBackups } from '../backup/automatic';
import { backupHandlers } from '../backup/backup.handlers';
import { realScheduler } from '../backup/daily';
import { NO_FILE_DIALOGS } from '../backup/file-dialogs';
import { gatedDispatch } from '../backup/gate';
import { recoverInterruptedRestore } from '../backup/restore';
import { createBackupRuntime } from '../backup/runtime';
import { isUninitialised, readEmptyDatabase } from '../db/empty-database';
import { createDb, DEFAULT_POOL_SIZE, type DbHandle } from '../db/create-db';
import { migrateToLatest } from '../db/migrate';
import { settingsHandlers } from '../settings/settings.handlers';
import { StationSettingsStore } from '../settings/station-settings';
import { appHandlers, setupHandlers } from '../setup/setup.handlers';
import { paymentsHandlers, registrationsHandlers, registrationsReplayers } from '../registrations/registrations.handlers';
import { usersHandlers } from '../users/users.handlers';
import { reportsHandlers } from '../reports/reports.handlers';
import { deskHandlers, deskReplayers } from '../desk/desk.handlers';
import { kioskHandlers, kioskReplayers } from '../kiosk/kiosk.handlers';
import { createKioskRuntime } from '../kiosk/kiosk-runtime';
import { categoriesHandlers, tagsHandlers, workshopsHandlers } from '../workshops/workshops.handlers';
import { DEFAULT_BCRYPT_COST, DEFAULT_SESSION_POLICY, type CoreConfig } from './config';
import type { CoreContext } from './context';
import { createDispatcher, type CallOrigin, type Dispatch } from './dispatch';
import type { Handlers, Replayers } from './handler';
import { pruneOutcomes } from './requests';

export const handlers: Handlers = {
  ...appHandlers,
  ...setupHandlers,
  ...authHandlers,
  ...usersHandlers,
  ...settingsHandlers,
  ...auditHandlers,
  ...workshopsHandlers,
  ...categoriesHandlers,
  ...tagsHandlers,
  ...registrationsHandlers,
  ...paymentsHandlers,
  ...deskHandlers,
  ...backupHandlers,
  ...kioskHandlers,
  ...reportsHandlers,
};

export const replayers: Replayers = { ...registrationsReplayers, ...deskReplayers, ...kioskReplayers };

export interface Core {
  ctx: CoreContext;
  dispatch: Dispatch;
  /** Every station's app events (check-ins, registrations …), for the shell or bridge to pass on. */
  events: EventHub;
  /** Whether the window `clientId` on `surface` may receive this event (its audience and surfaces). */
  mayReceive(clientId: string, surface: Surface, event: AppEventName): boolean;
  /** A window or page went away: end its session. */
  forgetClient(clientId: string): Promise<void>;
  close(): Promise<void>;
}

/** Everything but the Electron shell: opens and migrates the database, wires auth and the dispatcher. */
export async function createCore(config: CoreConfig): Promise<Core> {
  const logError = config.logError ?? ((err, where) => console.error(`[core] ${where}:`, err));
  const settings = new StationSettingsStore(config.settingsFile, config.secretBox);
  const now = config.clock ?? (() => new Date());
  const appVersion = config.appVersion ?? '0.0.0';
  const dataDir = config.database.kind === 'embedded' ? (config.database.dataDir ?? null) : null;
  if (dataDir) await recoverInterruptedRestore(dataDir);
  const backupDir = config.backupDir;
  const beforeMigrate = backupDir
    ? (h: DbHandle) => backupBeforeMigration(h, { folder: backupDir, appVersion, station: settings.read().stationName, now: now(), retention: retentionOf({ settings }) })
    : undefined;
  const database = dataDir && isUninitialised(dataDir) && config.database.kind === 'embedded' && !config.database.loadDataDir
    ? { ...config.database, loadDataDir: readEmptyDatabase(config.emptyDatabaseFile) }
    : config.database;
  const dbHandle: DbHandle = await openMigrated(database, (err) => logError(err, 'database connection'), beforeMigrate);
  const sessionPolicy = { ...DEFAULT_SESSION_POLICY, ...config.session };
  const bcryptCost = config.bcryptCost ?? DEFAULT_BCRYPT_COST;
  const authFor = (db: DbHandle['db']) =>
    createAuthInstance(db, { bcryptCost, sessionLifetimeSeconds: Math.max(sessionPolicy.organiserLifetimeSeconds, sessionPolicy.attendeeLifetimeSeconds) });
  const ctx: CoreContext = {
    db: dbHandle.db,
    dbHandle,
    auth: authFor(dbHandle.db),
    sessions: new SessionStore(),
    settings,
    sessionPolicy,
    bcryptCost,
    appVersion,
    activeDatabaseUrl: config.database.kind === 'postgres' ? config.database.url : null,
    embeddedLocation: config.embeddedDataDir ?? (config.database.kind === 'embedded' ? (config.database.dataDir ?? 'in memory') : 'not in use'),
    now,
    kiosk: createKioskRuntime(config.onKioskExit),
    // The hub is made once the database is ready, below; nothing announces before that.
    announce: (name, payload) => events.publish(name, payload),
    backups: createBackupRuntime({
      folder: backupDir ?? null,
      dialogs: config.fileDialogs ?? NO_FILE_DIALOGS,
      scheduler: config.scheduler ?? realScheduler,
      dataDir,
      // A restore swapped the database: everything built on the old one is rebuilt, and every
      // session ends (the restored data has none, and its accounts may differ).
      install: (next) => {
        ctx.db = next.db;
        ctx.dbHandle = next;
        ctx.auth = authFor(next.db);
        ctx.sessions = new SessionStore();
        ctx.sessions.trustWhile(() => events.live());
        void events.rebind(next).catch((err) => logError(err, 'live updates'));
      },
    }),
  };
  await pruneOutcomes(ctx.db, ctx.now());
  const events = await createEventHub(dbHandle, {
    url: config.database.kind === 'postgres' && listensOn(config.database) ? config.database.url : undefined,
    timeouts: config.database.kind === 'postgres' ? config.database.timeouts : undefined,
    onFault: (err) => logError(err, 'live updates'),
  });
  ctx.sessions.trustWhile(() => events.live());
  events.onSessionsChanged((userId) => ctx.sessions.forgetVerified(userId));
  await pruneThrottle(ctx.db, ctx.now());
  ctx.backups.daily = await startDailyBackups(ctx, logError);
  const gate = ctx.backups.gate;
  const dispatch = gatedDispatch(gate, createDispatcher(ctx, handlers, replayers, logError));
  return {
    ctx,
    dispatch: (origin: CallOrigin, channel: unknown, input: unknown, meta?: unknown) => dispatch(origin, channel, input, meta),
    events,
    mayReceive: (clientId, surface, event) => {
      const def = appEvents[event];
      const role = ctx.sessions.get(clientId)?.role ?? 'public';
      return def.surfaces.includes(surface) && (def.audience.includes('public') || def.audience.includes(role));
    },
    forgetClient: async (clientId) => {
      // During a restore the session store is being replaced anyway.
      await gate.enter(async () => {
        const held = ctx.sessions.forget(clientId);
        if (held) await ctx.db.deleteFrom('session').where('token', '=', held.token).execute();
      });
    },
    close: async () => {
      ctx.backups.daily?.stop();
      // Quitting ends this app's own sessions: they leave "My account" at once instead of idling out.
      try {
        await endHeldSessions(ctx);
      } catch (err) {
        logError(err, 'ending sessions on close');
      }
      await events.close();
      await ctx.dbHandle.close();
    },
  };
}

/** A station with a single connection has none to spare for listening: it works without live updates. */
const listensOn = (database: Extract<CoreConfig['database'], { kind: 'postgres' }>) => (database.poolSize ?? DEFAULT_POOL_SIZE) >= 2;

/**
 * Opens the database and brings its schema up to date. On PostgreSQL the migrations run on a
 * connection of their own without the per-statement time limit: building an index on a large table
 * may take longer than any call should.
 */
async function openMigrated(database: CoreConfig['database'], onFault: (err: unknown) => void, beforeMigrate?: (h: DbHandle) => Promise<unknown>): Promise<DbHandle> {
  if (database.kind === 'postgres') {
    const migrator = await createDb({ ...database, poolSize: 1, timeouts: { ...database.timeouts, statementMs: 0, readMs: 0 } }, { onFault });
    try {
      await migrateToLatest(migrator.db);
    } finally {
      await migrator.close();
    }
    return createDb(database, { onFault, reservedConnections: listensOn(database) ? 1 : 0 });
  }
  const handle = await createDb(database, { onFault });
  try {
    await beforeMigrate?.(handle);
    await migrateToLatest(handle.db);
  } catch (e) {
    await handle.close();
    throw e;
  }
  return handle;
}
