import { join } from 'node:path';
import { BrowserWindow } from 'electron';
import type { Surface } from '../../shared/roles';
import { setAppOrigin } from './security';

const surfaceByWebContents = new Map<number, Surface>();

export const surfaceOf = (webContentsId: number): Surface | undefined => surfaceByWebContents.get(webContentsId);

export function rendererUrl(): string {
  const dev = process.env.ELECTRON_RENDERER_URL;
  return dev ? dev : `file://${join(import.meta.dirname, '../renderer/index.html')}`;
}

/** The workstation window (desk and admin), or the self-service kiosk (full screen, locked down). */
export function openWindow(surface: Surface, onClosed: (webContentsId: number) => void): BrowserWindow {
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
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: !kiosk,
    },
  });
  const id = win.webContents.id;
  surfaceByWebContents.set(id, surface);
  win.on('closed', () => {
    surfaceByWebContents.delete(id);
    onClosed(id);
  });
  win.once('ready-to-show', () => win.show());
  const url = rendererUrl();
  setAppOrigin(url);
  void win.loadURL(kiosk ? `${url}#kiosk` : url);
  return win;
}
