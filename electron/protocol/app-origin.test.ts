import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, rendererLocation } from './app-origin';

const DEV = 'http://localhost:5173/';
const NOT_OURS = [
  'file:///opt/Workshop%20Booking/resources/app.asar/out/renderer/index.html',
  'file:///home/desk/.config/Workshop%20Booking/station-settings.json',
  'app://other-host/index.html',
  'app://workshop-booking.evil/index.html',
  'app://workshop-booking:8080/index.html',
  'app://me:pw@workshop-booking/index.html',
  'https://workshop-booking/index.html',
  'about:blank',
  'data:text/html,<script>1</script>',
  'not a url',
  '',
  undefined,
];

describe('which page counts as the app (IPC sender check, navigation)', () => {
  it('a packaged app loads app://workshop-booking and trusts nothing else, even with ELECTRON_RENDERER_URL set', () => {
    const loc = rendererLocation({ packaged: true, devServerUrl: DEV });
    expect(loc.entryUrl).toBe(APP_ENTRY_URL);
    expect(loc.entryUrl).toBe('app://workshop-booking/index.html');
    expect(loc.isAppUrl('app://workshop-booking/index.html')).toBe(true);
    expect(loc.isAppUrl('app://workshop-booking/index.html#kiosk')).toBe(true);
    expect(loc.isAppUrl(DEV)).toBe(false);
    expect(loc.isAppUrl('http://localhost:5173/index.html')).toBe(false);
    for (const url of NOT_OURS) expect({ url, trusted: loc.isAppUrl(url) }).toEqual({ url, trusted: false });
  });

  it('in development the dev server, and only its exact origin, takes the place of app://', () => {
    const loc = rendererLocation({ packaged: false, devServerUrl: DEV });
    expect(loc.entryUrl).toBe(DEV);
    expect(loc.isAppUrl('http://localhost:5173/index.html#kiosk')).toBe(true);
    for (const url of ['http://localhost:5174/', 'http://127.0.0.1:5173/', 'https://localhost:5173/', 'app://workshop-booking/index.html', ...NOT_OURS]) {
      expect({ url, trusted: loc.isAppUrl(url) }).toEqual({ url, trusted: false });
    }
  });

  it('ignores a "dev server" that is not on this machine, and a missing one', () => {
    for (const devServerUrl of ['http://192.168.1.20:5173/', 'https://evil.example/', 'file:///tmp/index.html', 'garbage', undefined]) {
      const loc = rendererLocation({ packaged: false, devServerUrl });
      expect({ devServerUrl, entry: loc.entryUrl }).toEqual({ devServerUrl, entry: APP_ENTRY_URL });
      if (devServerUrl) expect(loc.isAppUrl(devServerUrl)).toBe(false);
    }
  });
});
