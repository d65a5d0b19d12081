import { AppError } from '../../shared/errors';

/**
 * Failed attempts at one kiosk, held in this main process (never in the renderer, where a reload or
 * a console would reset it). Like the sign-in throttle's per-station streak (auth/login-throttle.ts):
 * failures in a row make a streak, a streak past its free attempts makes every further attempt wait
 * longer, and a streak nobody adds to for `memoryMs` after its last wait is forgotten. A success
 * does not end the streak: a guesser holding one real ticket must not buy fresh guesses with it.
 */
export interface ThrottlePolicy {
  /** Seconds to wait after the n-th failure in a row (0: none). */
  delaySecondsAfter(failures: number): number;
  memoryMs: number;
  /** What a refused attempt says, given the wait in words. */
  refusal(wait: string): string;
}

interface Streak {
  failures: number;
  lockedUntilMs: number;
  lastMs: number;
}

const waitText = (seconds: number): string => (seconds >= 90 ? `${Math.ceil(seconds / 60)} minutes` : `${seconds} second${seconds === 1 ? '' : 's'}`);

export class FailureThrottle {
  private readonly streaks = new Map<string, Streak>();

  constructor(private readonly policy: ThrottlePolicy) {}

  private current(key: string, nowMs: number): Streak | null {
    const s = this.streaks.get(key);
    if (s && Math.max(s.lastMs, s.lockedUntilMs) + this.policy.memoryMs <= nowMs) {
      this.streaks.delete(key);
      return null;
    }
    return s ?? null;
  }

  /** Throws RATE_LIMITED (with the wait in seconds) while this key must wait. */
  assertMayTry(key: string, now: Date): void {
    const s = this.current(key, now.getTime());
    if (!s || s.lockedUntilMs <= now.getTime()) return;
    const seconds = Math.ceil((s.lockedUntilMs - now.getTime()) / 1000);
    throw new AppError('RATE_LIMITED', this.policy.refusal(waitText(seconds)), { details: { retryAfterSeconds: seconds } });
  }

  failed(key: string, now: Date): void {
    const nowMs = now.getTime();
    const failures = (this.current(key, nowMs)?.failures ?? 0) + 1;
    this.streaks.set(key, { failures, lastMs: nowMs, lockedUntilMs: nowMs + this.policy.delaySecondsAfter(failures) * 1000 });
  }

  /**
   * An attempt whose check is slow (bcrypt, a lookup): counted as failed before the check runs, so
   * attempts sent all at once cannot all pass the limit while none has been counted yet (the sign-in
   * throttle counts first too). Throws RATE_LIMITED while this key must wait. `wasRight()` takes the
   * count back for an attempt that turned out right.
   */
  begin(key: string, now: Date): { wasRight(): void } {
    this.assertMayTry(key, now);
    this.failed(key, now);
    return {
      wasRight: () => {
        const s = this.streaks.get(key);
        if (!s) return;
        const failures = s.failures - 1;
        if (failures <= 0) this.streaks.delete(key);
        else this.streaks.set(key, { ...s, failures, lockedUntilMs: s.lastMs + this.policy.delaySecondsAfter(failures) * 1000 });
      },
    };
  }

  /** Ends the streak (a right PIN: the person who knows it is staff, not a guesser). */
  succeeded(key: string): void {
    this.streaks.delete(key);
  }
}

/** Ticket codes are short: after 10 failures within a minute of each other, 5 s, 10 s, 20 s … up to 5 minutes. */
export const CODE_FREE_FAILURES = 10;
export const codeThrottlePolicy: ThrottlePolicy = {
  delaySecondsAfter: (n) => (n < CODE_FREE_FAILURES ? 0 : Math.min(5 * 2 ** (n - CODE_FREE_FAILURES), 300)),
  memoryMs: 60_000,
  refusal: (wait) => `Too many codes were not recognised at this kiosk. Please wait ${wait} and try again, or ask at the front desk.`,
};
