// electron-vite 6 only knows Electron up to 44: for a newer Electron it quietly builds main and
// preload for Electron 44's Node and the renderer for its Chrome. The runtime we pin, in one place:
// change these together with "electron" in package.json (test/electron-targets.test.ts fails until
// they agree, and compares them with the real runtime wherever Electron's binary is installed).
export const pinnedElectron = {
  version: '45.4.1',
  // Electron 45 is on the Node 24 line (its package depends on @types/node ^24.9, as each Electron
  // does on its own Node major); 24.18 is a floor: Electron 44.0 already shipped Node 24.18.1.
  node: '24.18',
  // Chromium 156.0.8078.100 (electron-to-chromium's table for 45.4.1).
  chrome: '156',
} as const;

export const mainProcessTarget = `node${pinnedElectron.node}`;
export const rendererTarget = `chrome${pinnedElectron.chrome}`;
