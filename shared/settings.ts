import { z } from 'zod';
import { text } from './text';

// Control characters (NUL included) cannot be stored in PostgreSQL text or shown sensibly in the audit
// log; lone surrogates cannot be written into the audit row's JSON; bidirectional overrides would let a
// name display as something it is not.
const CONTROL = /\p{Cc}/u;
const LONE_SURROGATE = /\p{Cs}/u;
const BIDI_OVERRIDE = /[\u202A-\u202E\u2066-\u2069]/u;

export const stationNameSchema = text()
  .trim()
  .min(1, 'Give this station a name, like "Front desk 1".')
  .max(60, 'Keep the station name under 60 characters.')
  .refine((s) => !CONTROL.test(s) && !LONE_SURROGATE.test(s) && !BIDI_OVERRIDE.test(s), {
    message: 'Use letters, digits, spaces and punctuation only (no control or invisible characters).',
  });

/**
 * Parameters that make the PostgreSQL driver (or libpq, whose names pg follows) read a file on this
 * computer. A URL typed into settings must never be a way to read local files, so they are refused.
 */
export const FILE_READING_URL_PARAMETERS = ['sslcert', 'sslkey', 'sslrootcert', 'sslcrl', 'sslcrldir', 'passfile', 'service', 'servicefile'] as const;

/** Query parameters whose value is a credential: masked wherever a URL is shown or recorded. */
const SECRET_PARAMETER = /pass|pwd|secret|token|key|cred/i;

const URL_HINT = 'Use a PostgreSQL URL, like postgres://user:password@server:5432/workshops.';

/** Why the driver could not use this URL, in words for the settings form; null when it can. */
export function databaseUrlProblem(s: string): string | null {
  if (!/^postgres(ql)?:\/\//i.test(s)) return URL_HINT;
  if (CONTROL.test(s) || LONE_SURROGATE.test(s)) return 'The URL contains control characters. Type it again without them.';
  // Checked before parsing: the URL parser only says "invalid" for a port out of range.
  const authority = /^postgres(?:ql)?:\/\/(?:[^@/?#]*@)?(\[[^\]]*\]|[^:/?#[\]]*)(?::([^/?#]*))?/i.exec(s);
  const port = authority?.[2];
  if (port !== undefined && port !== '' && !isPort(port)) return 'The port must be a number from 1 to 65535.';
  let url: URL;
  try {
    url = new URL(s);
  } catch {
    return 'This is not a valid URL. Check the server name, and percent-encode special characters in the password (for example @ as %40).';
  }
  try {
    decodeURIComponent(url.username);
    decodeURIComponent(url.password);
    decodeURI(url.pathname);
  } catch {
    return 'The URL contains an invalid percent-encoding (a % not followed by a valid character code).';
  }
  for (const [key, value] of url.searchParams) {
    const name = key.toLowerCase();
    if ((FILE_READING_URL_PARAMETERS as readonly string[]).includes(name)) {
      return `"${key}" names a file on this computer, which the app never reads from a URL. Remove it from the URL.`;
    }
    if (name === 'port' && !isPort(value)) return 'The port must be a number from 1 to 65535.';
  }
  // In libpq mode the driver demands a CA file for verify-ca, and files cannot be named in the URL.
  if (/^(true|1)$/i.test(url.searchParams.get('uselibpqcompat') ?? '') && url.searchParams.get('sslmode') === 'verify-ca') {
    return 'sslmode=verify-ca needs a CA certificate file, which cannot be named in the URL. Use sslmode=verify-full.';
  }
  return null;
}

const isPort = (p: string): boolean => /^\d{1,5}$/.test(p) && Number(p) >= 1 && Number(p) <= 65535;

export const databaseUrlSchema = text()
  .trim()
  .max(2000, 'This URL is too long.')
  .superRefine((s, ctx) => {
    const problem = databaseUrlProblem(s);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export type DatabaseKind = 'embedded' | 'postgres';

export interface StationSettings {
  stationName: string;
  database: { kind: 'embedded'; location: string } | { kind: 'postgres'; url: string };
  /** The database this run is connected to (a change takes effect after a restart). */
  active: { kind: DatabaseKind; description: string };
  restartRequired: boolean;
  /** Whether this computer can encrypt the server URL (and its password) in the station settings file. */
  encryptionAvailable: boolean;
  /** A server URL was saved encrypted but cannot be decrypted here (another computer or user account). */
  savedUrlUnreadable: boolean;
}

export const updateSettingsInput = z.object({
  stationName: stationNameSchema,
  /** null = embedded database in the app's data folder. */
  databaseUrl: databaseUrlSchema.nullable(),
});

export const testConnectionInput = z.object({ databaseUrl: databaseUrlSchema });

export type ConnectionTestResult =
  | { ok: true; serverVersion: string }
  | { ok: false; reason: 'unreachable' | 'auth_failed' | 'no_database' | 'not_postgres' | 'timeout' | 'other'; message: string };

/** Masks every credential in a connection URL (the password part and any password-like parameter) before it is shown or logged. */
export function redactDatabaseUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '****';
    for (const key of [...new Set(u.searchParams.keys())]) {
      if (SECRET_PARAMETER.test(key)) u.searchParams.set(key, '****');
    }
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}
