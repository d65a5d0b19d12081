import { protocol } from 'electron';
import { APP_SCHEME } from '../protocol/app-origin';
import { serveRendererRequest } from '../protocol/renderer-files';

/**
 * Before the app is ready (Chromium fixes scheme privileges at start-up): app:// is a standard,
 * secure origin of its own, so 'self' in the CSP means exactly it and web storage works. It is not
 * corsEnabled (that would let other origins read it) and cannot bypass the CSP.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);
}

/** After ready: app://workshop-booking/… answered from the built renderer folder only. */
export function serveRendererFrom(root: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const answer = await serveRendererRequest(root, request.url, request.method);
    return new Response(answer.body, { status: answer.status, headers: answer.headers });
  });
}
