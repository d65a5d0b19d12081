import { join } from 'node:path';
import { BrowserWindow } from 'electron';
import type { Surface } from '../../shared/roles';
import { hardenedWebPreferences } from './web-preferences';

const surfaceByWebContents = new Map<number, Surface>();

export const surfaceOf = (webContentsId: number): Surface | undefined => surfaceByWebContents.get(webContentsId);

export interface WindowOptions {
  /** The renderer's entry (app://workshop-booking/index.html, or the dev server in development). */
  entryUrl: string;
  packaged: boolean;
  onClosed(webContentsId: number): void;
}

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
    opts.onClosed(id);
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(kiosk ? `${opts.entryUrl}#kiosk` : opts.entryUrl);
  return win;
}
