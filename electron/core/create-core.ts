import { createAuthInstance } from '../auth/auth-instance';
import { authHandlers } from '../auth/auth.handlers';
import { SessionStore } from '../auth/session-store';
import { auditHandlers } from '../audit/audit.handlers';
import { createDb, DEFAULT_POOL_SIZE, type DbHandle } from '../db/create-db';
import { appEvents, type AppEventName } from '../../shared/ipc/events';
import type { Surface } from '../../shared/roles';
import { createEventHub, type EventHub } from './events';
import { migrateToLatest } from '../db/migrate';
import { settingsHandlers } from '../settings/settings.handlers';
import { StationSettingsStore } from '../settings/station-settings';
import { appHandlers, setupHandlers } from '../setup/setup.handlers';
import { paymentsHandlers, registrationsHandlers, registrationsReplayers } from '../registrations/registrations.handlers';
import { usersHandlers } from '../users/users.handlers';
import { deskHandlers, deskReplayers } from '../desk/desk.handlers';
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
};

export const replayers: Replayers = { ...registrationsReplayers, ...deskReplayers };

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
  const events = await createEventHub(dbHandle, {
    url: config.database.kind === 'postgres' && listensOn(config.database) ? config.database.url : undefined,
    timeouts: config.database.kind === 'postgres' ? config.database.timeouts : undefined,
    onFault: (err) => logError(err, 'live updates'),
  });
  ctx.sessions.trustWhile(() => events.live());
  events.onSessionsChanged((userId) => ctx.sessions.forgetVerified(userId));
  const dispatch = createDispatcher(ctx, handlers, replayers, logError);
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
      const held = ctx.sessions.forget(clientId);
      if (held) await ctx.db.deleteFrom('session').where('token', '=', held.token).execute();
    },
    close: async () => {
      await events.close();
      await dbHandle.close();
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
async function openMigrated(database: CoreConfig['database'], onFault: (err: unknown) => void): Promise<DbHandle> {
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
    await migrateToLatest(handle.db);
  } catch (e) {
    await handle.close();
    throw e;
  }
  return handle;
}
