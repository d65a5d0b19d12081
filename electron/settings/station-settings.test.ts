import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SavedServerUnreadableError, coreConfigFor } from '../core/startup-config';
import { settingsFileIn } from '../core/paths';
import { fakeSecretBox, UNAVAILABLE_SECRET_BOX } from '../../test/fake-secret-box';
import type { SecretBox } from './secret-box';
import { StationSettingsStore, defaultStationName } from './station-settings';

const URL_WITH_SECRETS = 'postgres://wb:hunter2@db.example:5432/workshops?sslpassword=opensesame';

const fakeBox = fakeSecretBox;
const NOT_AVAILABLE = UNAVAILABLE_SECRET_BOX;

let dir = '';
let file = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wb-settings-'));
  file = settingsFileIn(dir);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const onDisk = () => readFileSync(file, 'utf8');

describe('station settings file', () => {
  it('keeps the server URL encrypted where the computer has a key store: no password, host or user in the file', () => {
    const store = new StationSettingsStore(file, fakeBox());
    store.write({ stationName: 'Front desk 1', databaseUrl: URL_WITH_SECRETS });
    for (const clear of ['hunter2', 'opensesame', 'db.example', 'wb:', 'postgres://']) expect(onDisk()).not.toContain(clear);
    // A fresh start (a new store) reads it back.
    const again = new StationSettingsStore(file, fakeBox());
    expect(again.read()).toEqual({ stationName: 'Front desk 1', databaseUrl: URL_WITH_SECRETS });
    expect(again.encryptionAvailable).toBe(true);
    expect(again.savedUrlUnreadable).toBe(false);
  });

  it('keeps it in clear where there is no key store, and says so', () => {
    const store = new StationSettingsStore(file, NOT_AVAILABLE);
    store.write({ stationName: 'Front desk 1', databaseUrl: URL_WITH_SECRETS });
    expect(store.encryptionAvailable).toBe(false);
    expect(new StationSettingsStore(file, NOT_AVAILABLE).read().databaseUrl).toBe(URL_WITH_SECRETS);
  });

  it('loads a clear-text file from before encryption, and encrypts it without changing a value', () => {
    writeFileSync(file, JSON.stringify({ stationName: 'Old desk', databaseUrl: URL_WITH_SECRETS }));
    const box = fakeBox();
    const store = new StationSettingsStore(file, box);
    expect(store.read()).toEqual({ stationName: 'Old desk', databaseUrl: URL_WITH_SECRETS });
    expect(store.protectAtRest()).toBe(true);
    expect(onDisk()).not.toContain('hunter2');
    expect(new StationSettingsStore(file, fakeBox()).read()).toEqual({ stationName: 'Old desk', databaseUrl: URL_WITH_SECRETS });
    // Nothing left to do the second time.
    expect(new StationSettingsStore(file, box).protectAtRest()).toBe(false);
  });

  it('encrypts a clear-text file at its next write too', () => {
    writeFileSync(file, JSON.stringify({ stationName: 'Old desk', databaseUrl: URL_WITH_SECRETS }));
    const store = new StationSettingsStore(file, fakeBox());
    store.write({ ...store.read(), stationName: 'Renamed desk' });
    expect(onDisk()).not.toContain('hunter2');
    expect(new StationSettingsStore(file, fakeBox()).read()).toEqual({ stationName: 'Renamed desk', databaseUrl: URL_WITH_SECRETS });
  });

  it('never falls back to clear text when the key store refuses to encrypt', () => {
    new StationSettingsStore(file, NOT_AVAILABLE).write({ stationName: 'Desk', databaseUrl: null });
    const before = onDisk();
    const refusing: SecretBox = { available: true, encrypt: () => { throw new Error('keychain locked'); }, decrypt: (s) => s };
    expect(() => new StationSettingsStore(file, refusing).write({ stationName: 'Desk', databaseUrl: URL_WITH_SECRETS })).toThrow(expect.objectContaining({ code: 'UNAVAILABLE' }));
    expect(onDisk()).toBe(before);
  });

  it('an address encrypted elsewhere is reported unreadable, and the app will not silently start on an empty embedded database', () => {
    new StationSettingsStore(file, fakeBox('this-pc')).write({ stationName: 'Desk', databaseUrl: URL_WITH_SECRETS });
    for (const box of [fakeBox('other-pc'), NOT_AVAILABLE]) {
      const store = new StationSettingsStore(file, box);
      expect(store.read()).toEqual({ stationName: 'Desk', databaseUrl: null });
      expect(store.savedUrlUnreadable).toBe(true);
      expect(() => coreConfigFor(dir, {}, box)).toThrow(SavedServerUnreadableError);
    }
    // DATABASE_URL still wins, for operators.
    expect(coreConfigFor(dir, { DATABASE_URL: 'postgres://ops@db/x' }, NOT_AVAILABLE).database).toEqual({ kind: 'postgres', url: 'postgres://ops@db/x' });
    expect(coreConfigFor(dir, {}, fakeBox('this-pc')).database).toEqual({ kind: 'postgres', url: URL_WITH_SECRETS });
  });

  it('recovers a station whose saved name the current rules refuse (a NUL once poisoned every audited action)', () => {
    writeFileSync(file, JSON.stringify({ stationName: 'Desk\u0000 1', databaseUrl: null }));
    expect(new StationSettingsStore(file).read().stationName).toBe(defaultStationName());
  });

  it('can put the previous file back exactly, or remove a first one', () => {
    const store = new StationSettingsStore(file, fakeBox());
    const undoFirst = store.write({ stationName: 'First', databaseUrl: null });
    undoFirst();
    expect(existsSync(file)).toBe(false);
    store.write({ stationName: 'Desk A', databaseUrl: URL_WITH_SECRETS });
    const before = onDisk();
    const undo = store.write({ stationName: 'Desk B', databaseUrl: null });
    expect(store.read().stationName).toBe('Desk B');
    undo();
    expect(onDisk()).toBe(before);
    expect(store.read()).toEqual({ stationName: 'Desk A', databaseUrl: URL_WITH_SECRETS });
  });

  it('keeps the backup retention through writes that do not mention it, encrypted or not', () => {
    for (const box of [fakeBox(), NOT_AVAILABLE]) {
      rmSync(file, { force: true });
      const store = new StationSettingsStore(file, box);
      store.write({ stationName: 'Desk', databaseUrl: URL_WITH_SECRETS, backupRetention: 3 });
      // The settings form and start-up write only the name and the database.
      store.write({ stationName: 'Desk 2', databaseUrl: URL_WITH_SECRETS });
      expect(new StationSettingsStore(file, box).read()).toEqual({ stationName: 'Desk 2', databaseUrl: URL_WITH_SECRETS, backupRetention: 3 });
    }
    // A value no version would write falls back to the default rather than to "keep none".
    writeFileSync(file, JSON.stringify({ stationName: 'Desk', databaseUrl: null, backupRetention: 0 }));
    expect(new StationSettingsStore(file).read().backupRetention).toBe(7);
  });
});
