/**
 * Tells a database outage (server gone, network cut, too slow, no free connection) apart from a bug.
 * Drivers and libraries wrap errors (better-auth turns a driver error into "Failed to get session",
 * pg-pool gives a bare "timeout exceeded when trying to connect"), so the whole cause chain is read,
 * by code first and by the driver's fixed wording where it gives no code.
 */
export type OutageKind =
  /** Nothing reached the server: no connection could be made (so nothing was saved). */
  | 'unreachable'
  /** The server refuses more connections. */
  | 'full'
  /** The server did not answer in time. */
  | 'slow'
  /** The connection broke while a call was under way: a write may or may not have been saved. */
  | 'lost';

const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', '57P03', '08001', '08004', '3D000', '28000', '28P01']);
const LOST_CODES = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ECONNABORTED', '57P01', '57P02', '08000', '08003', '08006', '08007', '25P03']);
const FULL_CODES = new Set(['53300']);
const SLOW_CODES = new Set(['57014']);

const UNREACHABLE_TEXT = /timeout exceeded when trying to connect|is not currently accepting connections|Connection terminated due to connection timeout|connect ECONNREFUSED|getaddrinfo/i;
const LOST_TEXT = /Connection terminated|not queryable|Client was closed|Query read timeout|connection error|socket hang up|write after end/i;

function* causes(err: unknown, depth = 0): Generator<{ code?: unknown; message?: unknown }> {
  if (!err || typeof err !== 'object' || depth > 6) return;
  yield err as { code?: unknown; message?: unknown };
  const e = err as { cause?: unknown; errors?: unknown; body?: { cause?: unknown } };
  if (e.cause) yield* causes(e.cause, depth + 1);
  if (Array.isArray(e.errors)) for (const inner of e.errors) yield* causes(inner, depth + 1);
}

export function outageKind(err: unknown): OutageKind | null {
  for (const e of causes(err)) {
    const code = typeof e.code === 'string' ? e.code : '';
    if (FULL_CODES.has(code)) return 'full';
    if (SLOW_CODES.has(code)) return 'slow';
    if (UNREACHABLE_CODES.has(code)) return 'unreachable';
    if (LOST_CODES.has(code)) return 'lost';
    const message = typeof e.message === 'string' ? e.message : '';
    if (/Query read timeout/i.test(message)) return 'slow';
    if (UNREACHABLE_TEXT.test(message)) return 'unreachable';
    if (LOST_TEXT.test(message)) return 'lost';
  }
  return null;
}

/** What a person is told. `writes`: the call was meant to change something. */
export function outageMessage(kind: OutageKind, writes: boolean): string {
  const notSaved = writes ? ' Nothing was saved.' : '';
  switch (kind) {
    case 'unreachable':
      return `The database cannot be reached right now.${notSaved} The app keeps trying — try again in a moment.`;
    case 'full':
      return `The database server has no free connection for this station (too many stations are connected).${notSaved} Ask whoever runs the server to allow more connections.`;
    case 'slow':
      return writes
        ? 'The database did not answer in time, so it is not known whether this was saved. Try again: it will not be done twice.'
        : 'The database did not answer in time. Try again in a moment.';
    case 'lost':
      return writes
        ? 'The connection to the database was lost, so it is not known whether this was saved. Try again: it will not be done twice.'
        : 'The connection to the database was lost. The app keeps trying — try again in a moment.';
  }
}
