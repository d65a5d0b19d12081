import { createAuthInstance } from '../auth/auth-instance';
import { authHandlers } from '../auth/auth.handlers';
import { SessionStore } from '../auth/session-store';
import { auditHandlers } from '../audit/audit.handlers';
import { createDb, type DbHandle } from '../db/create-db';
import { migrateToLatest } from '../db/migrate';
import { settingsHandlers } from '../settings/settings.handlers';
import { StationSettingsStore } from '../settings/station-settings';
import { appHandlers, setupHandlers } from '../setup/setup.handlers';
import { paymentsHandlers, registrationsHandlers, registrationsReplayers } from '../registrations/registrations.handlers';
import { usersHandlers } from '../users/users.handlers';
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
};

export const replayers: Replayers = { ...registrationsReplayers };

export interface Core {
  ctx: CoreContext;
  dispatch: Dispatch;
  /** A window or page went away: end its session. */
  forgetClient(clientId: string): Promise<void>;
  close(): Promise<void>;
}

/** Everything but the Electron shell: opens and migrates the database, wires auth and the dispatcher. */
export async function createCore(config: CoreConfig): Promise<Core> {
  const logError = config.logError ?? ((err, where) => console.error(`[core] ${where}:`, err));
  const dbHandle: DbHandle = await openMigrated(config.database, (err) => logError(err, 'database connection'));
  const sessionPolicy = { ...DEFAULT_SESSION_POLICY, ...config.session };
  const ctx: CoreContext = {
    db: dbHandle.db,
    dbHandle,
    auth: createAuthInstance(dbHandle.db, {
      bcryptCost: config.bcryptCost ?? DEFAULT_BCRYPT_COST,
      sessionLifetimeSeconds: Math.max(sessionPolicy.organiserLifetimeSeconds, sessionPolicy.attendeeLifetimeSeconds),
    }),
    sessions: new SessionStore(),
    settings: new StationSettingsStore(config.settingsFile, config.secretBox),
    sessionPolicy,
    bcryptCost: config.bcryptCost ?? DEFAULT_BCRYPT_COST,
    appVersion: config.appVersion ?? '0.0.0',
    activeDatabaseUrl: config.database.kind === 'postgres' ? config.database.url : null,
    embeddedLocation: config.embeddedDataDir ?? (config.database.kind === 'embedded' ? (config.database.dataDir ?? 'in memory') : 'not in use'),
    now: config.clock ?? (() => new Date()),
  };
  await pruneOutcomes(ctx.db, ctx.now());
  const dispatch = createDispatcher(ctx, handlers, replayers, logError);
  return {
    ctx,
    dispatch: (origin: CallOrigin, channel: unknown, input: unknown, meta?: unknown) => dispatch(origin, channel, input, meta),
    forgetClient: async (clientId) => {
      const held = ctx.sessions.forget(clientId);
      if (held) await ctx.db.deleteFrom('session').where('token', '=', held.token).execute();
    },
    close: () => dbHandle.close(),
  };
}

/**
 * Opens the database and brings its schema up to date. On PostgreSQL the migrations run on a
 * connection of their own without the per-statement time limit: building an index on a large table
 * may take longer than any call should.
 */
async function openMigrated(database: CoreConfig['database'], onFault: (err: unknown) => void): Promise<DbHandle> {
  if (database.kind === 'postgres') {
    const migrator = await createDb({ ...database, poolSize: 1, timeouts: { ...database.timeouts, statementMs: 0, readMs: 0 } }, { onFault });
    try {
      await migrateToLatest(migrator.db);
    } finally {
      await migrator.close();
    }
    return createDb(database, { onFault });
  }
  const handle = await createDb(database, { onFault });
  try {
    await migrateToLatest(handle.db);
  } catch (e) {
    await handle.close();
    throw e;
  }
  return handle;
}
