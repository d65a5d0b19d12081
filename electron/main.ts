import { app, dialog, Menu } from 'electron';
import { createCore, type Core } from './core/create-core';
import { SchemaTooNewError } from './db/migrate';
import { coreConfigFor } from './core/startup-config';
import { StationSettingsStore } from './settings/station-settings';
import { registerIpc } from './shell/ipc';
import { hardenWebContents } from './shell/security';
import { openWindow } from './shell/windows';
import { buildMenu } from './shell/menu';

let core: Core | null = null;
const wantsKiosk = process.argv.includes('--kiosk');

hardenWebContents();
registerIpc(() => core?.dispatch ?? null);

// One app per computer: a second start focuses a new window of the running one.
const primary = app.requestSingleInstanceLock();
if (!primary) app.quit();

async function start(): Promise<void> {
  const userData = app.getPath('userData');
  const config = { ...coreConfigFor(userData), appVersion: app.getVersion() };
  try {
    core = await createCore(config);
  } catch (err) {
    const fallback = await explainStartupFailure(err, config.database.kind === 'postgres');
    if (fallback === 'embedded') {
      const store = new StationSettingsStore(config.settingsFile);
      store.write({ ...store.read(), databaseUrl: null });
      app.relaunch();
    }
    app.exit(1);
    return;
  }
  Menu.setApplicationMenu(buildMenu({ openKiosk: () => openWindow('kiosk', forget) }));
  openWindow(wantsKiosk ? 'kiosk' : 'workstation', forget);
}

function forget(webContentsId: number): void {
  void core?.forgetClient(`wc:${webContentsId}`);
}

async function explainStartupFailure(err: unknown, usingServer: boolean): Promise<'quit' | 'embedded'> {
  const detail =
    err instanceof SchemaTooNewError
      ? err.message
      : usingServer
        ? 'The shared database server could not be reached or opened. Check the network and the server, or switch this station back to its own embedded database.'
        : 'The embedded database could not be opened.';
  const buttons = usingServer ? ['Quit', 'Use the embedded database'] : ['Quit'];
  const { response } = await dialog.showMessageBox({ type: 'error', title: 'Workshop Booking cannot start', message: 'Workshop Booking cannot start', detail, buttons });
  return buttons[response] === 'Use the embedded database' ? 'embedded' : 'quit';
}

if (primary) void app.whenReady().then(start);

app.on('second-instance', () => openWindow('workstation', forget));
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
