import { create } from 'zustand';

/** Desk payment methods offered at the counter (a bank transfer is not taken at a desk). */
export const DESK_METHODS = ['cash', 'card', 'other'] as const;
export type DeskMethod = (typeof DESK_METHODS)[number];

interface DeskPrefs {
  sound: boolean;
  method: DeskMethod;
  /** The workshop the desk is set to; null: all of today's. */
  workshopId: string | null;
  searchAll: boolean;
}

// This window's storage is this station's: each desk keeps its own choices across restarts.
const KEY = 'desk-prefs';
const DEFAULTS: DeskPrefs = { sound: true, method: 'cash', workshopId: null, searchAll: false };

function load(): DeskPrefs {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<DeskPrefs>;
    return { ...DEFAULTS, ...saved, method: DESK_METHODS.includes(saved.method as DeskMethod) ? (saved.method as DeskMethod) : 'cash' };
  } catch {
    return DEFAULTS;
  }
}

interface DeskPrefsState extends DeskPrefs {
  set(patch: Partial<DeskPrefs>): void;
}

export const useDeskPrefs = create<DeskPrefsState>((set, get) => ({
  ...load(),
  set: (patch) => {
    set(patch);
    const { sound, method, workshopId, searchAll } = get();
    try {
      localStorage.setItem(KEY, JSON.stringify({ sound, method, workshopId, searchAll }));
    } catch {
      // Storage full or off: the choice holds until the window closes.
    }
  },
}));
