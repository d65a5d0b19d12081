import { useCallback } from 'react';
import type { CheckInResult, DeskOverride } from '../../../../shared/desk';
import type { InputOf } from '../../../../shared/ipc/contract';
import { formatTicketCode } from '../../../../shared/tickets';
import { useFormat } from '../../app/format';
import { deskApi } from './desk.api';
import { useDeskPrefs } from './desk-prefs.store';
import { useDesk } from './desk.store';
import { describeResult } from './result-words';
import { playResultSound } from './sounds';

export const TYPO_TEXT = 'This code has a typing error';
export const DOUBLE_TEXT = 'Scanned twice — ignored';

/** The desk's actions: each answer is shown (if still the latest), logged, heard, and made undoable. */
export function useDeskActions() {
  const fmt = useFormat();

  const present = useCallback(
    (seq: number, result: CheckInResult, override?: DeskOverride) => {
      const v = describeResult(result, fmt);
      const shown = useDesk.getState().show(seq, { kind: 'result', result, override }, { tone: result.resultClass, text: [v.heading, v.reason, v.name, result.workshop?.title].filter(Boolean).join(' · ') });
      if (shown && useDeskPrefs.getState().sound) playResultSound(result.resultClass);
      if (result.outcome === 'checked_in' && result.checkIn && result.undoUntil) {
        useDesk.getState().setUndo({ checkInId: result.checkIn.id, paymentId: result.payment?.id ?? null, until: Date.parse(result.undoUntil), name: result.person?.name ?? '' });
      }
    },
    [fmt],
  );

  const failed = useCallback((seq: number, message: string) => {
    const shown = useDesk.getState().show(seq, { kind: 'error', message }, { tone: 'refused', text: message });
    if (shown && useDeskPrefs.getState().sound) playResultSound('refused');
  }, []);

  const checkIn = useCallback(
    async (target: { ticketCode: string } | { registrationId: string }, override?: DeskOverride) => {
      const seq = useDesk.getState().nextSeq();
      const deskWorkshopId = useDeskPrefs.getState().workshopId ?? undefined;
      const r = await deskApi.checkIn({ ...target, deskWorkshopId, override });
      if (r.ok) present(seq, r.data, override);
      else failed(seq, r.error.message);
    },
    [present, failed],
  );

  const payAndCheckIn = useCallback(
    async (input: Omit<InputOf<'desk:payAndCheckIn'>, 'deskWorkshopId'>) => {
      const seq = useDesk.getState().nextSeq();
      const r = await deskApi.payAndCheckIn({ ...input, deskWorkshopId: useDeskPrefs.getState().workshopId ?? undefined });
      if (r.ok) present(seq, r.data, input.override);
      return r;
    },
    [present],
  );

  const typo = useCallback((code: string) => {
    const seq = useDesk.getState().nextSeq();
    const shown = useDesk.getState().show(seq, { kind: 'typo', code }, { tone: 'typo', text: `${TYPO_TEXT}: ${code.length === 8 ? formatTicketCode(code) : code}` });
    if (shown && useDeskPrefs.getState().sound) playResultSound('typo');
  }, []);

  const doubled = useCallback(() => useDesk.getState().setNotice(DOUBLE_TEXT), []);

  /** A valid code from the scanner: checked in, unless the scanner just sent it already. */
  const scan = useCallback(
    (code: string) => {
      if (useDesk.getState().scans.isRepeat(code, Date.now())) return doubled();
      void checkIn({ ticketCode: code });
    },
    [checkIn, doubled],
  );

  /** F8: the last check-in (and its desk payment) made at this station, while the window is open. */
  const undoLast = useCallback(async () => {
    const u = useDesk.getState().lastUndo;
    const seq = useDesk.getState().nextSeq();
    if (!u || Date.now() > u.until) {
      useDesk.getState().show(seq, { kind: 'info', text: 'Nothing to undo: only the last check-in at this station, for 2 minutes.' }, { tone: 'info', text: 'Nothing to undo' });
      return;
    }
    const r = await deskApi.undo({ checkInId: u.checkInId, paymentId: u.paymentId ?? undefined });
    if (!r.ok) return failed(seq, r.error.message);
    useDesk.getState().setUndo(null);
    const what = r.data.undone.includes('payment') ? 'Check-in and payment undone' : 'Check-in undone';
    useDesk.getState().show(seq, { kind: 'info', text: `${what}: ${u.name}` }, { tone: 'info', text: `${what}: ${u.name}` });
  }, [failed]);

  return { checkIn, payAndCheckIn, typo, scan, undoLast, present };
}
