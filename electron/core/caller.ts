import type { SessionUser } from '../../shared/auth';
import type { Audience, Surface } from '../../shared/roles';

/** Who is calling, built by the dispatcher for every call from the main-process session store. */
export interface Caller {
  /** The window (webContents id) or e2e page that made the call. */
  clientId: string;
  surface: Surface;
  station: string;
  user: SessionUser | null;
  role: Audience;
  /** better-auth session token of this client; never sent to the renderer. */
  sessionToken: string | null;
  /** The client-made id of a 'write' call (see core/requests.ts); absent when a service is called directly. */
  request?: CallRequest | null;
}

export interface CallRequest {
  id: string;
  channel: string;
  /** Digest of the channel, the caller and the checked input (see requestFingerprint); set by the dispatcher. */
  fingerprint?: string;
}

export interface Actor {
  actorId: string | null;
  actorEmail: string | null;
  station: string;
  /** The window the action came from, recorded beside the station (the kiosk apart from the desk). */
  surface: Surface;
}

export const actorOf = (caller: Caller): Actor => ({
  actorId: caller.user?.id ?? null,
  actorEmail: caller.user?.email ?? null,
  station: caller.station,
  surface: caller.surface,
});

/**
 * At the kiosk an organiser's account has an attendee's powers only, in every service (drafts,
 * other people's registrations) and whatever the channel admits; the session it reports says so too.
 */
export const powersAt = (surface: Surface, user: SessionUser): SessionUser => (surface === 'kiosk' && user.role !== 'attendee' ? { ...user, role: 'attendee' } : user);
