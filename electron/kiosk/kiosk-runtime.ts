import { delaySecondsAfter, STREAK_MEMORY_MS } from '../auth/login-throttle';
import { codeThrottlePolicy, FailureThrottle } from './failure-throttle';

/** What the kiosk keeps in this main process for the life of the core: its throttles, and the way out. */
export interface KioskRuntime {
  /** Failed ticket codes, per kiosk window. */
  codes: FailureThrottle;
  /** Wrong exit PINs, per kiosk window: the sign-in throttle's streak (5 free, then 30 s, 60 s …). */
  pins: FailureThrottle;
  /** Leaves kiosk mode for this window (the shell closes it); a no-op where there is no shell. */
  exit(clientId: string): void;
}

export function createKioskRuntime(exit: (clientId: string) => void = () => undefined): KioskRuntime {
  return {
    codes: new FailureThrottle(codeThrottlePolicy),
    pins: new FailureThrottle({
      delaySecondsAfter,
      memoryMs: STREAK_MEMORY_MS,
      refusal: (wait) => `Too many wrong PINs. Try again in ${wait}, or sign in as an administrator.`,
    }),
    exit,
  };
}
