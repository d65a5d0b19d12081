import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../shared/errors';
import { stationNameSchema } from '../../shared/settings';
import { DEFAULT_BACKUP_RETENTION, MAX_BACKUP_RETENTION } from '../../shared/backup';
import { boundedInt, text } from '../../shared/text';
import { NO_SECRET_BOX, type SecretBox } from './secret-box';

/** What this installation remembers locally: its name and which database it uses. */
export interface StoredSettings {
  stationName: string;
  /** null: the embedded database in the app's data folder. */
  databaseUrl: string | null;
  /** The locale this station shows dates and times in; null or absent: the system's. */
  locale?: string | null;
  /** Automatic backups kept in the backups folder (embedded database); absent: the default. */
  backupRetention?: number;
  /** The self-service kiosk of this station: its exit PIN (bcrypt, never sent out) and reset timers. */
  kiosk?: KioskStationSettings;
}

export interface KioskStationSettings {
  pinHash: string | null;
  resultResetSeconds: number;
  idleResetSeconds: number;
}

const kioskFileSchema = z.object({
  pinHash: text().max(200).nullable(),
  resultResetSeconds: boundedInt(1, 3600),
  idleResetSeconds: boundedInt(1, 3600),
});

/** The values a station carries only once chosen: most follow the defaults and their file stays as it was. */
const chosenParts = (s: { locale?: string | null; backupRetention?: number; kiosk?: KioskStationSettings }) => ({
  ...(s.locale ? { locale: s.locale } : {}),
  ...(s.backupRetention === undefined ? {} : { backupRetention: s.backupRetention }),
  ...(s.kiosk === undefined ? {} : { kiosk: s.kiosk }),
});

/**
 * On disk: `databaseUrl` in clear (files written before encryption, or where the OS has no key
 * store), or `encryptedDatabaseUrl` (the whole URL, so a password in any of its parts is covered).
 */
const fileSchema = z.object({
  stationName: text().catch(''),
  databaseUrl: text().nullable().optional().catch(null),
  encryptedDatabaseUrl: text().optional().catch(undefined),
  locale: text().max(35).nullable().optional().catch(null),
  backupRetention: boundedInt(1, MAX_BACKUP_RETENTION).optional().catch(DEFAULT_BACKUP_RETENTION),
  kiosk: kioskFileSchema.optional().catch(undefined),
});

interface Loaded {
  settings: StoredSettings;
  /** The file holds a server URL in clear although this computer could encrypt it. */
  clearTextSecret: boolean;
  unreadable: boolean;
}

export const defaultStationName = (): string => `Station ${hostname().slice(0, 40) || '1'}`;

// A name that the current rules refuse (an older version let a NUL through, which then broke every
// audited action) falls back to the default rather than poisoning the station again.
const usableName = (name: string): string => {
  const parsed = stationNameSchema.safeParse(name);
  return parsed.success ? parsed.data : defaultStationName();
};

export class StationSettingsStore {
  private cached: Loaded | null = null;

  constructor(
    private readonly file: string,
    private readonly box: SecretBox = NO_SECRET_BOX,
  ) {}

  read(): StoredSettings {
    return this.loaded().settings;
  }

  get encryptionAvailable(): boolean {
    return this.box.available;
  }

  /** A URL was saved encrypted and this computer cannot decrypt it: it must be entered again. */
  get savedUrlUnreadable(): boolean {
    return this.loaded().unreadable;
  }

  private loaded(): Loaded {
    return (this.cached ??= this.load());
  }

  private load(): Loaded {
    let raw: z.output<typeof fileSchema>;
    try {
      raw = fileSchema.parse(JSON.parse(readFileSync(this.file, 'utf8')));
    } catch {
      return { settings: { stationName: defaultStationName(), databaseUrl: null }, clearTextSecret: false, unreadable: false };
    }
    const stationName = usableName(raw.stationName);
    const kept = chosenParts(raw);
    if (raw.encryptedDatabaseUrl !== undefined) {
      try {
        if (!this.box.available) throw new Error('no key store');
        return { settings: { stationName, databaseUrl: this.box.decrypt(raw.encryptedDatabaseUrl), ...kept }, clearTextSecret: false, unreadable: false };
      } catch {
        return { settings: { stationName, databaseUrl: null, ...kept }, clearTextSecret: false, unreadable: true };
      }
    }
    const databaseUrl = raw.databaseUrl ?? null;
    return { settings: { stationName, databaseUrl, ...kept }, clearTextSecret: databaseUrl !== null && this.box.available, unreadable: false };
  }

  /**
   * Written to a temporary file then renamed, so a crash never leaves half a file. Returns an undo
   * that puts the previous file back exactly, for a caller whose database part fails afterwards.
   */
  write(update: StoredSettings): () => void {
    // Callers that know nothing of backups (the settings form, start-up) keep the retention as it is.
    const settings: StoredSettings = { ...this.read(), ...update };
    const content = JSON.stringify(this.toFile(settings), null, 2);
    const previousFile = this.readRaw();
    const previousCache = this.cached;
    this.replaceFile(content);
    this.cached = {
      settings: { stationName: settings.stationName, databaseUrl: settings.databaseUrl, ...chosenParts(settings) },
      clearTextSecret: false,
      unreadable: false,
    };
    return () => {
      if (previousFile === null) rmSync(this.file, { force: true });
      else this.replaceFile(previousFile);
      this.cached = previousCache;
    };
  }

  /** Encrypts a server URL still kept in clear (a file from before encryption), keeping every value. */
  protectAtRest(): boolean {
    if (!this.loaded().clearTextSecret) return false;
    this.write(this.read());
    return true;
  }

  private toFile(settings: StoredSettings): Record<string, unknown> {
    const kept = chosenParts(settings);
    if (settings.databaseUrl === null || !this.box.available) return { stationName: settings.stationName, databaseUrl: settings.databaseUrl, ...kept };
    let encryptedDatabaseUrl: string;
    try {
      encryptedDatabaseUrl = this.box.encrypt(settings.databaseUrl);
    } catch {
      // Never fall back to clear text silently where encryption is expected.
      throw new AppError('UNAVAILABLE', 'The system key store refused to encrypt the server address. Unlock it (or sign in to the desktop again) and try once more.');
    }
    return { stationName: settings.stationName, encryptedDatabaseUrl, ...kept };
  }

  private readRaw(): string | null {
    try {
      return readFileSync(this.file, 'utf8');
    } catch {
      return null;
    }
  }

  private replaceFile(content: string): void {
    mkdirSync(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, content, { mode: 0o600 });
    renameSync(tmp, this.file);
  }
}
