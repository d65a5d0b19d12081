import { randomUUID } from 'node:crypto';
import type { DbHandle } from '../db/create-db';
import type { DailyBackups, Scheduler } from './daily';
import type { FileDialogs } from './file-dialogs';
import { DatabaseGate } from './gate';

/** What backups need for the life of one core, beside the database itself. */
export interface BackupRuntime {
  /** `<userData>/backups`: automatic backups and restore safety copies; null where none are kept. */
  folder: string | null;
  dialogs: FileDialogs;
  scheduler: Scheduler;
  /** Folder of the embedded database on disk; null when it lives in memory (tests). */
  dataDir: string | null;
  gate: DatabaseGate;
  daily: DailyBackups | null;
  selections: RestoreSelections;
  restoring: boolean;
  /** Puts a newly opened database in place of the closed one (the composition root knows what holds it). */
  install(handle: DbHandle): void;
}

const SELECTION_MS = 15 * 60_000;

/**
 * The file chosen for a restore, between the dialog and the confirmation. The renderer gets an
 * opaque id for it, never a path it could replace with another one.
 */
export class RestoreSelections {
  private readonly chosen = new Map<string, { path: string; clientId: string; at: number }>();

  remember(path: string, clientId: string, now: Date): string {
    const id = randomUUID();
    for (const [k, v] of this.chosen) if (v.clientId === clientId || now.getTime() - v.at > SELECTION_MS) this.chosen.delete(k);
    this.chosen.set(id, { path, clientId, at: now.getTime() });
    return id;
  }

  /** The path, once: a second restore needs a second choice. */
  take(id: string, clientId: string, now: Date): string | null {
    const c = this.chosen.get(id);
    if (!c || c.clientId !== clientId || now.getTime() - c.at > SELECTION_MS) return null;
    this.chosen.delete(id);
    return c.path;
  }
}

export function createBackupRuntime(opts: Omit<BackupRuntime, 'gate' | 'daily' | 'selections' | 'restoring'>): BackupRuntime {
  return { ...opts, gate: new DatabaseGate(), daily: null, selections: new RestoreSelections(), restoring: false };
}
