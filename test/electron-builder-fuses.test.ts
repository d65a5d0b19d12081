import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { FuseOptionsV1 } from 'app-builder-lib';
import { describe, expect, it } from 'vitest';

// Read with the YAML parser electron-builder itself uses, so the test sees what the packager sees.
const fromBuilder = createRequire(createRequire(import.meta.url).resolve('app-builder-lib/package.json'));
const yaml = fromBuilder('js-yaml') as { load(text: string): unknown };

// Typed against electron-builder's own option names: a misspelt fuse fails to compile.
const REQUIRED: Required<Omit<FuseOptionsV1, 'loadBrowserProcessSpecificV8Snapshot' | 'resetAdHocDarwinSignature'>> = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  grantFileProtocolExtraPrivileges: false,
  onlyLoadAppFromAsar: true,
  enableEmbeddedAsarIntegrityValidation: true,
  enableCookieEncryption: true,
};

describe('electron-builder.yml', () => {
  const config = yaml.load(readFileSync(join(import.meta.dirname, '../electron-builder.yml'), 'utf8')) as { electronFuses?: Record<string, unknown>; asar?: unknown };

  it('flips every security fuse of the packaged app', () => {
    expect(config.electronFuses).toBeDefined();
    for (const [fuse, value] of Object.entries(REQUIRED)) {
      expect({ fuse, value: config.electronFuses?.[fuse] }).toEqual({ fuse, value });
    }
  });

  it('sets no fuse electron-builder does not know (a typo would be silently ignored)', () => {
    const known = new Set<string>([...Object.keys(REQUIRED), 'loadBrowserProcessSpecificV8Snapshot', 'resetAdHocDarwinSignature']);
    expect(Object.keys(config.electronFuses ?? {}).filter((k) => !known.has(k))).toEqual([]);
  });

  it('packs the app into an asar archive, which onlyLoadAppFromAsar requires', () => {
    expect(config.asar).toBe(true);
  });
});
