/** A key press as Electron's before-input-event reports it. */
export interface KeyPress {
  type: string;
  key: string;
  control: boolean;
  meta: boolean;
  alt: boolean;
  shift: boolean;
}

const LETTER_SHORTCUTS = new Set(['r', 'q', 'w', 'n', 't', 'o', 'p', 's']);

/**
 * Keys a packaged kiosk swallows before the page or the menu sees them: reload (F5, Ctrl/Cmd+R),
 * DevTools (F12, Ctrl+Shift+I/J/C, Cmd+Alt+I), quit and close (Ctrl/Cmd+Q, Ctrl/Cmd+W, Alt+F4),
 * new windows, open, print and save. Typing, Tab, Enter and the arrows stay.
 */
export function isKioskBlockedKey(k: KeyPress): boolean {
  if (k.type !== 'keyDown') return false;
  const key = k.key.toLowerCase();
  if (key === 'f5' || key === 'f12' || key === 'browserrefresh') return true;
  if (k.alt && key === 'f4') return true;
  const command = k.control || k.meta;
  if (!command) return false;
  if (LETTER_SHORTCUTS.has(key)) return true;
  if ((k.shift || k.alt) && (key === 'i' || key === 'j' || key === 'c')) return true;
  return false;
}
