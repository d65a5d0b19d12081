import { create } from 'zustand';
import type { AppStatus } from '../../../../shared/app';
import type { SessionInfo } from '../../../../shared/auth';
import { onApiResult } from '../../lib/api';
import { authApi } from './auth.api';
import { setupApi } from '../setup/setup.api';

interface SessionState {
  phase: 'starting' | 'ready' | 'unavailable';
  status: AppStatus | null;
  session: SessionInfo | null;
  /** Why the user is looking at the sign-in screen (session ended, account disabled, …). */
  notice: string | null;
  /** Email to prefill on the sign-in screen (after loading demo data). */
  signInEmail: string;
  load(): Promise<void>;
  /** Reads the station's status again (after its name or locale changed), without touching the session. */
  refreshStatus(): Promise<void>;
  signedIn(session: SessionInfo): void;
  signedOut(notice?: string | null): void;
  setSignInEmail(email: string): void;
}

export const useSession = create<SessionState>((set, get) => ({
  phase: 'starting',
  status: null,
  session: null,
  notice: null,
  signInEmail: '',
  load: async () => {
    const [status, session] = await Promise.all([setupApi.status(), authApi.session()]);
    if (!status.ok) {
      set({ phase: 'unavailable', notice: status.error.message });
      return;
    }
    set({ phase: 'ready', status: status.data, session: session.ok ? session.data : null });
  },
  refreshStatus: async () => {
    const status = await setupApi.status();
    if (status.ok) set({ status: status.data });
  },
  signedIn: (session) => set({ session, notice: null, status: get().status && { ...get().status!, needsSetup: false } }),
  signedOut: (notice = null) => set({ session: null, notice }),
  setSignInEmail: (signInEmail) => set({ signInEmail }),
}));

// Any call can reveal that the session ended (idle, expired, disabled elsewhere) or that a new
// password is required; the whole app follows from here rather than each page handling it.
onApiResult((channel, result) => {
  if (result.ok) return;
  const { session, signedOut } = useSession.getState();
  if (result.error.code === 'UNAUTHENTICATED' && session && channel !== 'auth:signIn') signedOut(result.error.message);
  if (result.error.code === 'PASSWORD_CHANGE_REQUIRED' && session) {
    useSession.setState({ session: { ...session, user: { ...session.user, mustChangePassword: true } } });
  }
});
