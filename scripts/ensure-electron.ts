// Runs before `electron-vite preview` / `electron-vite dev` (see package.json): makes sure
// Electron's runtime is there, fetching it once if not. Tests never run this; they drive
// ensureElectronRuntime with a fake installer.
import { electronInstaller, ensureElectronRuntime, findElectronPackage } from './electron-runtime';

process.exitCode = await ensureElectronRuntime({
  pkg: findElectronPackage(process.cwd()),
  env: process.env,
  install: electronInstaller,
  say: (line) => console.log(line),
  complain: (line) => console.error(line),
});
