import { join } from 'node:path';
import { app, dialog, Menu } from 'electron';
import type { Surface } from '../shared/roles';
import { createCore, type Core } from './core/create-core';
import { EMPTY_DATABASE_FILE } from './db/empty-database-file';
import type { CoreConfig } from './core/config';
import { settingsFileIn } from './core/paths';
import { SavedServerUnreadableError, coreConfigFor } from './core/startup-config';
import { SchemaTooNewError } from './db/migrate';
import { BackupBeforeMigrationError } from './backup/automatic';
import { backupDirIn } from './backup/backup-folder';
import { rendererLocation } from './protocol/app-origin';
import { StationSettingsStore } from './settings/station-settings';
import { registerAppScheme, serveRendererFrom } from './shell/app-protocol';
import { forwardEvents } from './shell/events';
import { registerIpc } from './shell/ipc';
import { electronFileDialogs } from './shell/file-dialogs';
import { buildMenu } from './shell/menu';
import { safeStorageBox } from './shell/secret-box';
import { hardenWebContents } from './shell/security';
import { openWindow } from './shell/windows';

let core: Core | null = null;
const wantsKiosk = process.argv.includes('--kiosk');
const packaged = app.isPackaged;
// ELECTRON_RENDERER_URL (electron-vite's dev server) counts only in development.
const renderer = rendererLocation({ packaged, devServerUrl: process.env.ELECTRON_RENDERER_URL });

registerAppScheme();
hardenWebContents(renderer.isAppUrl);
registerIpc(() => core?.dispatch ?? null, renderer.isAppUrl);

// One app per computer: a second start focuses a new window of the running one.
const primary = app.requestSingleInstanceLock();
if (!primary) app.quit();

const open = (surface: Surface) => openWindow(surface, { entryUrl: renderer.entryUrl, packaged, onClosed: forget });

async function start(): Promise<void> {
  serveRendererFrom(join(import.meta.dirname, '../renderer'));
  const secretBox = safeStorageBox();
  const userData = app.getPath('userData');
  let config: CoreConfig | null = null;
  try {
    const backupDir = backupDirIn(userData);
    config = {
      ...coreConfigFor(userData, process.env, secretBox),
      emptyDatabaseFile: join(import.meta.dirname, '../..', EMPTY_DATABASE_FILE),
      appVersion: app.getVersion(),
      backupDir,
      fileDialogs: electronFileDialogs({ documents: app.getPath('documents'), backups: backupDir }),
    };
    core = await createCore(config);
  } catch (err) {
    const usingServer = err instanceof SavedServerUnreadableError || config?.database.kind === 'postgres';
    const fallback = await explainStartupFailure(err, usingServer);
    if (fallback === 'embedded') {
      const store = new StationSettingsStore(settingsFileIn(userData), secretBox);
      store.write({ ...store.read(), databaseUrl: null });
      app.relaunch();
    }
    app.exit(1);
    return;
  }
  try {
    // A settings file from before encryption keeps its values but loses its clear-text password now.
    core.ctx.settings.protectAtRest();
  } catch (err) {
    console.error('[settings] could not encrypt the saved server address:', err);
  }
  forwardEvents(core);
  Menu.setApplicationMenu(buildMenu({ openKiosk: () => open('kiosk') }, packaged));
  open(wantsKiosk ? 'kiosk' : 'workstation');
}

function forget(webContentsId: number): void {
  void core?.forgetClient(`wc:${webContentsId}`);
}

async function explainStartupFailure(err: unknown, usingServer: boolean): Promise<'quit' | 'embedded'> {
  const detail =
    err instanceof SchemaTooNewError || err instanceof SavedServerUnreadableError || err instanceof BackupBeforeMigrationError
      ? err.message
      : usingServer
        ? 'The shared database server could not be reached or opened. Check the network and the server, or switch this station back to its own embedded database.'
        : 'The embedded database could not be opened.';
  const buttons = usingServer ? ['Quit', 'Use the embedded database'] : ['Quit'];
  const { response } = await dialog.showMessageBox({ type: 'error', title: 'Workshop Booking cannot start', message: 'Workshop Booking cannot start', detail, buttons });
  return buttons[response] === 'Use the embedded database' ? 'embedded' : 'quit';
}

if (primary) void app.whenReady().then(start);

// Before start-up has finished there is no app:// handler or database to show yet.
app.on('second-instance', () => {
  if (core) open('workstation');
});
app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
// Close the database before the process ends, so the embedded one is flushed and unlocked.
app.on('will-quit', (event) => {
  if (!core) return;
  event.preventDefault();
  const closing = core;
  core = null;
  void closing.close().finally(() => app.quit());
});
