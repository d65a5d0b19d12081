import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hardenedWebPreferences } from './web-preferences';

const repo = join(import.meta.dirname, '../..');
// eslint.config.js names the same constructors in the rule that forbids them.
const SKIP = new Set(['node_modules', 'out', 'release', 'dist', '.git', 'test-results', 'playwright-report', 'eslint.config.js']);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (SKIP.has(e.name)) return [];
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return /\.(c|m)?(t|j)sx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [relative(repo, path)] : [];
  });
}

const filesMatching = (pattern: RegExp) => sources(repo).filter((f) => pattern.test(readFileSync(join(repo, f), 'utf8')));

describe('every window is created hardened', () => {
  it('gets no Node, a sandbox, context isolation, web security, no insecure content, no experimental features, no webview', () => {
    for (const packaged of [true, false]) {
      const prefs = hardenedWebPreferences({ preload: '/x/preload.cjs', packaged, spellcheck: true });
      expect(prefs).toMatchObject({
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        webviewTag: false,
      });
      expect(prefs).not.toHaveProperty('enableBlinkFeatures');
      expect(prefs).not.toHaveProperty('additionalArguments');
    }
  });

  it('has no DevTools in a packaged app', () => {
    expect(hardenedWebPreferences({ preload: 'p', packaged: true, spellcheck: false }).devTools).toBe(false);
    expect(hardenedWebPreferences({ preload: 'p', packaged: false, spellcheck: false }).devTools).toBe(true);
  });

  it('is made in one place only, with exactly those preferences', () => {
    expect(filesMatching(/new\s+(?:[\w.]+\.)?BrowserWindow\b/)).toEqual(['electron/shell/windows.ts']);
    const windows = readFileSync(join(repo, 'electron/shell/windows.ts'), 'utf8');
    expect(windows.match(/new\s+BrowserWindow\b/g)).toHaveLength(1);
    expect(windows.match(/webPreferences/g)).toHaveLength(1);
    expect(windows).toMatch(/webPreferences:\s*hardenedWebPreferences\(/);
    // No other file sets web preferences, and no other kind of web view is created anywhere.
    expect(filesMatching(/webPreferences\s*:/)).toEqual(['electron/shell/windows.ts']);
    expect(filesMatching(/\b(BrowserView|WebContentsView)\b|<webview|webviewTag:\s*true|\.setWebPreferences/)).toEqual([]);
  });
});
