import type { WebPreferences } from 'electron';

/**
 * The only webPreferences any window of the app gets (windows.ts is the only place that creates
 * one; a test reads the sources to keep it so). Each line closes a way out of the page: no Node,
 * a sandboxed renderer, an isolated preload world, the same-origin policy, no mixed content, no
 * experimental or blink features, no webview tag, no DevTools in a packaged app.
 */
export function hardenedWebPreferences(opts: { preload: string; packaged: boolean; spellcheck: boolean }): WebPreferences {
  return {
    preload: opts.preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    devTools: !opts.packaged,
    spellcheck: opts.spellcheck,
  };
}
