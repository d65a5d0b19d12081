import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import { z } from 'zod';

/** What this installation remembers locally: its name and which database it uses. */
export interface StoredSettings {
  stationName: string;
  /** null: the embedded database in the app's data folder. */
  databaseUrl: string | null;
  /** Locale for dates and times on this station; absent or null: the system's. */
  locale?: string | null;
}

const fileSchema = z.object({
  stationName: z.string().min(1).max(60).catch(''),
  databaseUrl: z.string().nullable().catch(null),
  locale: z.string().max(35).nullable().optional().catch(null),
});

export const defaultStationName = (): string => `Station ${hostname().slice(0, 40) || '1'}`;

export class StationSettingsStore {
  private cached: StoredSettings | null = null;

  constructor(private readonly file: string) {}

  read(): StoredSettings {
    return (this.cached ??= this.load());
  }

  private load(): StoredSettings {
    try {
      const parsed = fileSchema.parse(JSON.parse(readFileSync(this.file, 'utf8')));
      return { stationName: parsed.stationName || defaultStationName(), databaseUrl: parsed.databaseUrl, locale: parsed.locale ?? null };
    } catch {
      return { stationName: defaultStationName(), databaseUrl: null };
    }
  }

  /** Written to a temporary file then renamed, so a crash never leaves half a file. */
  write(settings: StoredSettings): void {
    mkdirSync(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, JSON.stringify(settings, null, 2), { mode: 0o600 });
    renameSync(tmp, this.file);
    this.cached = { ...settings };
  }
}
