import { useEffect, useRef } from 'react';
import { classifyInput } from './scan-input';
import { scannerBurst } from './scanner-burst';
import { isScanField } from './desk.store';

const TEXT_TYPES = new Set(['text', 'search', 'email', 'tel', 'url', 'number', 'password']);
const holdsText = (el: EventTarget | null): el is HTMLInputElement | HTMLTextAreaElement =>
  el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && TEXT_TYPES.has(el.type));

/** Sets a field's value so that React hears of it (its onChange runs), as if the person had typed it. */
function restoreValue(el: HTMLInputElement | HTMLTextAreaElement, value: string) {
  const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(el, value);
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

/**
 * A ticket scanned while the focus is somewhere else on the desk — the walk-in form, the payment
 * panel, a button — is still a scan: its Enter does not submit that form or press that button, the
 * characters it typed are taken out of the field again, and the code is checked in as from the scan
 * field. Only a whole valid code, typed at a scanner's speed, counts; anything else is typing.
 */
export function useScansInForms(onCode: (code: string) => void): void {
  // The listener stays for the page's life (a burst must survive the re-renders its own keys cause).
  const latest = useRef(onCode);
  latest.current = onCode;
  useEffect(() => {
    const burst = scannerBurst();
    let before: { el: EventTarget | null; value: string | null } | null = null;
    const onKeyDown = (e: KeyboardEvent) => {
      if (isScanField(e.target)) return burst.reset();
      if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
        if (burst.key(e.key, e.timeStamp)) before = { el: e.target, value: holdsText(e.target) ? e.target.value : null };
        return;
      }
      if (e.key === 'Shift' || e.key === 'CapsLock') return; // A scanner sends Shift for capitals.
      if (e.key !== 'Enter') return burst.reset();
      const typed = burst.enter(e.timeStamp);
      const input = typed === null ? null : classifyInput(typed);
      if (input?.kind !== 'code' || !before || before.el !== e.target) return;
      e.preventDefault();
      e.stopPropagation();
      if (holdsText(e.target) && before.value !== null) restoreValue(e.target, before.value);
      latest.current(input.code);
    };
    // Capture: before the form or the button sees the Enter.
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, []);
}
