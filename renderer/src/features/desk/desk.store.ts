import { create } from 'zustand';
import type { CheckInResult, DeskOverride, ResultClass } from '../../../../shared/desk';
import { doubleScanGuard } from './scan-input';

/** What the result panel shows: the answer to the latest scan or pick at this station. */
export type DeskShown =
  /** `override`: what staff overrode to get this answer; taking the payment next keeps it. */
  | { kind: 'result'; result: CheckInResult; override?: DeskOverride }
  | { kind: 'typo'; code: string }
  | { kind: 'info'; text: string }
  | { kind: 'error'; message: string };

export interface LogEntry {
  seq: number;
  at: string;
  tone: ResultClass | 'typo' | 'info';
  text: string;
}

export interface Undoable {
  checkInId: string;
  paymentId: string | null;
  until: number;
  name: string;
}

export type DeskPanel = 'pay' | 'walkIn' | 'list' | null;

interface DeskState {
  shown: DeskShown | null;
  shownSeq: number;
  /** "Scanned twice — ignored": a fresh key each time, so a repeat shows again. */
  notice: { text: string; key: number } | null;
  log: LogEntry[];
  lastUndo: Undoable | null;
  panel: DeskPanel;
  /** The codes scanned at this station, wherever the focus was: a scanner's double send is one scan. */
  scans: ReturnType<typeof doubleScanGuard>;
  nextSeq(): number;
  show(seq: number, shown: DeskShown, log: Omit<LogEntry, 'seq' | 'at'>): boolean;
  setNotice(text: string | null): void;
  setUndo(u: Undoable | null): void;
  setPanel(p: DeskPanel): void;
}

let seqCounter = 0;
const LOG_SIZE = 60;

export const useDesk = create<DeskState>((set, get) => ({
  shown: null,
  shownSeq: 0,
  notice: null,
  log: [],
  lastUndo: null,
  panel: null,
  scans: doubleScanGuard(),
  nextSeq: () => ++seqCounter,
  /**
   * Every answer goes into the station's log; the panel shows it only if no later scan has been
   * answered already (answers can arrive out of order when codes come fast). Returns whether shown.
   */
  show: (seq, shown, entry) => {
    const log = [{ ...entry, seq, at: new Date().toISOString() }, ...get().log].slice(0, LOG_SIZE);
    if (seq < get().shownSeq) {
      set({ log });
      return false;
    }
    // A payment panel belongs to the answer it was opened from.
    set({ shown, shownSeq: seq, log, notice: null, panel: get().panel === 'pay' ? null : get().panel });
    return true;
  },
  setNotice: (text) => set({ notice: text ? { text, key: Date.now() } : null }),
  setUndo: (lastUndo) => set({ lastUndo }),
  setPanel: (panel) => set({ panel }),
}));

/** The desk's one field registers itself here, so anything that closes can give the focus back. */
let scanField: HTMLInputElement | null = null;
export const registerScanField = (el: HTMLInputElement | null): void => {
  scanField = el;
};
export const isScanField = (el: EventTarget | null): boolean => el !== null && el === scanField;
export const focusScanField = (): void => {
  scanField?.focus({ preventScroll: true });
};
