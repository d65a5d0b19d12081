import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { mainProcessTarget, rendererTarget } from './electron-targets';

// Our layout is electron/ + renderer/, not electron-vite's default src/main|preload|renderer.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      target: mainProcessTarget,
      rolldownOptions: { input: { index: resolve(import.meta.dirname, 'electron/main.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      target: mainProcessTarget,
      // A sandboxed preload must be one CommonJS file that requires nothing but 'electron'.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(import.meta.dirname, 'electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(import.meta.dirname, 'out/renderer'),
      target: rendererTarget,
      // electron-vite leaves the renderer unminified; every station parses it on every start.
      minify: true,
      // Read by the bundle bench to follow each screen's imports.
      manifest: true,
      rolldownOptions: { input: { index: resolve(import.meta.dirname, 'renderer/index.html') } },
    },
  },
});
