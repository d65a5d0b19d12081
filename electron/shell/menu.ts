import { Menu, type MenuItemConstructorOptions } from 'electron';

/**
 * In a packaged app the View menu has no Reload, Force Reload or Toggle Developer Tools (and no
 * shortcuts for them): on a desk or kiosk those would drop the page's state or open a console into
 * the app. Development keeps Electron's standard View menu.
 */
export function buildMenu(actions: { openKiosk(): void }, packaged: boolean): Menu {
  const view: MenuItemConstructorOptions = packaged
    ? { label: 'View', submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }] }
    : { role: 'viewMenu' };
  const template: MenuItemConstructorOptions[] = [
    { role: 'fileMenu' },
    { role: 'editMenu' },
    {
      label: 'Window',
      submenu: [{ label: 'Open self-service kiosk', click: () => actions.openKiosk() }, { type: 'separator' }, { role: 'minimize' }, { role: 'togglefullscreen' }],
    },
    view,
  ];
  return Menu.buildFromTemplate(template);
}
