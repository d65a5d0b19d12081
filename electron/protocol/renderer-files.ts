import { readFile, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve } from 'node:path';
import { isAppSchemeUrl } from './app-origin';
import { RENDERER_CSP_HEADER } from './content-security-policy';

/**
 * Answers app://workshop-booking/… requests from the built renderer folder (out/renderer) and
 * nothing else. Electron-free: the shell's protocol.handle adapter turns the answer into a Response.
 */
export interface FileAnswer {
  status: number;
  headers: Record<string, string>;
  /** null for HEAD and for refusals: a refusal never says why, nor what exists. */
  body: Uint8Array<ArrayBuffer> | null;
}

// Only what a web page needs. A file of any other type in the folder (a stray .env, a source map
// left by a build option) is not served at all.
const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export const mimeTypeOf = (file: string): string | undefined => MIME[extname(file).toLowerCase()];

const refused = (status: number, extra: Record<string, string> = {}): FileAnswer => ({
  status,
  headers: { 'x-content-type-options': 'nosniff', ...extra },
  body: null,
});

// Each decoded path segment must be a plain file or folder name: no parent or current folder
// (however it is encoded), no separators of any OS, no drive letters or streams (':'), no hidden
// files, no control characters.
const UNSAFE_SEGMENT = /[/\\:\p{Cc}]/u;

/**
 * The file under `root` that a URL path names, or null when the path is refused or names nothing
 * the app serves. The app has no path routes (pages live in the page, the kiosk in '#kiosk') and its
 * assets are referenced relatively, so only '/' stands for index.html: answering index.html for
 * other unknown paths would load a page whose relative assets all miss.
 */
export function resolveRendererPath(root: string, encodedPathname: string): string | null {
  if (!encodedPathname.startsWith('/')) return null;
  if (encodedPathname === '/') return join(resolve(root), 'index.html');
  const segments: string[] = [];
  for (const raw of encodedPathname.slice(1).split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (segment === '' || segment.startsWith('.') || UNSAFE_SEGMENT.test(segment)) return null;
    segments.push(segment);
  }
  const base = resolve(root);
  const file = join(base, ...segments);
  // Belt and braces: whatever the segment rules missed, the answer stays inside the folder.
  const rel = relative(base, file);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return null;
  return file;
}

export async function serveRendererRequest(root: string, requestUrl: string, method = 'GET'): Promise<FileAnswer> {
  if (!isAppSchemeUrl(requestUrl)) return refused(404);
  return answerRendererPath(root, new URL(requestUrl).pathname, method);
}

/** The same answer for a path alone: the e2e bridge serves the renderer over loopback HTTP with it. */
export async function answerRendererPath(root: string, encodedPathname: string, method = 'GET'): Promise<FileAnswer> {
  if (method !== 'GET' && method !== 'HEAD') return refused(405, { allow: 'GET, HEAD' });
  const file = resolveRendererPath(root, encodedPathname);
  const type = file ? mimeTypeOf(file) : undefined;
  if (!file || !type) return refused(404);
  try {
    if (!(await stat(file)).isFile()) return refused(404);
    const body = method === 'HEAD' ? null : await readFile(file);
    const headers: Record<string, string> = { 'content-type': type, 'x-content-type-options': 'nosniff', 'cache-control': 'no-cache' };
    if (type.startsWith('text/html')) headers['content-security-policy'] = RENDERER_CSP_HEADER;
    return { status: 200, headers, body };
  } catch {
    return refused(404);
  }
}
