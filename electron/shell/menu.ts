import { Menu, type MenuItemConstructorOptions } from 'electron';

export function buildMenu(actions: { openKiosk(): void }): Menu {
  const template: MenuItemConstructorOptions[] = [
    { role: 'fileMenu' },
    { role: 'editMenu' },
    {
      label: 'Window',
      submenu: [{ label: 'Open self-service kiosk', click: () => actions.openKiosk() }, { type: 'separator' }, { role: 'minimize' }, { role: 'togglefullscreen' }],
    },
    { role: 'viewMenu' },
  ];
  return Menu.buildFromTemplate(template);
}
