import pg from 'pg';
import type { ConnectionTestResult } from '../../shared/settings';

const TIMEOUT_MS = 5000;

/** Connects once and says in plain words why it failed, if it did. */
export async function testPostgresConnection(url: string): Promise<ConnectionTestResult> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: TIMEOUT_MS, query_timeout: TIMEOUT_MS });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const r = await client.query<{ v: string }>('select current_setting(\'server_version\') as v');
    return { ok: true, serverVersion: r.rows[0]?.v ?? 'unknown' };
  } catch (e) {
    return classify(e);
  } finally {
    await client.end().catch(() => undefined);
  }
}

function classify(e: unknown): ConnectionTestResult {
  const err = e as { code?: string; message?: string };
  const code = err?.code ?? '';
  const msg = String(err?.message ?? '');
  if (['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ECONNRESET'].includes(code)) {
    return { ok: false, reason: 'unreachable', message: `Cannot reach the server (${code}). Check the server name and port, and that PostgreSQL is running.` };
  }
  if (code === '28P01' || code === '28000') {
    return { ok: false, reason: 'auth_failed', message: 'The server refused the user name or password.' };
  }
  if (code === '3D000') {
    return { ok: false, reason: 'no_database', message: 'The server is reachable, but that database does not exist.' };
  }
  if (/timeout/i.test(msg) || code === 'ETIMEDOUT') {
    return { ok: false, reason: 'timeout', message: `No answer within ${TIMEOUT_MS / 1000} seconds. Check the address and any firewall.` };
  }
  if (/unexpected|protocol|Connection terminated|invalid response|server does not support SSL/i.test(msg)) {
    return { ok: false, reason: 'not_postgres', message: 'Something answered at that address, but it is not a PostgreSQL server.' };
  }
  return { ok: false, reason: 'other', message: 'Could not connect to the database server.' };
}
