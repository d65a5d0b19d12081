import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RENDERER_CSP, RENDERER_CSP_HEADER } from './content-security-policy';
import { resolveRendererPath, serveRendererRequest } from './renderer-files';

// A built renderer folder with a neighbour holding secrets: the station settings sit beside the app
// data, and a sibling folder whose name starts like the root catches a prefix-only containment check.
let base = '';
let root = '';
const SECRET = 'postgres://wb:hunter2@db.example/workshops';

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'wb-protocol-'));
  root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(join(root, 'assets', 'index-abc.css'), 'body{}');
  writeFileSync(join(root, 'assets', 'logo.svg'), '<svg/>');
  writeFileSync(join(root, 'assets', 'photo.png'), 'png');
  writeFileSync(join(root, 'assets', 'font.woff2'), 'woff2');
  writeFileSync(join(root, 'assets', 'pglite.wasm'), 'wasm');
  writeFileSync(join(root, 'assets', 'notes.xyz'), 'unknown type');
  writeFileSync(join(root, '.env'), SECRET);
  writeFileSync(join(base, 'station-settings.json'), SECRET);
  writeFileSync(join(base, 'secret.js'), SECRET);
  mkdirSync(join(base, 'renderer-evil'));
  writeFileSync(join(base, 'renderer-evil', 'a.js'), SECRET);
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

const get = (path: string, method = 'GET') => serveRendererRequest(root, `app://workshop-booking${path}`, method);
const text = (body: Uint8Array | null) => (body ? Buffer.from(body).toString('utf8') : '');

describe('the app:// protocol handler', () => {
  it('serves the app at / and /index.html, with the renderer CSP as a header', async () => {
    for (const path of ['/', '/index.html']) {
      const r = await get(path);
      expect(r.status).toBe(200);
      expect(text(r.body)).toContain('<title>app</title>');
      expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(r.headers['content-security-policy']).toBe(RENDERER_CSP_HEADER);
      expect(r.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('gives each asset the MIME type a browser needs (module scripts are refused without a JavaScript type)', async () => {
    const expected: Record<string, string> = {
      '/assets/index-abc.js': 'text/javascript; charset=utf-8',
      '/assets/index-abc.css': 'text/css; charset=utf-8',
      '/assets/logo.svg': 'image/svg+xml',
      '/assets/photo.png': 'image/png',
      '/assets/font.woff2': 'font/woff2',
      '/assets/pglite.wasm': 'application/wasm',
    };
    for (const [path, type] of Object.entries(expected)) {
      const r = await get(path);
      expect({ path, status: r.status, type: r.headers['content-type'] }).toEqual({ path, status: 200, type });
      expect(r.headers['content-security-policy']).toBeUndefined();
    }
  });

  it('never serves a file outside the renderer folder, however the path is written', async () => {
    const attempts = [
      '/../station-settings.json',
      '/../secret.js',
      '/%2e%2e/secret.js',
      '/%2E%2E/secret.js',
      '/.%2e/secret.js',
      '/assets/%2e%2e/%2e%2e/secret.js',
      '/..%2fsecret.js',
      '/..%2Fsecret.js',
      '/assets/..%2f..%2fsecret.js',
      '/..%5csecret.js',
      '/assets\\..\\..\\secret.js',
      '/assets/%5c..%5c..%5csecret.js',
      '/%252e%252e/secret.js',
      '/..%00/secret.js',
      '/../renderer-evil/a.js',
      '/%2e%2e/renderer-evil/a.js',
      `/${encodeURIComponent(join(base, 'secret.js'))}`,
      `/${join(base, 'secret.js')}`,
      '/C:%5cWindows%5cwin.ini',
      '/C:/Windows/win.ini',
      '/.env',
      '/%2eenv',
    ];
    for (const path of attempts) {
      const r = await get(path);
      expect({ path, status: r.status, body: text(r.body) }).toEqual({ path, status: 404, body: '' });
    }
  });

  it('refuses parent, hidden, encoded-separator and absolute paths before touching the disk (no URL normalisation to rely on)', () => {
    for (const raw of ['/../secret.js', '/assets/../../secret.js', '/..\\secret.js', '/assets/%2e%2e/x.js', '/a%2f..%2f..%2fsecret.js', '/%2fetc%2fpasswd', '//etc/passwd', '/x%00.js', '/%zz.js', 'secret.js', '']) {
      expect({ raw, file: resolveRendererPath(root, raw) }).toEqual({ raw, file: null });
    }
    expect(resolveRendererPath(root, '/assets/index-abc.js')).toBe(join(root, 'assets', 'index-abc.js'));
  });

  it('answers only its own origin: another host, a port, user info or another scheme get nothing', async () => {
    for (const url of ['app://other-host/index.html', 'app://workshop-booking.evil/index.html', 'app://workshop-booking:8080/index.html', 'app://me@workshop-booking/index.html', `file://${join(root, 'index.html')}`, 'http://workshop-booking/index.html']) {
      const r = await serveRendererRequest(root, url);
      expect({ url, status: r.status, body: r.body }).toEqual({ url, status: 404, body: null });
    }
  });

  it('serves no file of a type the page does not need, and no folder', async () => {
    for (const path of ['/assets/notes.xyz', '/assets', '/assets/']) {
      expect((await get(path)).status).toBe(404);
    }
  });

  it('answers index.html for no other unknown path: the app has no path routes and its assets are relative', async () => {
    for (const path of ['/settings', '/workshops/42', '/assets/missing.js', '/favicon.ico']) {
      const r = await get(path);
      expect({ path, status: r.status, body: text(r.body) }).toEqual({ path, status: 404, body: '' });
    }
  });

  it('reads only: HEAD gives the headers alone, other methods are refused', async () => {
    const head = await get('/index.html', 'HEAD');
    expect(head).toMatchObject({ status: 200, body: null, headers: { 'content-type': 'text/html; charset=utf-8' } });
    const post = await get('/index.html', 'POST');
    expect(post).toMatchObject({ status: 405, body: null, headers: { allow: 'GET, HEAD' } });
  });
});

describe('the renderer CSP', () => {
  it('is the same policy in renderer/index.html as in the header the protocol sends', () => {
    const html = readFileSync(join(import.meta.dirname, '../../renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(RENDERER_CSP);
    expect(RENDERER_CSP_HEADER.startsWith(`${RENDERER_CSP};`)).toBe(true);
  });

  it("allows scripts and connections from the app's own origin only", () => {
    const directives = Object.fromEntries(RENDERER_CSP_HEADER.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['connect-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(RENDERER_CSP_HEADER).not.toMatch(/file:|unsafe-eval|\*/);
  });
});
