import { join } from 'node:path';
import type { Scheduler } from './daily';
import type { FileDialogs } from './file-dialogs';

/**
 * Stand-ins for the shell's file dialogs, for the e2e bridge and tests: they answer the path they
 * were told to (null: the person closed the dialog), and remember what they were asked.
 */
export class ScriptedFileDialogs implements FileDialogs {
  saveTo: string | null = null;
  openFrom: string | null = null;
  readonly suggested: string[] = [];
  opened = 0;

  async chooseBackupTarget(suggestedName: string): Promise<string | null> {
    this.suggested.push(suggestedName);
    return this.saveTo;
  }

  async chooseBackupToRestore(): Promise<string | null> {
    this.opened++;
    return this.openFrom;
  }

  /** Exports go into `exportFolder` under the suggested name (a download, in the bridge); null: closed. */
  exportFolder: string | null = null;

  async chooseExportTarget(suggestedName: string): Promise<string | null> {
    this.suggested.push(suggestedName);
    return this.exportFolder === null ? null : join(this.exportFolder, suggestedName);
  }
}

/** Timers that fire when a test says the time has come, on the test's clock: no real waiting. */
export class ManualScheduler implements Scheduler {
  private timers: { at: number; run: () => Promise<void>; cancelled: boolean }[] = [];

  constructor(private readonly now: () => Date) {}

  after(ms: number, run: () => Promise<void>): () => void {
    const timer = { at: this.now().getTime() + ms, run, cancelled: false };
    this.timers.push(timer);
    return () => {
      timer.cancelled = true;
    };
  }

  /** When the next timer is due, if any. */
  get nextAt(): Date | null {
    const live = this.timers.filter((t) => !t.cancelled).sort((a, b) => a.at - b.at);
    return live[0] ? new Date(live[0].at) : null;
  }

  /** Runs, to the end, every timer due by the clock's time now; returns how many ran. */
  async runDue(): Promise<number> {
    let ran = 0;
    for (;;) {
      const due = this.timers.filter((t) => !t.cancelled && t.at <= this.now().getTime()).sort((a, b) => a.at - b.at)[0];
      if (!due) return ran;
      this.timers = this.timers.filter((t) => t !== due);
      await due.run();
      ran++;
    }
  }
}
