import pg from 'pg';
import type { PostgresPool, PostgresPoolClient } from 'kysely';
import { outageKind } from './outage';

/** Bounded waits, so a silent network partition answers within seconds instead of hanging. */
export interface DatabaseTimeouts {
  /** Opening a connection. */
  connectMs: number;
  /** One statement, enforced by the server. */
  statementMs: number;
  /** One statement, enforced here: the answer may never come when the network is cut. */
  readMs: number;
  /** A transaction left open by a vanished client is ended by the server. */
  idleInTransactionMs: number;
  /** TCP keepalive probes start after this long without traffic. */
  keepAliveMs: number;
  /** An idle connection is closed after this long, giving its slot on the server back. */
  idleMs: number;
}

export const DEFAULT_TIMEOUTS: DatabaseTimeouts = { connectMs: 4000, statementMs: 8000, readMs: 10_000, idleInTransactionMs: 15_000, keepAliveMs: 5000, idleMs: 30_000 };

export interface PoolOptions {
  url: string;
  max: number;
  timeouts: DatabaseTimeouts;
  /** Told about connection faults that no call is waiting for (logged, never thrown). */
  onFault(err: unknown): void;
}

export const pgClientConfig = (url: string, t: DatabaseTimeouts): pg.ClientConfig => ({
  connectionString: url,
  connectionTimeoutMillis: t.connectMs,
  statement_timeout: t.statementMs,
  query_timeout: t.readMs,
  idle_in_transaction_session_timeout: t.idleInTransactionMs,
  keepAlive: true,
  keepAliveInitialDelayMillis: t.keepAliveMs,
});

/**
 * A pg pool that survives the server going away. pg emits 'error' on a client whose connection the
 * server ends; with nobody listening, Node ends the process. Here every client and the pool itself
 * have a listener, and a client whose connection failed (or whose answer timed out, leaving it
 * mid-protocol) is destroyed when released instead of going back into the pool, so the pool
 * replaces it by itself.
 */
export function resilientPool(opts: PoolOptions): PostgresPool & { raw: pg.Pool } {
  const pool = new pg.Pool({ ...pgClientConfig(opts.url, opts.timeouts), max: opts.max, idleTimeoutMillis: opts.timeouts.idleMs });
  pool.on('error', opts.onFault);
  pool.on('connect', (client) => client.on('error', opts.onFault));
  const wrapped = new WeakMap<pg.PoolClient, PostgresPoolClient>();

  const wrap = (client: pg.PoolClient): PostgresPoolClient => {
    const known = wrapped.get(client);
    if (known) return known;
    let broken = false;
    const w = {
      get processID() {
        return (client as unknown as { processID?: number }).processID;
      },
      query: ((...args: unknown[]) => {
        const result = (client.query as (...a: unknown[]) => unknown)(...args);
        if (result && typeof (result as Promise<unknown>).catch === 'function' && typeof (result as Promise<unknown>).then === 'function') {
          (result as Promise<unknown>).catch((err) => {
            if (outageKind(err)) broken = true;
          });
        }
        return result;
      }) as PostgresPoolClient['query'],
      release: (destroy?: boolean) => client.release(destroy || broken ? true : undefined),
    };
    wrapped.set(client, w);
    return w;
  };

  return {
    raw: pool,
    options: pool.options,
    connect: async () => wrap(await pool.connect()),
    end: () => pool.end(),
  };
}
