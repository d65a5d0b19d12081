/** Runs work later. Injected so tests move a clock and fire timers instead of waiting a day. */
export interface Scheduler {
  /** Returns a cancel function. */
  after(ms: number, run: () => Promise<void>): () => void;
}

export const realScheduler: Scheduler = {
  after: (ms, run) => {
    const timer = setTimeout(() => void run(), ms);
    // A pending backup must not keep a command-line process (the bridge, a script) alive.
    timer.unref?.();
    return () => clearTimeout(timer);
  },
};

export const DAY_MS = 86_400_000;
/** Not during start-up, which is busy enough; a backup due at start waits this long. */
export const START_DELAY_MS = 5 * 60_000;
/** After a failed or skipped run (disk full, a restore running), try again sooner than a day. */
export const RETRY_MS = 3_600_000;

export interface DailyDeps {
  scheduler: Scheduler;
  now(): Date;
  /** When the newest automatic backup was made, if any. */
  newest(): Promise<Date | null>;
  /** Makes one backup; false when it could not run now. */
  run(): Promise<boolean>;
  logError(err: unknown): void;
}

/**
 * One backup a day while the app runs, counted from the newest automatic backup, so a station that
 * is restarted every morning still gets one a day and not one per start.
 */
export class DailyBackups {
  private cancel: (() => void) | null = null;
  private stopped = false;
  nextAt: Date | null = null;

  constructor(private readonly deps: DailyDeps) {}

  async start(): Promise<void> {
    const newest = await this.deps.newest().catch(() => null);
    const now = this.deps.now().getTime();
    const due = newest ? newest.getTime() + DAY_MS : now;
    this.plan(Math.max(due - now, START_DELAY_MS));
  }

  stop(): void {
    this.stopped = true;
    this.cancel?.();
    this.cancel = null;
    this.nextAt = null;
  }

  private plan(ms: number): void {
    if (this.stopped) return;
    this.nextAt = new Date(this.deps.now().getTime() + ms);
    this.cancel = this.deps.scheduler.after(ms, () => this.fire());
  }

  private async fire(): Promise<void> {
    let ran = false;
    try {
      ran = await this.deps.run();
    } catch (err) {
      this.deps.logError(err);
    }
    this.plan(ran ? DAY_MS : RETRY_MS);
  }
}
