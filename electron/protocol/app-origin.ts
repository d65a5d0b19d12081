/**
 * Where the renderer comes from, and which URLs count as "our page" for IPC and navigation.
 * Pure (no Electron) so the rules are unit-tested under plain Node.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'workshop-booking';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

export interface RendererLocation {
  /** What the windows load. */
  entryUrl: string;
  /** True only for URLs of the one origin the windows load: the IPC sender check and navigation rules use it. */
  isAppUrl(url: string | undefined): boolean;
}

const parse = (url: string | undefined): URL | null => {
  if (!url) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
};

/** app://workshop-booking/… exactly: no other host, no port, no user info. */
export function isAppSchemeUrl(url: string | undefined): boolean {
  const u = parse(url);
  return u !== null && u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '';
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** electron-vite's dev server, only on this machine: anything else is not a development setup. */
function devServerOrigin(devServerUrl: string | undefined): URL | null {
  const u = parse(devServerUrl);
  if (!u || (u.protocol !== 'http:' && u.protocol !== 'https:') || !LOOPBACK.has(u.hostname)) return null;
  return u;
}

/**
 * A packaged app always loads its own files over app://, whatever the environment says: an
 * ELECTRON_RENDERER_URL set on a desk computer must not make a web server the app (and trusted for
 * IPC). In development the dev server's origin, and only it, takes the place of app://.
 */
export function rendererLocation(opts: { packaged: boolean; devServerUrl?: string }): RendererLocation {
  const dev = opts.packaged ? null : devServerOrigin(opts.devServerUrl);
  if (dev) {
    const origin = dev.origin;
    return { entryUrl: dev.href, isAppUrl: (url) => parse(url)?.origin === origin };
  }
  return { entryUrl: APP_ENTRY_URL, isAppUrl: isAppSchemeUrl };
}
