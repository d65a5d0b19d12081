import { app, session, type WebContents } from 'electron';

/**
 * Denies everything a web page could use to escape: new windows, navigation away from the app,
 * permission prompts (camera, notifications, …), webviews.
 */
export function hardenWebContents(): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
  app.whenReady().then(() => {
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
  });
}

let appOrigin: string | null = null;

/** The renderer's own location: file://…/out/renderer/ when packed, the dev server in development. */
export function setAppOrigin(url: string): void {
  appOrigin = url.startsWith('file:') ? new URL('.', url).href : new URL(url).origin;
}

export function isAppUrl(url: string | undefined): boolean {
  if (!url || !appOrigin) return false;
  return appOrigin.startsWith('file:') ? url.startsWith(appOrigin) : new URL(url).origin === appOrigin;
}
