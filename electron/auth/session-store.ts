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
  /** The account as last read from the database, while nothing has said it changed (see SessionStore.trusts). */
  verified?: VerifiedAccount;
  /** When the session row last heard of this activity (it is written at most once a minute). */
  lastStoredMs?: number;
}

export interface VerifiedAccount {
  account: { id: string; name: string; email: string; role: string; disabled: boolean; mustChangePassword: boolean };
  /** Wall-clock time of the read. */
  atMs: number;
}

/** However quiet the line, an account is read again at least this often. */
export const MAX_TRUST_MS = 60_000;

export class SessionStore {
  private readonly byClient = new Map<string, ClientSession>();
  /** Whether every change to an account would reach this station now (the live-update line is up). */
  private trusting: () => boolean = () => false;

  /**
   * A remembered account is used instead of a database read only while changes would be heard
   * (`live`), and never for longer than MAX_TRUST_MS. Set by the core once its event hub runs.
   */
  trustWhile(live: () => boolean): void {
    this.trusting = live;
  }

  trusts(v: VerifiedAccount | undefined, nowMs = Date.now()): v is VerifiedAccount {
    return !!v && this.trusting() && nowMs - v.atMs < MAX_TRUST_MS;
  }

  /** Something changed for this user (or, with null, maybe for anyone): read them again at the next call. */
  forgetVerified(userId: string | null): void {
    for (const s of this.byClient.values()) if (userId === null || s.userId === userId) delete s.verified;
  }
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

  /** The app is quitting: every session it holds, to end in the database. */
  forgetAll(): ClientSession[] {
    const all = [...this.byClient.values()];
    this.byClient.clear();
    this.endedReasons.clear();
    return all;
  }

  /** A window closed: forget it (its database session is ended by the caller). */
  forget(clientId: string): ClientSession | undefined {
    const s = this.byClient.get(clientId);
    this.byClient.delete(clientId);
    this.endedReasons.delete(clientId);
    return s;
  }
}
