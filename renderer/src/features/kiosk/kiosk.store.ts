import { create } from 'zustand';
import type { KioskCheckInAnswer, KioskRegistration } from '../../../../shared/kiosk';

export type KioskScreen =
  | { name: 'start' }
  | { name: 'checkIn' }
  | { name: 'find' }
  | { name: 'workshop'; workshopId: string }
  | { name: 'register'; workshopId: string }
  | { name: 'checkInResult' }
  | { name: 'registrationResult' }
  | { name: 'staff' }
  | { name: 'closed' };

interface KioskState {
  screen: KioskScreen;
  /** Bumped by every reset: history entries of an earlier visitor carry an older one and lead nowhere. */
  visit: number;
  /** Who signed in at the kiosk for this visit (first name only), if anyone. */
  signedInAs: string | null;
  checkInResult: KioskCheckInAnswer | null;
  registrationResult: KioskRegistration | null;
  /** The catalogue search of this visit. */
  search: { q: string; categoryId: string | null; when: 'today' | 'upcoming'; freeOnly: boolean };
  show(screen: KioskScreen, opts?: { replace?: boolean }): void;
  /** Back to the start for the next visitor: this visit's state is dropped. */
  clearVisit(): void;
}

const START: KioskScreen = { name: 'start' };
const FRESH_SEARCH: KioskState['search'] = { q: '', categoryId: null, when: 'upcoming', freeOnly: false };

/**
 * The kiosk's screens live in this store, not in the URL: the hash stays '#kiosk' (it is what makes
 * the window a kiosk), and each screen is a history entry stamped with the visit, so Back works
 * within one visit and never reaches a screen of the one before.
 */
export const useKiosk = create<KioskState>((set, get) => ({
  screen: START,
  // Unique per page load too: after a reload, entries of the visits before it lead nowhere either.
  visit: Date.now(),
  signedInAs: null,
  checkInResult: null,
  registrationResult: null,
  search: FRESH_SEARCH,
  show: (screen, opts) => {
    const entry = { kioskVisit: get().visit, screen };
    if (opts?.replace) history.replaceState(entry, '', '#kiosk');
    else history.pushState(entry, '', '#kiosk');
    set({ screen });
  },
  clearVisit: () => {
    const visit = get().visit + 1;
    history.replaceState({ kioskVisit: visit, screen: START }, '', '#kiosk');
    set({ screen: START, visit, signedInAs: null, checkInResult: null, registrationResult: null, search: FRESH_SEARCH });
  },
}));

/** Back and Forward: a screen of this visit comes back; anything older shows the start screen. */
export function followHistory(state: unknown): void {
  const { visit, clearVisit } = useKiosk.getState();
  const entry = state as { kioskVisit?: number; screen?: KioskScreen } | null;
  const screen = entry?.screen;
  if (entry?.kioskVisit !== visit || !screen) {
    clearVisit();
    return;
  }
  // A result belongs to the moment it was given: going back to it shows the start instead.
  if ((screen.name === 'checkInResult' && !useKiosk.getState().checkInResult) || (screen.name === 'registrationResult' && !useKiosk.getState().registrationResult)) {
    useKiosk.setState({ screen: START });
    return;
  }
  useKiosk.setState({ screen });
}
