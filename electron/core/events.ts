import pg from 'pg';
import { sql } from 'kysely';
import { appEvents, isAppEvent, type AppEventName, type EventPayload } from '../../shared/ipc/events';
import type { DbHandle } from '../db/create-db';
import { pgClientConfig, DEFAULT_TIMEOUTS, type DatabaseTimeouts } from '../db/resilient-pool';

/** The PostgreSQL notification channel app events travel on, between all stations of one database. */
export const EVENTS_CHANNEL = 'wb_events';
/** Internal: a user whose sessions may have ended or changed (triggers, migration 0013). Never leaves the main process. */
export const SESSIONS_CHANNEL = 'wb_sessions';

type Listener = (name: AppEventName, payload: unknown) => void;

/**
 * How long publish() gathers events before sending them as one statement. Every notification wakes
 * every station's listening connection on the server: at 20 ms, 8 busy desks sent 400 a second and
 * the server spent a third of its check-in throughput delivering them. A tenth of a second later is
 * still at once for a person watching a list.
 */
const PUBLISH_COALESCE_MS = 100;
const NOTIFY_BATCH = 'select pg_notify($1, x) from unnest($2::text[]) x';

export interface EventHub {
  subscribe(l: Listener): () => void;
  /** Told the id of a user whose sessions changed, at any station (or null: anything may have). */
  onSessionsChanged(l: (userId: string | null) => void): () => void;
  /**
   * Tells every station, after a commit, outside the transaction that made the change: a NOTIFY
   * inside it would make every such commit wait on PostgreSQL's one notification queue lock (a
   * third of the check-in throughput of 8 stations). Events of the next few milliseconds go
   * together, the same one once. A transaction announces through `announceAfterCommit` (requests.ts),
   * which calls this once it has committed.
   */
  publish<E extends AppEventName>(name: E, payload: EventPayload<E>): void;
  /** Delivers an event of this station itself (no database involved), e.g. 'app:resync'. */
  emitLocal<E extends AppEventName>(name: E, payload: EventPayload<E>): void;
  /** Whether events from other stations are arriving (false while the listener reconnects). */
  live(): boolean;
  /** Listens on another embedded database (a restore swapped it in); nothing to do on PostgreSQL. */
  rebind(db: DbHandle): Promise<void>;
  close(): Promise<void>;
}

/**
 * Hears every station's events. On PostgreSQL a connection of its own (LISTEN needs a session; it is
 * one of the station's connections) that reconnects by itself, and says 'app:resync' when it is back
 * because notifications sent meanwhile are lost. On the embedded database, PGlite's own listen.
 */
export async function createEventHub(db: DbHandle, opts: { url?: string; timeouts?: Partial<DatabaseTimeouts>; onFault(err: unknown): void }): Promise<EventHub> {
  const listeners = new Set<Listener>();
  const sessionListeners = new Set<(userId: string | null) => void>();
  const sessionsChanged = (userId: string | null) => {
    for (const l of sessionListeners) l(userId);
  };
  const deliver = (raw: string | undefined) => {
    let msg: { name?: unknown; payload?: unknown };
    try {
      msg = JSON.parse(raw ?? '');
    } catch {
      return;
    }
    if (!isAppEvent(msg.name)) return;
    const parsed = appEvents[msg.name].payload.safeParse(msg.payload);
    if (!parsed.success) return;
    for (const l of listeners) {
      try {
        l(msg.name, parsed.data);
      } catch (err) {
        opts.onFault(err);
      }
    }
  };
  // Sends what publish() gathered; set below for the database in use.
  let send: (batch: string[]) => Promise<void> = async () => undefined;
  const pending = new Set<string>();
  let flushTimer: ReturnType<typeof setTimeout> | null = null;
  let sending: Promise<void> = Promise.resolve();
  const flush = () => {
    if (flushTimer) clearTimeout(flushTimer);
    flushTimer = null;
    const batch = [...pending];
    pending.clear();
    if (batch.length) sending = sending.then(() => send(batch)).catch((err) => opts.onFault(err));
    return sending;
  };
  const hub = {
    publish: <E extends AppEventName>(name: E, payload: EventPayload<E>) => {
      pending.add(JSON.stringify({ name, payload }));
      if (!flushTimer) {
        flushTimer = setTimeout(flush, PUBLISH_COALESCE_MS);
        flushTimer.unref?.();
      }
    },
    subscribe: (l: Listener) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    emitLocal: <E extends AppEventName>(name: E, payload: EventPayload<E>) => deliver(JSON.stringify({ name, payload })),
    onSessionsChanged: (l: (userId: string | null) => void) => {
      sessionListeners.add(l);
      return () => sessionListeners.delete(l);
    },
  };

  if (db.pglite) {
    let unlisten: Array<() => Promise<void>> = [];
    const attach = async (pglite: NonNullable<DbHandle['pglite']>) => {
      unlisten = [await pglite.listen(EVENTS_CHANNEL, (payload) => deliver(payload)), await pglite.listen(SESSIONS_CHANNEL, (userId) => sessionsChanged(userId || null))];
    };
    const detach = async () => {
      // The old database may be closed already (a restore closes it first): nothing left to stop.
      for (const u of unlisten) await u().catch(() => undefined);
      unlisten = [];
    };
    let current = db.pglite;
    send = async (batch) => {
      await current.query(NOTIFY_BATCH, [EVENTS_CHANNEL, batch]);
    };
    await attach(db.pglite);
    return {
      ...hub,
      live: () => true,
      rebind: async (next) => {
        await detach();
        if (next.pglite) {
          current = next.pglite;
          await attach(next.pglite);
        }
        sessionsChanged(null);
        hub.emitLocal('app:resync', {});
      },
      close: async () => {
        await flush();
        await detach();
      },
    };
  }

  let client: pg.Client | null = null;
  let connected = false;
  let closed = false;
  let retry: ReturnType<typeof setTimeout> | null = null;
  let delay = 500;
  const connect = async (): Promise<void> => {
    if (closed) return;
    const c = new pg.Client({ ...pgClientConfig(opts.url!, { ...DEFAULT_TIMEOUTS, ...opts.timeouts }), statement_timeout: undefined, query_timeout: undefined });
    c.on('error', (err) => {
      opts.onFault(err);
      lost(c);
    });
    c.on('end', () => lost(c));
    c.on('notification', (n) => {
      if (n.channel === EVENTS_CHANNEL) deliver(n.payload);
      if (n.channel === SESSIONS_CHANNEL) sessionsChanged(n.payload || null);
    });
    try {
      await c.connect();
      await c.query(`listen ${EVENTS_CHANNEL}; listen ${SESSIONS_CHANNEL}`);
    } catch (err) {
      opts.onFault(err);
      await c.end().catch(() => undefined);
      schedule();
      return;
    }
    if (closed) {
      await c.end().catch(() => undefined);
      return;
    }
    const wasLost = client !== null || delay > 500;
    client = c;
    connected = true;
    delay = 500;
    if (wasLost) {
      // Whatever was said while the line was down is lost: trust no remembered session, show nothing stale.
      sessionsChanged(null);
      hub.emitLocal('app:resync', {});
    }
  };
  const lost = (c: pg.Client) => {
    if (client !== c) return;
    connected = false;
    sessionsChanged(null);
    void c.end().catch(() => undefined);
    schedule();
  };
  const schedule = () => {
    if (closed || retry) return;
    retry = setTimeout(() => {
      retry = null;
      void connect();
    }, delay);
    delay = Math.min(delay * 2, 10_000);
  };
  // On the listening connection while it is up (it is idle otherwise), else on the pool.
  send = async (batch) => {
    if (client && connected) await client.query(NOTIFY_BATCH, [EVENTS_CHANNEL, batch]);
    else await sql`select pg_notify(${EVENTS_CHANNEL}, x) from unnest(${batch}::text[]) x`.execute(db.db);
  };
  await connect();
  return {
    ...hub,
    live: () => connected,
    rebind: async () => undefined,
    close: async () => {
      await flush();
      closed = true;
      if (retry) clearTimeout(retry);
      await client?.end().catch(() => undefined);
    },
  };
}
