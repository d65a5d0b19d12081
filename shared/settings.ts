import { z } from 'zod';
import { text } from './text';

export const stationNameSchema = text().trim().min(1, 'Give this station a name, like "Front desk 1".').max(60, 'Keep the station name under 60 characters.');

export const databaseUrlSchema = text()
  .trim()
  .max(2000)
  .refine((s) => /^postgres(ql)?:\/\//i.test(s), { message: 'Use a PostgreSQL URL, like postgres://user:password@server:5432/workshops.' });

export type DatabaseKind = 'embedded' | 'postgres';

export interface StationSettings {
  stationName: string;
  database: { kind: 'embedded'; location: string } | { kind: 'postgres'; url: string };
  /** The database this run is connected to (a change takes effect after a restart). */
  active: { kind: DatabaseKind; description: string };
  restartRequired: boolean;
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

/** Redacts the password in a connection URL before it is shown or logged. */
export function redactDatabaseUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '****';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}
