import type { Role } from '../../shared/roles';

/**
 * Which better-auth session each window (or e2e page) holds. Lives only in the main process:
 * the renderer never sees the cookie. Idle expiry is tracked here because it is a per-window notion.
 */
export interface ClientSession {
  cookie: string;
  token: string;
  userId: string;
  /** Sign-in time on the core's clock (the absolute limit counts from here). */
  openedAtMs: number;
  lastActivityMs: number;
  /** The role seen at the last call, so events can be addressed without asking the database. */
  role?: Role;
}

export class SessionStore {
  private readonly byClient = new Map<string, ClientSession>();
  /** Why a client's session ended, told once to its next call. */
  private readonly endedReasons = new Map<string, string>();

  get(clientId: string): ClientSession | undefined {
    return this.byClient.get(clientId);
  }

  set(clientId: string, session: ClientSession): void {
    this.byClient.set(clientId, session);
    this.endedReasons.delete(clientId);
  }

  touch(clientId: string, nowMs: number, role?: Role): void {
    const s = this.byClient.get(clientId);
    if (s) {
      s.lastActivityMs = nowMs;
      if (role) s.role = role;
    }
  }

  end(clientId: string, reason?: string): void {
    this.byClient.delete(clientId);
    if (reason) this.endedReasons.set(clientId, reason);
  }

  takeEndedReason(clientId: string): string | undefined {
    const r = this.endedReasons.get(clientId);
    this.endedReasons.delete(clientId);
    return r;
  }

  /** A window closed: forget it (its database session is ended by the caller). */
  forget(clientId: string): ClientSession | undefined {
    const s = this.byClient.get(clientId);
    this.byClient.delete(clientId);
    this.endedReasons.delete(clientId);
    return s;
  }
}
