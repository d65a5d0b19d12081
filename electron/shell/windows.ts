import { join } from 'node:path';
import { BrowserWindow } from 'electron';
import type { Surface } from '../../shared/roles';
import { isKioskBlockedKey } from './kiosk-shortcuts';
import { hardenedWebPreferences } from './web-preferences';

const surfaceByWebContents = new Map<number, Surface>();

export const surfaceOf = (webContentsId: number): Surface | undefined => surfaceByWebContents.get(webContentsId);

export interface WindowOptions {
  /** The renderer's entry (app://workshop-booking/index.html, or the dev server in development). */
  entryUrl: string;
  packaged: boolean;
  onClosed(webContentsId: number): void;
  /** True once the app is quitting: a kiosk window then closes like any other. */
  quitting(): boolean;
}

/** Kiosk windows whose exit was authorised (staff PIN or an admin's sign-in), by webContents id. */
const releasedKiosks = new Set<number>();

/** The workstation window (desk and admin), or the self-service kiosk (full screen, locked down). */
export function openWindow(surface: Surface, opts: WindowOptions): BrowserWindow {
  const kiosk = surface === 'kiosk';
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 960,
    minHeight: 640,
    show: false,
    kiosk,
    autoHideMenuBar: kiosk,
    title: kiosk ? 'Workshop Booking — Kiosk' : 'Workshop Booking',
    webPreferences: hardenedWebPreferences({ preload: join(import.meta.dirname, '../preload/index.cjs'), packaged: opts.packaged, spellcheck: !kiosk }),
  });
  const id = win.webContents.id;
  surfaceByWebContents.set(id, surface);
  win.on('closed', () => {
    surfaceByWebContents.delete(id);
    releasedKiosks.delete(id);
    opts.onClosed(id);
  });
  if (kiosk) lockDown(win, opts);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(kiosk ? `${opts.entryUrl}#kiosk` : opts.entryUrl);
  return win;
}

/**
 * A kiosk has no menu; packaged, it also swallows reload, DevTools, quit and close shortcuts and
 * refuses to close (Alt+F4, the window manager) until its exit is authorised or the app quits.
 */
function lockDown(win: BrowserWindow, opts: WindowOptions): void {
  win.setMenu(null);
  if (!opts.packaged) return;
  const id = win.webContents.id;
  win.webContents.on('before-input-event', (event, input) => {
    if (isKioskBlockedKey(input)) event.preventDefault();
  });
  win.on('close', (event) => {
    if (!releasedKiosks.has(id) && !opts.quitting()) event.preventDefault();
  });
}

/**
 * Leaves kiosk mode for the kiosk window behind `webContentsId`: it closes. Returns how many other
 * windows stay open, or null when there was no such kiosk window.
 */
export function releaseKiosk(webContentsId: number): number | null {
  const open = BrowserWindow.getAllWindows().filter((w) => !w.isDestroyed());
  const win = open.find((w) => w.webContents.id === webContentsId);
  if (!win || surfaceByWebContents.get(webContentsId) !== 'kiosk') return null;
  releasedKiosks.add(webContentsId);
  win.setKiosk(false);
  win.close();
  return open.length - 1;
}
